#include "support/deviating_target.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace atsharp::harness::test {
namespace {

// How long a partial match may wait for the rest of it before it passes as it is.
constexpr auto kHoldBack = std::chrono::milliseconds(30);

// The module's line with the deviation applied to what the module sends. A thread reads the
// module, rewrites, and queues the result with the time each piece may be read.
class DeviatingLine final : public Transport {
 public:
  DeviatingLine(Transport& inner, Deviation deviation)
      : inner_(inner), deviation_(std::move(deviation)), thread_([this] { pump(); }) {}
  ~DeviatingLine() override {
    close();
    thread_.join();
  }

  IoResult write(ByteView bytes, Deadline deadline) override { return inner_.write(bytes, deadline); }

  IoResult read(std::span<Byte> buffer, Deadline deadline) override {
    std::unique_lock lock(mutex_);
    while (true) {
      if (!queue_.empty() && queue_.front().second <= Clock::now()) {
        std::string& front = queue_.front().first;
        const std::size_t count = std::min(front.size(), buffer.size());
        std::copy_n(front.begin(), count, buffer.begin());
        front.erase(0, count);
        if (front.empty()) queue_.pop_front();
        return {IoStatus::Ok, count};
      }
      if (queue_.empty() && closed_) return {IoStatus::Closed, 0};
      if (Clock::now() >= deadline) return {IoStatus::Timeout, 0};
      const auto wake = queue_.empty() ? deadline : std::min(deadline, queue_.front().second);
      changed_.wait_until(lock, wake);
    }
  }

  void close() override {
    inner_.close();
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

  std::string describe() const override { return inner_.describe(); }

 private:
  void pump() {
    std::array<Byte, 1024> buffer{};
    std::string held;
    while (true) {
      const IoResult read = inner_.read(buffer, after(kHoldBack));
      held.append(reinterpret_cast<const char*>(buffer.data()), read.count);
      if (read.status == IoStatus::Closed) {
        emit(held);
        std::lock_guard lock(mutex_);
        closed_ = true;
        changed_.notify_all();
        return;
      }
      rewrite(held, read.status == IoStatus::Timeout);
    }
  }

  // Replaces what matches; keeps back a tail that may be the start of a match, unless the
  // line went quiet.
  void rewrite(std::string& held, bool quiet) {
    while (times_ != 0) {
      const std::size_t at = held.find(deviation_.from);
      if (at == std::string::npos) break;
      emit(held.substr(0, at));
      if (deviation_.delay.count() > 0) {
        std::lock_guard lock(mutex_);
        releaseAt_ = std::max(releaseAt_, Clock::now() + deviation_.delay);
      }
      emit(deviation_.to);
      held.erase(0, at + deviation_.from.size());
      if (times_ > 0) --times_;
    }
    std::size_t keep = 0;
    if (!quiet && times_ != 0) {
      for (std::size_t length = std::min(held.size(), deviation_.from.size() - 1); length > 0; --length) {
        if (deviation_.from.compare(0, length, held, held.size() - length, length) == 0) {
          keep = length;
          break;
        }
      }
    }
    emit(held.substr(0, held.size() - keep));
    held.erase(0, held.size() - keep);
  }

  void emit(const std::string& bytes) {
    if (bytes.empty()) return;
    std::lock_guard lock(mutex_);
    queue_.emplace_back(bytes, std::max(releaseAt_, Clock::now()));
    changed_.notify_all();
  }

  Transport& inner_;
  Deviation deviation_;
  int times_ = deviation_.times;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::string, Clock::time_point>> queue_;
  Clock::time_point releaseAt_{};
  bool closed_ = false;
  std::thread thread_;
};

class DeviatingModule final : public CaseModule {
 public:
  DeviatingModule(std::unique_ptr<CaseModule> inner, const Deviation& deviation)
      : inner_(std::move(inner)), line_(inner_->line(), deviation) {}
  Transport& line() override { return line_; }
  RadioControl* radio() override { return inner_->radio(); }
  Vars vars() const override { return inner_->vars(); }
  std::string describe() const override { return inner_->describe() + " (deviating)"; }

 private:
  std::unique_ptr<CaseModule> inner_;
  DeviatingLine line_;
};

}  // namespace

DeviatingTarget::DeviatingTarget(Deviation deviation, ReferenceTargetOptions options)
    : deviation_(std::move(deviation)), inner_(std::move(options)) {}

std::unique_ptr<CaseModule> DeviatingTarget::open(const ModuleRequest& request) {
  return std::make_unique<DeviatingModule>(inner_.open(request), deviation_);
}

}  // namespace atsharp::harness::test
