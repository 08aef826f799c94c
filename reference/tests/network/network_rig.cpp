#include "network_rig.hpp"

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/udp.hpp>
#include <stdexcept>
#include <thread>

namespace atsharp::reference::test {

namespace asio = boost::asio;

NetworkRig::NetworkRig(double timeScale, SocketLimits limits)
    : net(
          io,
          [this](NetworkEvent event) {
            events.push_back(std::move(event));
            if (onEvent) onEvent(events.back());
          },
          timeScale, limits) {}

bool NetworkRig::runUntil(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    if (io.run_one_for(10ms) == 0 && io.stopped()) {
      io.restart();  // out of work for now: the test's own sockets may still do something
      std::this_thread::sleep_for(1ms);
    }
  }
  return true;
}

void NetworkRig::runFor(std::chrono::milliseconds time) {
  runUntil([] { return false; }, time);
}

std::vector<std::string> NetworkRig::eventsOf(ActivityId id, bool withData) const {
  std::vector<std::string> result;
  for (const NetworkEvent& event : events) {
    if (activityOf(event) != id) continue;
    if (!withData && std::holds_alternative<Received>(event)) continue;
    result.push_back(describe(event));
  }
  return result;
}

Bytes NetworkRig::receivedBy(ActivityId id) const {
  Bytes all;
  for (const NetworkEvent& event : events) {
    const auto* received = std::get_if<Received>(&event);
    if (received && received->id == id)
      all.insert(all.end(), received->data.begin(), received->data.end());
  }
  return all;
}

bool NetworkRig::ended(ActivityId id) const {
  return std::any_of(events.begin(), events.end(), [id](const NetworkEvent& event) {
    return activityOf(event) == id && isFinal(event);
  });
}

std::size_t NetworkRig::largestChunkOf(ActivityId id) const {
  std::size_t largest = 0;
  for (const NetworkEvent& event : events) {
    const auto* received = std::get_if<Received>(&event);
    if (received && received->id == id) largest = std::max(largest, received->data.size());
  }
  return largest;
}

std::string text(const Endpoint& endpoint) {
  return endpoint.address + ":" + std::to_string(endpoint.port);
}

std::string describe(const NetworkEvent& event) {
  struct Describe {
    std::string operator()(const Resolved& e) const {
      return "Resolved " + std::to_string(e.id) + " " + e.address;
    }
    std::string operator()(const Listening& e) const { return "Listening " + std::to_string(e.id); }
    std::string operator()(const Connected& e) const {
      return "Connected " + std::to_string(e.id) + " " + text(e.peer);
    }
    std::string operator()(const Ready& e) const { return "Ready " + std::to_string(e.id); }
    std::string operator()(const Received& e) const {
      return "Received " + std::to_string(e.id) + " " + std::to_string(e.data.size()) +
             (e.from ? " from " + text(*e.from) : "");
    }
    std::string operator()(const Closed& e) const { return "Closed " + std::to_string(e.id); }
    std::string operator()(const Failed& e) const {
      return "Failed " + std::to_string(e.id) + " " + std::to_string(static_cast<int>(e.code));
    }
    std::string operator()(const MailRetrieved& e) const {
      return "MailRetrieved " + std::to_string(e.id);
    }
    std::string operator()(const PingAnswer& e) const {
      return "PingAnswer " + std::to_string(e.id) +
             (e.milliseconds ? " " + std::to_string(*e.milliseconds) + " ms" : " none");
    }
  };
  return std::visit(Describe{}, event);
}

std::uint16_t freePort(const std::string& address, bool udpToo) {
  asio::io_context io;
  const auto ip = asio::ip::make_address_v4(address);
  for (int attempt = 0; attempt < 50; ++attempt) {
    asio::ip::tcp::acceptor tcp(io, asio::ip::tcp::endpoint(ip, 0));
    const std::uint16_t port = tcp.local_endpoint().port();
    if (!udpToo) return port;
    asio::ip::udp::socket udp(io, asio::ip::udp::v4());
    boost::system::error_code error;
    udp.bind(asio::ip::udp::endpoint(ip, port), error);
    if (!error) return port;
  }
  throw std::runtime_error("no free port on " + address);
}

}  // namespace atsharp::reference::test
