#pragma once
// The transfers of TransferNetwork on one io_context (the worker thread's): a libcurl multi
// handle, the jobs by activity, and the commands of the module (data, end of data, close,
// delivered bytes, the host line's state). It reports through Reports, from its own thread;
// TransferNetwork carries the reports over to the module's loop.
//
// Each job has a timer on its SilenceWatch: a server that keeps the job waiting longer than
// the limits allow ends it, with the code of the step where it stopped. libcurl would not: it
// checks its own reply timeout only when it runs, and a silent server gives it no reason to.
// The same timer looks at the connection of an upload that waits for the module's data, which
// a paused libcurl does not watch: a server that hangs up then ends the job at once, not when
// the module's own timer (PUTMAIL's 50 s of inactivity) runs out.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>

#include "curl_multi.hpp"
#include "transfer_job.hpp"
#include "transfer_limits.hpp"

namespace atsharp::reference {

/// One incarnation of an activity: the module may reuse an id once the activity ended, and
/// what the old one still reports must not reach the new one.
struct TransferTag {
  ActivityId id = 0;
  std::uint64_t serial = 0;
};

class TransferEngine {
 public:
  struct Reports {
    std::function<void(TransferTag, NetworkEvent)> event;
    /// Upload bytes libcurl took from what send() queued.
    std::function<void(TransferTag, std::size_t)> taken;
  };
  using Factory =
      std::function<std::unique_ptr<TransferJob>(ActivityId, TransferJob::Sink,
                                                 const TransferLimits&)>;

  TransferEngine(boost::asio::io_context& io, Reports reports, TransferLimits limits);
  ~TransferEngine();
  TransferEngine(const TransferEngine&) = delete;
  TransferEngine& operator=(const TransferEngine&) = delete;

  /// Starts the job @p make builds, as @p tag (ending one still running under its id).
  void launch(TransferTag tag, const Factory& make);
  void send(TransferTag tag, Bytes data);
  void finish(TransferTag tag);
  /// Abandons the job at once: nothing more is reported of it.
  void close(TransferTag tag);
  void delivered(TransferTag tag, std::size_t bytes);
  void pauseReading(bool paused);

 private:
  struct Running {
    std::uint64_t serial;
    std::unique_ptr<TransferJob> job;
    /// When to look at the job's SilenceWatch next.
    std::unique_ptr<boost::asio::steady_timer> watch;
  };

  TransferJob* find(TransferTag tag);
  template <typename Command>
  void command(TransferTag tag, Command run);
  void done(CURL* easy, CURLcode result);
  void watch(TransferTag tag);
  void checkSilence(TransferTag tag);
  void giveUp(ActivityId id, CURLcode result);
  void end(ActivityId id);

  boost::asio::io_context& io_;
  Reports reports_;
  TransferLimits limits_;
  bool readingPaused_ = false;
  // The multi handle outlives the jobs (destroyed after them): each job's handle leaves it
  // before its cleanup.
  CurlMulti multi_;
  std::unordered_map<ActivityId, Running> jobs_;
  std::unordered_map<CURL*, ActivityId> byHandle_;
};

}  // namespace atsharp::reference
