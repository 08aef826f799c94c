#include "transfer_engine.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

namespace atsharp::reference {
namespace {

// How often the connection of an upload waiting for the module's data is looked at: a hang-up
// is seen well within any wait of the module, and an idle upload costs a poll() a tick.
constexpr std::chrono::milliseconds kHangUpProbe{50};

}  // namespace

TransferEngine::TransferEngine(boost::asio::io_context& io, Reports reports,
                               TransferLimits limits)
    : io_(io),
      reports_(std::move(reports)),
      limits_(limits),
      multi_(io, [this](CURL* easy, CURLcode result) { done(easy, result); }) {}

TransferEngine::~TransferEngine() {
  while (!jobs_.empty()) end(jobs_.begin()->first);
}

void TransferEngine::launch(TransferTag tag, const Factory& make) {
  end(tag.id);
  TransferJob::Sink sink{
      [this, tag](NetworkEvent event) { reports_.event(tag, std::move(event)); },
      [this, tag](std::size_t bytes) { reports_.taken(tag, bytes); },
      // From now on the connection is probed for a hang-up: the watch is set again.
      [this, tag] {
        if (find(tag) != nullptr) watch(tag);
      }};
  std::unique_ptr<TransferJob> job = make(tag.id, std::move(sink), limits_);
  if (!job->start()) return;  // its Failed is reported
  job->setReadingPaused(readingPaused_);
  CURL* easy = job->easy();
  if (multi_.add(easy, job->mayConnect()) != CURLM_OK) {
    reports_.event(tag, Failed{tag.id, catalogue::CmeError::OpenSessionFailed});
    return;
  }
  byHandle_[easy] = tag.id;
  jobs_[tag.id] =
      Running{tag.serial, std::move(job), std::make_unique<boost::asio::steady_timer>(io_)};
  watch(tag);
}

void TransferEngine::send(TransferTag tag, Bytes data) {
  command(tag, [&](TransferJob& job) { job.send(std::move(data)); });
}

void TransferEngine::finish(TransferTag tag) {
  command(tag, [](TransferJob& job) { job.finish(); });
}

void TransferEngine::close(TransferTag tag) {
  TransferJob* job = find(tag);
  if (job == nullptr) return;
  multi_.cut(job->easy());
  end(tag.id);
}

void TransferEngine::delivered(TransferTag tag, std::size_t bytes) {
  command(tag, [bytes](TransferJob& job) { job.delivered(bytes); });
}

void TransferEngine::pauseReading(bool paused) {
  readingPaused_ = paused;
  for (auto& [id, running] : jobs_) running.job->setReadingPaused(paused);
  multi_.collectDone();
}

TransferJob* TransferEngine::find(TransferTag tag) {
  auto found = jobs_.find(tag.id);
  if (found == jobs_.end() || found->second.serial != tag.serial) return nullptr;
  return found->second.job.get();
}

// A command may lift a pause, and libcurl may end the transfer from inside curl_easy_pause():
// what ended is collected right after.
template <typename Command>
void TransferEngine::command(TransferTag tag, Command run) {
  TransferJob* job = find(tag);
  if (job == nullptr) return;
  run(*job);
  multi_.collectDone();
}

void TransferEngine::done(CURL* easy, CURLcode result) {
  auto found = byHandle_.find(easy);
  if (found == byHandle_.end()) return;
  const ActivityId id = found->second;
  TransferJob& job = *jobs_.at(id).job;
  multi_.remove(easy);
  if (job.finished(result) == TransferJob::Next::Again) {
    if (multi_.add(easy, job.mayConnect()) == CURLM_OK) return;
    job.cannotContinue();
  }
  end(id);
}

void TransferEngine::watch(TransferTag tag) {
  Running& running = jobs_.at(tag.id);
  const SilenceWatch::Clock::time_point now = SilenceWatch::Clock::now();
  SilenceWatch::Clock::time_point next = running.job->silence().nextCheck(now);
  if (running.job->waitsForModuleData()) next = std::min(next, now + kHangUpProbe);
  running.watch->expires_at(next);
  // Ending the job destroys the timer: its wait then ends as aborted and touches nothing.
  running.watch->async_wait([this, tag](const boost::system::error_code& error) {
    if (!error) checkSilence(tag);
  });
}

void TransferEngine::checkSilence(TransferTag tag) {
  TransferJob* job = find(tag);
  if (job == nullptr) return;
  if (job->silence().expired(SilenceWatch::Clock::now())) {
    return giveUp(tag.id, CURLE_OPERATION_TIMEDOUT);
  }
  if (job->waitsForModuleData() && multi_.hungUp(job->easy())) {
    return giveUp(tag.id, CURLE_SEND_ERROR);
  }
  watch(tag);
}

// The job's step stops where the server left it (silent, or gone): the job maps that place to
// its code with @p result, as for any failure libcurl reports. The connection is cut before the handle leaves (see
// CurlMulti::cut): libcurl would otherwise end an SMTP body with the end of the mail, and wait
// for the silent server's answer to QUIT.
void TransferEngine::giveUp(ActivityId id, CURLcode result) {
  TransferJob& job = *jobs_.at(id).job;
  multi_.cut(job.easy());
  multi_.remove(job.easy());
  job.finished(result);  // a failed step is the job's last
  end(id);
}

void TransferEngine::end(ActivityId id) {
  auto found = jobs_.find(id);
  if (found == jobs_.end()) return;
  CURL* easy = found->second.job->easy();
  multi_.remove(easy);
  byHandle_.erase(easy);
  jobs_.erase(found);
}

}  // namespace atsharp::reference
