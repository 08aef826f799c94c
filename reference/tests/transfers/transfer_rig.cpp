#include "transfer_rig.hpp"

#include <variant>

namespace atsharp::test {

using namespace reference;

TransferRig::TransferRig(TransferLimits limits, double timeScale)
    : work_(boost::asio::make_work_guard(io_)),
      network_(
          io_,
          [this](NetworkEvent event) {
            events_.push_back(std::move(event));
            if (hook_) hook_(events_.back());
          },
          limits, timeScale) {}

bool TransferRig::runUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                           const std::function<void()>& step) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (step) step();
    if (done()) return true;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return false;
    // In short slices, so that @p step runs even while no event comes.
    io_.run_one_for(std::min<std::chrono::steady_clock::duration>(deadline - now,
                                                                  std::chrono::milliseconds(20)));
  }
}

void TransferRig::runFor(std::chrono::milliseconds duration) {
  runUntil([] { return false; }, duration);
}

std::optional<NetworkEvent> TransferRig::runToEnd(ActivityId id,
                                                   std::chrono::milliseconds timeout) {
  std::optional<NetworkEvent> final;
  runUntil(
      [&] {
        for (const NetworkEvent& event : events_) {
          if (activityOf(event) == id &&
              (std::holds_alternative<Closed>(event) || std::holds_alternative<Failed>(event) ||
               std::holds_alternative<MailRetrieved>(event))) {
            final = event;
            return true;
          }
        }
        return false;
      },
      timeout);
  return final;
}

std::vector<NetworkEvent> TransferRig::eventsOf(ActivityId id) const {
  std::vector<NetworkEvent> result;
  for (const NetworkEvent& event : events_) {
    if (activityOf(event) == id) result.push_back(event);
  }
  return result;
}

Bytes TransferRig::receivedOf(ActivityId id) const {
  Bytes result;
  for (const NetworkEvent& event : events_) {
    if (const auto* received = std::get_if<Received>(&event); received && received->id == id) {
      result.insert(result.end(), received->data.begin(), received->data.end());
    }
  }
  return result;
}

int failureCode(const std::optional<NetworkEvent>& event) {
  if (!event) return 0;
  const auto* failed = std::get_if<Failed>(&*event);
  return failed != nullptr ? static_cast<int>(failed->code) : 0;
}

}  // namespace atsharp::test
