#pragma once
// How the Emulator's thread-safe functions reach the module, which only the loop thread may
// touch: while the loop runs, a call is queued for it and the caller waits for the result;
// while it does not, the call runs in the caller's thread under the gate's lock, since nobody
// else can touch the module then. A call queued as the loop stops still runs: the loop
// thread runs what is left before it lets go.

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <type_traits>

namespace atsharp::reference {

class LoopGate {
 public:
  explicit LoopGate(boost::asio::io_context& io) : io_(io) {}

  /// Runs @p function on the loop (or here, when the loop does not run) and returns its
  /// result, or rethrows what it threw.
  template <typename Function>
  std::invoke_result_t<Function&> call(Function function);

  /// Forgets an earlier stop request: the next runLoop() runs.
  void allowRun();
  /// Makes runLoop() return (or not start). Thread-safe, also from the loop's own handlers.
  void requestStop();
  /// Runs the loop in this thread until requestStop(); returns at once when a stop was
  /// requested since allowRun().
  void runLoop();

 private:
  void runQueued();
  void finish();

  boost::asio::io_context& io_;
  std::mutex mutex_;
  bool running_ = false;
  bool stopRequested_ = false;
  std::deque<std::function<void()>> queued_;
};

template <typename Function>
std::invoke_result_t<Function&> LoopGate::call(Function function) {
  using Result = std::invoke_result_t<Function&>;
  std::unique_lock lock(mutex_);
  if (!running_) return function();
  if (io_.get_executor().running_in_this_thread()) {
    lock.unlock();
    return function();
  }
  auto task = std::make_shared<std::packaged_task<Result()>>(std::move(function));
  std::future<Result> result = task->get_future();
  queued_.emplace_back([task] { (*task)(); });
  boost::asio::post(io_, [this] { runQueued(); });
  lock.unlock();
  return result.get();
}

}  // namespace atsharp::reference
