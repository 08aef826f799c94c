#pragma once
// A network namespace of the calling thread's own whose loopback is up and ignores ICMP echo
// requests: a ping there gets no answer without a packet leaving the machine. Threads the
// calling thread starts afterwards (the reference module's loop and transfer threads) are in
// it too. The destructor takes the thread back to the namespace it was in; destroy everything
// started inside before.

#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::test {

class SilentNetwork {
 public:
  /// Throws std::system_error when a namespace cannot be made (it needs root).
  SilentNetwork();
  ~SilentNetwork();
  SilentNetwork(const SilentNetwork&) = delete;
  SilentNetwork& operator=(const SilentNetwork&) = delete;

 private:
  UniqueFd original_;
};

}  // namespace atsharp::test
