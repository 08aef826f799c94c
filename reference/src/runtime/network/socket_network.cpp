#include "socket_network.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/post.hpp>
#include <cmath>
#include <string>

#include "atsharp/error.hpp"
#include "dns_resolution.hpp"
#include "icmp_echo.hpp"
#include "module_waits.hpp"
#include "tcp_client.hpp"
#include "tcp_server.hpp"
#include "udp_socket.hpp"

namespace atsharp::reference {
namespace {

// The outbox hands the module this many events per turn of the loop at most, so that a module
// reacting to each event with more requests cannot keep the loop from its sockets.
constexpr std::size_t kDeliveriesPerTurn = 64;

double checkedScale(double timeScale) {
  if (!std::isfinite(timeScale) || timeScale <= 0) {
    throw UsageError("time scale " + std::to_string(timeScale) + " is not a positive number");
  }
  return timeScale;
}

// Names an echo request among all of this host's: a raw socket sees every process's replies,
// so the identifier is the process's and the sequence is counted across all SocketNetworks of
// the process.
EchoHeader nextEchoHeader() {
  static std::atomic<std::uint16_t> sequence{0};
  return EchoHeader{static_cast<std::uint16_t>(::getpid() & 0xFFFF),
                    static_cast<std::uint16_t>(++sequence)};
}

}  // namespace

SocketNetwork::SocketNetwork(boost::asio::io_context& io, Deliver deliver, double timeScale,
                             SocketLimits limits)
    : io_(io),
      deliver_(std::move(deliver)),
      timeScale_(checkedScale(timeScale)),
      limits_(atTimeScale(limits, timeScale_)) {}

SocketNetwork::~SocketNetwork() {
  alive_.reset();
  for (auto& [id, entry] : activities_) entry.activity->stop();
}

void SocketNetwork::resolve(ActivityId id, const std::string& localAddress,
                            const std::string& name, const std::vector<std::string>& servers,
                            std::uint16_t port) {
  const std::uint64_t serial = nextSerial();
  auto activity = std::make_shared<DnsResolution>(io_, sinkFor(id, serial), limits_);
  launch(id, serial, activity, [&] { activity->start(localAddress, name, servers, port); });
}

void SocketNetwork::tcpConnect(ActivityId id, const std::string& localAddress,
                               const Endpoint& remote) {
  const std::uint64_t serial = nextSerial();
  auto activity = std::make_shared<TcpClient>(io_, sinkFor(id, serial), limits_);
  launch(id, serial, activity, [&] { activity->start(localAddress, remote); });
}

void SocketNetwork::tcpListen(ActivityId id, const Endpoint& local,
                              const std::optional<std::string>& allowedPeer) {
  const std::uint64_t serial = nextSerial();
  auto activity = std::make_shared<TcpServer>(io_, sinkFor(id, serial), limits_);
  launch(id, serial, activity, [&] { activity->start(local, allowedPeer); });
}

void SocketNetwork::udpOpen(ActivityId id, const Endpoint& local) {
  const std::uint64_t serial = nextSerial();
  auto activity = std::make_shared<UdpSocket>(io_, sinkFor(id, serial));
  launch(id, serial, activity, [&] { activity->start(local); });
}

void SocketNetwork::ping(ActivityId id, const std::string& localAddress, const std::string& address,
                         ModuleTime timeout) {
  const std::uint64_t serial = nextSerial();
  auto activity = std::make_shared<IcmpEcho>(io_, sinkFor(id, serial), timeScale_);
  launch(id, serial, activity,
         [&] { activity->start(localAddress, address, timeout, nextEchoHeader()); });
}

void SocketNetwork::send(ActivityId id, Bytes data, const std::optional<Endpoint>& to) {
  const auto found = activities_.find(id);
  if (found == activities_.end() || found->second.ended) return;
  found->second.activity->send(std::move(data), to);
}

void SocketNetwork::close(ActivityId id) {
  outbox_.drop(id);
  const auto found = activities_.find(id);
  if (found == activities_.end()) return;
  const std::shared_ptr<SocketActivity> activity = std::move(found->second.activity);
  activities_.erase(found);
  activity->stop();
  retire(activity);
}

bool SocketNetwork::owns(ActivityId id) const { return activities_.contains(id); }

std::size_t SocketNetwork::queuedToNetwork() const {
  std::size_t total = 0;
  for (const auto& [id, entry] : activities_) total += entry.activity->queued();
  for (const auto& activity : draining_) total += activity->queued();
  return total;
}

void SocketNetwork::pauseReading(bool paused) {
  if (paused == paused_) return;
  paused_ = paused;
  // A copy: resuming a reader may end its activity, which must not disturb the iteration.
  std::vector<std::shared_ptr<SocketActivity>> activities;
  for (const auto& [id, entry] : activities_) activities.push_back(entry.activity);
  for (const auto& activity : activities) activity->setPaused(paused);
}

ActivitySink SocketNetwork::sinkFor(ActivityId id, std::uint64_t serial) {
  return ActivitySink(id, [this, id, serial](NetworkEvent event, ActivitySink::Continuation then) {
    report(id, serial, std::move(event), std::move(then));
  });
}

template <typename Start>
void SocketNetwork::launch(ActivityId id, std::uint64_t serial,
                           const std::shared_ptr<SocketActivity>& activity, Start start) {
  // The module gives every activity an id of its own; one still alive under it has lost its
  // owner and ends without a word.
  close(id);
  activities_[id] = Entry{serial, activity, false};
  activity->setPaused(paused_);
  start();
}

void SocketNetwork::report(ActivityId id, std::uint64_t serial, NetworkEvent event,
                           ActivitySink::Continuation then) {
  const auto found = activities_.find(id);
  if (found == activities_.end() || found->second.serial != serial || found->second.ended) {
    return;  // closed, replaced, or already ended: the module hears nothing more of it
  }
  if (isFinal(event)) found->second.ended = true;
  outbox_.push(SocketOutbox::Entry{id, serial, std::move(event), std::move(then)});
  scheduleFlush();
}

void SocketNetwork::scheduleFlush() {
  if (flushPosted_) return;
  flushPosted_ = true;
  boost::asio::post(io_, [this, alive = std::weak_ptr<char>(alive_)] {
    if (alive.expired()) return;
    flushPosted_ = false;
    flush();
  });
}

void SocketNetwork::flush() {
  for (std::size_t i = 0; i < kDeliveriesPerTurn; ++i) {
    std::optional<SocketOutbox::Entry> entry = outbox_.pop();
    if (!entry) return;
    deliverOne(std::move(*entry));
  }
  if (!outbox_.empty()) scheduleFlush();
}

void SocketNetwork::deliverOne(SocketOutbox::Entry entry) {
  const auto found = activities_.find(entry.id);
  if (found == activities_.end() || found->second.serial != entry.serial) return;
  if (isFinal(entry.event)) {
    // Gone before the module hears of it: the module may reuse the id while handling it.
    retire(std::move(found->second.activity));
    activities_.erase(found);
  }
  deliver_(std::move(entry.event));
  // After the delivery, which may have closed the activity or paused reading: the activity
  // checks for itself.
  if (entry.then) entry.then();
}

// An activity leaves the table; one that still writes what was queued before it ended stays
// in sight for queuedToNetwork until it is done. Finished ones are dropped on the way.
void SocketNetwork::retire(std::shared_ptr<SocketActivity> activity) {
  std::erase_if(draining_, [](const auto& draining) { return draining->queued() == 0; });
  if (activity && activity->queued() > 0) draining_.push_back(std::move(activity));
}

}  // namespace atsharp::reference
