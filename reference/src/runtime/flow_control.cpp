#include "flow_control.hpp"

#include <chrono>

namespace atsharp::reference {

FlowControl::FlowControl(boost::asio::io_context& io, Probes probes)
    : probes_(std::move(probes)), retry_(io) {}

// Each direction stops above kHigh and goes again below kLow, so that it does not flap.
void FlowControl::check() {
  const std::size_t towardHost = probes_.towardHost();
  if (!networkPaused_ && towardHost > kHigh) {
    networkPaused_ = true;
    probes_.pauseNetwork(true);
  } else if (networkPaused_ && towardHost < kLow) {
    networkPaused_ = false;
    probes_.pauseNetwork(false);
  }
  const std::size_t towardNetwork = probes_.towardNetwork();
  const bool moduleFull = !probes_.moduleWantsInput();
  if (!hostPaused_ && (towardNetwork > kHigh || moduleFull)) {
    hostPaused_ = true;
    probes_.pauseHost(true);
  } else if (hostPaused_ && towardNetwork < kLow && !moduleFull) {
    hostPaused_ = false;
    probes_.pauseHost(false);
  }
  // The network's queues and the module's own input drain without telling anyone: while the
  // host line is paused, look again shortly.
  if (hostPaused_) checkAgainSoon();
}

void FlowControl::checkAgainSoon() {
  if (retryArmed_) return;
  retryArmed_ = true;
  retry_.expires_after(std::chrono::milliseconds(2));
  retry_.async_wait([this](const boost::system::error_code& error) {
    retryArmed_ = false;
    if (!error) check();
  });
}

}  // namespace atsharp::reference
