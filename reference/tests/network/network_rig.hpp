#pragma once
// What the SocketNetwork tests share: a SocketNetwork on an io_context of its own that records
// every event it delivers, a loop runner with a deadline, and free loopback ports.

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "runtime/network/socket_network.hpp"

namespace atsharp::reference::test {

using namespace std::chrono_literals;

class NetworkRig {
 public:
  explicit NetworkRig(double timeScale = 1.0, SocketLimits limits = {});

  /// Runs the loop until @p done says so or @p limit passed; returns done().
  bool runUntil(const std::function<bool()>& done, std::chrono::milliseconds limit = 5s);
  /// Runs the loop for @p time (to show that nothing happens).
  void runFor(std::chrono::milliseconds time);

  /// The events of @p id as text (see describe); Received ones only if @p withData.
  std::vector<std::string> eventsOf(ActivityId id, bool withData = true) const;
  /// All bytes received by @p id, in order.
  Bytes receivedBy(ActivityId id) const;
  /// A final event of @p id was delivered.
  bool ended(ActivityId id) const;
  /// The largest Received of @p id.
  std::size_t largestChunkOf(ActivityId id) const;

  boost::asio::io_context io;
  std::vector<NetworkEvent> events;
  /// Called after each event is recorded, from inside the delivery (it may make requests).
  std::function<void(const NetworkEvent&)> onEvent;
  SocketNetwork net;
};

/// "Connected 1 127.0.0.1:5000", "Received 1 5 from 127.0.0.3:4000", "Failed 1 38016", ...
std::string describe(const NetworkEvent& event);
std::string text(const Endpoint& endpoint);

/// A port nobody uses on @p address now, for TCP (both TCP and UDP with @p udpToo).
std::uint16_t freePort(const std::string& address, bool udpToo = false);

}  // namespace atsharp::reference::test

/// Event lists in a failed check, as the list they are.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& lines) {
    std::string all = "{";
    for (const std::string& line : lines) all += (all.size() > 1 ? " | " : "") + line;
    return (all + "}").c_str();
  }
};
