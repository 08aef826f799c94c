#pragma once
// A TransferNetwork on an io_context the test runs itself, with every event it delivers kept in
// order, and the waits the tests need.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

#include "atsharp/reference/network.hpp"
#include "runtime/network/transfer_network.hpp"

namespace atsharp::test {

class TransferRig {
 public:
  /// @p limits in module time at @p timeScale (real seconds per module second).
  explicit TransferRig(reference::TransferLimits limits = {}, double timeScale = 1.0);

  reference::TransferNetwork& network() noexcept { return network_; }
  const std::vector<reference::NetworkEvent>& events() const noexcept { return events_; }

  /// Called after each event is kept (it may make requests).
  void onEvent(std::function<void(const reference::NetworkEvent&)> hook) {
    hook_ = std::move(hook);
  }

  /// Runs the loop until @p done (checked after each handler, and @p step run before each
  /// check) or until @p timeout; returns done().
  bool runUntil(const std::function<bool()>& done,
                std::chrono::milliseconds timeout = std::chrono::seconds(20),
                const std::function<void()>& step = {});
  /// Runs the loop for @p duration.
  void runFor(std::chrono::milliseconds duration);
  /// Runs until the final event of @p id came; that event (nothing at the timeout).
  std::optional<reference::NetworkEvent> runToEnd(
      reference::ActivityId id, std::chrono::milliseconds timeout = std::chrono::seconds(20));

  /// The events of @p id, in order.
  std::vector<reference::NetworkEvent> eventsOf(reference::ActivityId id) const;
  /// The bytes of @p id's Received events, joined.
  Bytes receivedOf(reference::ActivityId id) const;
  /// Whether @p id had an event of type Event.
  template <typename Event>
  bool had(reference::ActivityId id) const {
    for (const auto& event : eventsOf(id)) {
      if (std::holds_alternative<Event>(event)) return true;
    }
    return false;
  }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::vector<reference::NetworkEvent> events_;
  std::function<void(const reference::NetworkEvent&)> hook_;
  reference::TransferNetwork network_;
};

/// The code of @p event when it is a Failed; 0 otherwise.
int failureCode(const std::optional<reference::NetworkEvent>& event);

}  // namespace atsharp::test
