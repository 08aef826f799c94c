#pragma once
// A retrieved mail put together from the lines of AT#GETMAIL's answer (3.2.2, 3.1.8), which the
// response parser gives one by one, dot-stuffing removed. With POP3HEADERMODE 1 the header's
// lines come first, up to an empty line; the body follows. With mode 0 every line is body
// (empty ones too), which is why the builder must be told the mode.

#include <cstddef>
#include <string>

#include "atsharp/module/actions.hpp"

namespace atsharp::detail {

class RetrievedMailBuilder {
 public:
  /// What a mail may hold: 8 times the largest mail the reference module retrieves (1 MiB).
  /// Beyond it, a module that does not end its mail could fill the host's memory.
  static constexpr std::size_t kMaxSize = 8 << 20;

  /// @p withHeader: POP3HEADERMODE is 1.
  explicit RetrievedMailBuilder(bool withHeader) : inHeader_(withHeader) {}

  /// The next line of the mail, without its line end. Dropped once the mail is over kMaxSize.
  void take(std::string line);
  /// True once a line was dropped for the size.
  bool overflowed() const noexcept { return overflowed_; }
  /// The mail: header lines, and the body lines each ended by CR LF.
  RetrievedMail mail() const { return mail_; }

 private:
  bool inHeader_;
  bool overflowed_ = false;
  std::size_t size_ = 0;
  RetrievedMail mail_;
};

}  // namespace atsharp::detail
