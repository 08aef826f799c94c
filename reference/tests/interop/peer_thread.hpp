#pragma once
// A network peer's part, played on a thread of its own while the test drives the host. What
// goes wrong on the thread is kept and thrown again by join(), in the test's thread, where
// doctest reports it.

#include <exception>
#include <functional>
#include <thread>

namespace atsharp::test {

class PeerThread {
 public:
  explicit PeerThread(std::function<void()> part);
  /// Joins (the part's own deadlines bound the wait); what it threw is dropped here.
  ~PeerThread();
  PeerThread(const PeerThread&) = delete;
  PeerThread& operator=(const PeerThread&) = delete;

  /// Waits for the part to end; throws what it threw.
  void join();

 private:
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace atsharp::test
