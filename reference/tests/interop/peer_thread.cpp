#include "peer_thread.hpp"

#include <utility>

namespace atsharp::test {

PeerThread::PeerThread(std::function<void()> part)
    : thread_([this, part = std::move(part)] {
        try {
          part();
        } catch (...) {
          failure_ = std::current_exception();
        }
      }) {}

PeerThread::~PeerThread() {
  if (thread_.joinable()) thread_.join();
}

void PeerThread::join() {
  if (thread_.joinable()) thread_.join();
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

}  // namespace atsharp::test
