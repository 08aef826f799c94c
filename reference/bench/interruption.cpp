#include "interruption.hpp"

#include <atomic>
#include <csignal>

namespace atsharp::bench {
namespace {

// Lock-free, so that the handler may store to it.
std::atomic<bool> gInterrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void onSignal(int) { gInterrupted.store(true); }

}  // namespace

void catchInterruptions() {
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() noexcept { return gInterrupted.load(); }

void throwIfInterrupted() {
  if (interrupted()) throw Interrupted();
}

}  // namespace atsharp::bench
