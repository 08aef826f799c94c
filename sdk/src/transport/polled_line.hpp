#pragma once
// The Transport semantics (deadlines, statuses, close from another thread) for every line whose
// bytes move through a LineIo.

#include <memory>

#include "atsharp/transport/transport.hpp"
#include "close_gate.hpp"
#include "line_io.hpp"

namespace atsharp::detail {

/// Reads and writes through a LineIo, waiting with poll() on its descriptors and the close
/// event until the deadline. One reader and one writer may use it at once; close() from any
/// thread wakes both, waits for them to leave, then releases the LineIo (and so its
/// descriptors).
class PolledLine {
 public:
  explicit PolledLine(std::unique_ptr<LineIo> io);
  /// Closes.
  ~PolledLine();
  PolledLine(const PolledLine&) = delete;
  PolledLine& operator=(const PolledLine&) = delete;

  /// As Transport::read.
  IoResult read(std::span<Byte> buffer, Deadline deadline);
  /// As Transport::write.
  IoResult write(ByteView bytes, Deadline deadline);
  /// As Transport::close.
  void close();

 private:
  CloseGate gate_;
  std::unique_ptr<LineIo> io_;
};

}  // namespace atsharp::detail
