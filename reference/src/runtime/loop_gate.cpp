#include "loop_gate.hpp"

#include <boost/asio/executor_work_guard.hpp>

namespace atsharp::reference {

void LoopGate::allowRun() {
  const std::lock_guard lock(mutex_);
  stopRequested_ = false;
}

void LoopGate::requestStop() {
  const std::lock_guard lock(mutex_);
  stopRequested_ = true;
  io_.stop();
}

void LoopGate::runLoop() {
  {
    const std::lock_guard lock(mutex_);
    if (stopRequested_) return;
    running_ = true;
    io_.restart();
  }
  // Only a stop ends the loop, not a moment without anything to wait for.
  auto work = boost::asio::make_work_guard(io_);
  struct Finish {
    LoopGate& gate;
    ~Finish() { gate.finish(); }
  } finish{*this};
  io_.run();
}

void LoopGate::runQueued() {
  std::deque<std::function<void()>> tasks;
  {
    const std::lock_guard lock(mutex_);
    tasks.swap(queued_);
  }
  for (const auto& task : tasks) task();
}

void LoopGate::finish() {
  const std::lock_guard lock(mutex_);
  running_ = false;
  for (const auto& task : queued_) task();
  queued_.clear();
}

}  // namespace atsharp::reference
