#include "dns_channel.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <chrono>

#include "socket_address.hpp"

namespace atsharp::reference {
namespace {

using Error = boost::system::error_code;

// c-ares wants its global state set up once per process (a no-op on Linux today, but its
// documentation makes it the rule); it is never torn down, as other channels may still live.
void initLibrary() {
  static const int status = ares_library_init(ARES_LIB_INIT_ALL);
  (void)status;  // a failure shows up as ares_init_options failing
}

std::optional<std::string> firstIpv4(const ares_addrinfo* result) {
  for (const ares_addrinfo_node* node = result ? result->nodes : nullptr; node;
       node = node->ai_next) {
    if (node->ai_family != AF_INET || !node->ai_addr) continue;
    char text[INET_ADDRSTRLEN] = {};
    const auto* address = reinterpret_cast<const sockaddr_in*>(node->ai_addr);
    if (inet_ntop(AF_INET, &address->sin_addr, text, sizeof text)) return std::string(text);
  }
  return std::nullopt;
}

}  // namespace

DnsChannel::Watch::Watch(boost::asio::io_context& io, int fd, std::uint64_t generation)
    : descriptor(io), generation(generation) {
  Error error;
  // A descriptor the loop cannot watch leaves the lookup to c-ares' own timeouts.
  descriptor.assign(fd, error);
}

DnsChannel::DnsChannel(boost::asio::io_context& io) : io_(io), timer_(io) { initLibrary(); }

DnsChannel::~DnsChannel() { shutdown(); }

bool DnsChannel::lookUp(const DnsLookup& lookup, const SocketLimits& limits, Done done) {
  if (!init(limits) || !setServers(lookup.servers, lookup.port) ||
      !setLocalAddress(lookup.localAddress)) {
    shutdown();
    return false;
  }
  done_ = std::move(done);
  ares_addrinfo_hints hints{};
  hints.ai_family = AF_INET;        // the module's addresses are IPv4: A records only
  hints.ai_flags = ARES_AI_NOSORT;  // sorting would probe routes with extra sockets
  ares_getaddrinfo(channel_, lookup.name.c_str(), nullptr, &hints, &DnsChannel::onAddresses,
                   this);
  settle();
  return true;
}

bool DnsChannel::init(const SocketLimits& limits) {
  ares_options options{};
  int mask = 0;
  // No search domains, no HOSTALIASES: the name is asked as given.
  options.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOALIASES;
  mask |= ARES_OPT_FLAGS;
  options.timeout = static_cast<int>(limits.dnsTimeout.count());
  mask |= ARES_OPT_TIMEOUTMS;
  options.tries = limits.dnsTries;
  mask |= ARES_OPT_TRIES;
  options.ndomains = 0;
  mask |= ARES_OPT_DOMAINS;
  // "b": DNS only, never /etc/hosts ("f").
  options.lookups = const_cast<char*>("b");
  mask |= ARES_OPT_LOOKUPS;
  options.sock_state_cb = &DnsChannel::onSocketState;
  options.sock_state_cb_data = this;
  mask |= ARES_OPT_SOCK_STATE_CB;
  // DNSSERV1 first, then DNSSERV2, even if the host's resolv.conf says "options rotate".
  mask |= ARES_OPT_NOROTATE;
  options.nsort = 0;
  mask |= ARES_OPT_SORTLIST;
  // Nothing of the host's resolver configuration: its servers are replaced anyway, and its
  // options (search, ndots, sortlist) have no business in the module's lookups.
  options.resolvconf_path = const_cast<char*>("/dev/null");
  mask |= ARES_OPT_RESOLVCONF;
  return ares_init_options(&channel_, &options, mask) == ARES_SUCCESS;
}

bool DnsChannel::setServers(const std::vector<std::string>& servers, std::uint16_t port) {
  std::vector<ares_addr_port_node> nodes;
  nodes.reserve(servers.size());
  for (const std::string& server : servers) {
    const auto address = parseIpv4(server);
    if (!address) continue;  // not a server c-ares could ask
    ares_addr_port_node node{};
    node.family = AF_INET;
    node.addr.addr4.s_addr = htonl(address->to_uint());
    node.udp_port = port;
    node.tcp_port = port;
    nodes.push_back(node);
  }
  if (nodes.empty()) return false;
  for (std::size_t i = 0; i + 1 < nodes.size(); ++i) nodes[i].next = &nodes[i + 1];
  return ares_set_servers_ports(channel_, nodes.data()) == ARES_SUCCESS;
}

// c-ares binds each socket it opens to this address (host byte order) before it sends.
bool DnsChannel::setLocalAddress(const std::string& localAddress) {
  if (localAddress.empty()) return true;
  const auto address = parseIpv4(localAddress);
  if (!address) return false;
  ares_set_local_ip4(channel_, address->to_uint());
  return true;
}

void DnsChannel::shutdown() {
  finished_ = true;
  if (channel_) {
    // Calls onAddresses (ARES_EDESTRUCTION, ignored) and onSocketState for every socket.
    ares_destroy(channel_);
    channel_ = nullptr;
  }
  for (auto& [fd, watch] : watches_) watch->descriptor.release();
  watches_.clear();
  timer_.cancel();
  done_ = nullptr;
}

void DnsChannel::onSocketState(void* self, ares_socket_t fd, int readable, int writable) {
  static_cast<DnsChannel*>(self)->socketState(fd, readable != 0, writable != 0);
}

void DnsChannel::onAddresses(void* self, int status, int, ares_addrinfo* result) {
  auto* channel = static_cast<DnsChannel*>(self);
  std::optional<std::string> address;
  if (status == ARES_SUCCESS) address = firstIpv4(result);
  if (result) ares_freeaddrinfo(result);
  if (channel->finished_) return;  // shut down: nobody waits
  channel->finished_ = true;
  const Done done = std::move(channel->done_);
  if (done) done(std::move(address));
}

void DnsChannel::socketState(int fd, bool readable, bool writable) {
  if (!readable && !writable) return forget(fd);
  std::unique_ptr<Watch>& watch = watches_[fd];
  if (!watch) watch = std::make_unique<Watch>(io_, fd, ++generations_);
  watch->wantRead = readable;
  watch->wantWrite = writable;
}

// c-ares is about to close @p fd: the loop lets go of it without closing it, and its pending
// waits end as aborted.
void DnsChannel::forget(int fd) {
  const auto found = watches_.find(fd);
  if (found == watches_.end()) return;
  found->second->descriptor.release();
  watches_.erase(found);
}

void DnsChannel::armWaits() {
  for (auto& [fd, watch] : watches_) {
    if (!watch->descriptor.is_open()) continue;  // left to c-ares' timeouts (see Watch)
    if (watch->wantRead && !watch->readWaiting) wait(fd, *watch, true);
    if (watch->wantWrite && !watch->writeWaiting) wait(fd, *watch, false);
  }
}

void DnsChannel::wait(int fd, Watch& watch, bool forRead) {
  (forRead ? watch.readWaiting : watch.writeWaiting) = true;
  const auto kind = forRead ? boost::asio::posix::descriptor_base::wait_read
                            : boost::asio::posix::descriptor_base::wait_write;
  watch.descriptor.async_wait(
      kind, [self = shared_from_this(), fd, generation = watch.generation,
             forRead](const Error& error) { self->onReady(fd, generation, forRead, error); });
}

void DnsChannel::onReady(int fd, std::uint64_t generation, bool forRead, const Error& error) {
  const auto found = watches_.find(fd);
  if (found == watches_.end() || found->second->generation != generation) return;  // stale
  (forRead ? found->second->readWaiting : found->second->writeWaiting) = false;
  if (error == boost::asio::error::operation_aborted || !channel_ || finished_) return;
  ares_process_fd(channel_, forRead ? fd : ARES_SOCKET_BAD, forRead ? ARES_SOCKET_BAD : fd);
  settle();
}

void DnsChannel::armTimer() {
  timeval room{};
  if (!ares_timeout(channel_, nullptr, &room)) {
    timer_.cancel();
    return;
  }
  timer_.expires_after(std::chrono::seconds(room.tv_sec) + std::chrono::microseconds(room.tv_usec));
  timer_.async_wait([self = shared_from_this()](const Error& error) {
    if (error || !self->channel_ || self->finished_) return;
    // No descriptor: c-ares only looks at what timed out (a retry, the next server).
    ares_process_fd(self->channel_, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
    self->settle();
  });
}

void DnsChannel::settle() {
  if (finished_) return shutdown();
  armWaits();
  armTimer();
}

}  // namespace atsharp::reference
