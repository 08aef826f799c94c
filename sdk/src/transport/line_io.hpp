#pragma once
// The one thing that differs between lines over file descriptors: how bytes are moved without
// waiting. PolledLine does the waiting, the deadlines and the closing around it.

#include <cstddef>
#include <span>

#include "atsharp/bytes.hpp"

namespace atsharp::detail {

/// What one attempt to move bytes without waiting did.
struct Step {
  enum class Kind {
    Moved,       ///< count bytes moved (count > 0)
    WouldBlock,  ///< nothing can move now
    Closed,      ///< the other side is gone (end of file, or a hang-up error)
  };
  Kind kind;
  std::size_t count = 0;
};

/// Non-blocking byte movement over descriptors that can be polled. The destructor releases the
/// descriptors. Other errors throw TransportError.
class LineIo {
 public:
  virtual ~LineIo() = default;
  /// The descriptor to poll for reading.
  virtual int readFd() const noexcept = 0;
  /// The descriptor to poll for writing.
  virtual int writeFd() const noexcept = 0;
  /// Reads what is there, up to buffer.size() bytes (buffer is never empty).
  virtual Step readSome(std::span<Byte> buffer) = 0;
  /// Writes what fits now, up to bytes.size() bytes (bytes is never empty).
  virtual Step writeSome(ByteView bytes) = 0;
};

}  // namespace atsharp::detail
