#include "session/rx_stream.hpp"

#include <array>
#include <chrono>

#include "atsharp/error.hpp"

namespace atsharp::harness {
namespace {
// How often the reader looks at the stop flag while the line is silent.
constexpr auto kPollInterval = std::chrono::milliseconds(50);
}  // namespace

RxStream::RxStream(Transport& line, std::size_t limit) : line_(line), limit_(limit) {}

RxStream::~RxStream() { stop(); }

void RxStream::start() { thread_ = std::thread([this] { run(); }); }

void RxStream::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void RxStream::run() {
  std::array<Byte, 4096> buffer{};
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    IoResult result{IoStatus::Timeout, 0};
    std::optional<std::string> failure;
    try {
      result = line_.read(buffer, after(kPollInterval));
    } catch (const Error& error) {
      failure = error.what();
    }
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    if (result.count > 0) {
      if (total_ + result.count > limit_) {
        end_.overflow = true;
      } else {
        total_ += result.count;
        pending_.push_back(RxChunk{Bytes(buffer.begin(), buffer.begin() + result.count), now});
      }
    }
    if (failure) end_.failure = failure;
    if (result.status == IoStatus::Closed) end_.closed = true;
    if (result.count > 0 || end_.ended()) arrived_.notify_all();
    if (end_.ended()) return;
  }
}

RxEnd RxStream::take(std::vector<RxChunk>& into, Deadline deadline) {
  std::unique_lock lock(mutex_);
  arrived_.wait_until(lock, deadline, [this] { return !pending_.empty() || end_.ended(); });
  for (RxChunk& chunk : pending_) into.push_back(std::move(chunk));
  pending_.clear();
  return end_;
}

}  // namespace atsharp::harness
