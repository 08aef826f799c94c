#pragma once
// Reads the module's line on a thread of its own, from the moment a case starts, and stamps
// every chunk with its arrival time: so that timestamps are when bytes came, not when a step
// looked, and so that a module that floods the line never blocks the harness.

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "atsharp/transport/transport.hpp"

namespace atsharp::harness {

/// The most the module may send during one case: beyond it the stream stops reading (memory
/// stays bounded whatever the module does).
inline constexpr std::size_t kMaxCaseInput = 64 * 1024 * 1024;

struct RxChunk {
  Bytes bytes;
  Clock::time_point at;
};

/// How the line stands.
struct RxEnd {
  bool closed = false;                 ///< the module hung up (or the line was closed)
  std::optional<std::string> failure;  ///< the transport failed (its message)
  bool overflow = false;               ///< more than kMaxCaseInput came
  bool ended() const noexcept { return closed || failure || overflow; }
};

class RxStream {
 public:
  explicit RxStream(Transport& line, std::size_t limit = kMaxCaseInput);
  ~RxStream();
  RxStream(const RxStream&) = delete;
  RxStream& operator=(const RxStream&) = delete;

  void start();
  /// Stops reading (within a tenth of a second) and joins the thread.
  void stop();

  /// Waits until a chunk is there, the line ended, or @p deadline; moves the chunks that came
  /// into @p into and returns how the line stands.
  RxEnd take(std::vector<RxChunk>& into, Deadline deadline);

 private:
  void run();

  Transport& line_;
  std::size_t limit_;
  std::size_t total_ = 0;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<RxChunk> pending_;
  RxEnd end_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace atsharp::harness
