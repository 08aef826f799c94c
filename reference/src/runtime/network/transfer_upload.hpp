#pragma once
// What a transfer uploads (an FTP put's file, an e-mail's message), as libcurl's read callback
// takes it: a prefix known from the start (a mail's header, and its body when the module gave
// it), then the data the module streams through send() until finish().

#include <cstddef>
#include <deque>
#include <string>

#include "atsharp/bytes.hpp"

namespace atsharp::reference {

class TransferUpload {
 public:
  /// What one read() copied.
  struct Read {
    std::size_t bytes = 0;     ///< copied in all
    std::size_t streamed = 0;  ///< of them, bytes that came through push()
  };

  /// Data sent before whatever push() adds.
  void setPrefix(std::string prefix);
  /// Data to upload; ignored after finish().
  void push(Bytes data);
  /// No more push(): once read whole, the upload ends.
  void finish() noexcept { finished_ = true; }

  /// Copies up to @p size bytes into @p buffer, the prefix first.
  Read read(char* buffer, std::size_t size);

  /// Everything was read and nothing more comes.
  bool complete() const noexcept { return finished_ && available() == 0; }
  /// Bytes push() took that read() did not.
  std::size_t queued() const noexcept { return queued_; }

 private:
  std::size_t available() const noexcept { return prefix_.size() - prefixRead_ + queued_; }

  std::string prefix_;
  std::size_t prefixRead_ = 0;
  std::deque<Bytes> chunks_;
  std::size_t frontRead_ = 0;
  std::size_t queued_ = 0;
  bool finished_ = false;
};

}  // namespace atsharp::reference
