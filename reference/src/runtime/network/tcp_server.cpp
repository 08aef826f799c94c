#include "tcp_server.hpp"

#include "socket_address.hpp"

namespace atsharp::reference {

using boost::asio::ip::tcp;
using catalogue::CmeError;

namespace {
// The module's filter value that lets every peer in (the module normally drops it itself).
constexpr const char* kAnyPeer = "255.255.255.255";
}  // namespace

TcpServer::TcpServer(boost::asio::io_context& io, ActivitySink sink, const SocketLimits& limits)
    : acceptor_(io),
      sink_(sink),
      stream_(std::make_shared<TcpStream>(io, std::move(sink), limits)) {}

void TcpServer::start(const Endpoint& local, const std::optional<std::string>& allowedPeer) {
  if (allowedPeer && *allowedPeer != kAnyPeer) allowed_ = allowedPeer;
  if (!bind(local)) return fail();
  sink_.report(Listening{sink_.id()});
  acceptNext();
}

bool TcpServer::bind(const Endpoint& local) {
  const auto address = parseLocalIpv4(local.address);
  if (!address) return false;
  Error error;
  acceptor_.open(tcp::v4(), error);
  // A module listening again on its port must not wait for the last connection's TIME_WAIT.
  if (!error) acceptor_.set_option(tcp::acceptor::reuse_address(true), error);
  if (!error) acceptor_.bind(tcp::endpoint(*address, local.port), error);
  if (!error) acceptor_.listen(tcp::socket::max_listen_connections, error);
  return !error;
}

void TcpServer::acceptNext() {
  acceptor_.async_accept([self = shared_from_this()](const Error& error, tcp::socket peer) {
    self->onAccept(error, std::move(peer));
  });
}

void TcpServer::onAccept(const Error& error, tcp::socket peer) {
  if (!acceptor_.is_open()) return;                                          // stopped
  if (error == boost::asio::error::connection_aborted) return acceptNext();  // that peer gave up
  if (error) return fail();
  Error ignored;
  const tcp::endpoint from = peer.remote_endpoint(ignored);
  if (ignored || !allows(from)) {
    peer.close(ignored);  // turned away: the listening goes on
    return acceptNext();
  }
  // One peer only: later ones are refused by the kernel rather than left waiting.
  acceptor_.close(ignored);
  peer.set_option(tcp::no_delay(true), ignored);
  sink_.report(Connected{sink_.id(), Endpoint{from.address().to_string(), from.port()}});
  stream_->start(std::move(peer));
}

bool TcpServer::allows(const tcp::endpoint& peer) const {
  if (!allowed_) return true;
  const auto allowed = parseIpv4(*allowed_);
  return allowed && *allowed == peer.address().to_v4();
}

void TcpServer::fail() {
  Error ignored;
  acceptor_.close(ignored);
  stream_->stop();
  sink_.report(Failed{sink_.id(), CmeError::OpenSessionFailed});
}

void TcpServer::send(Bytes data, const std::optional<Endpoint>&) { stream_->send(std::move(data)); }

void TcpServer::setPaused(bool paused) { stream_->setPaused(paused); }

std::size_t TcpServer::queued() const { return stream_->queued(); }

void TcpServer::stop() {
  Error ignored;
  acceptor_.close(ignored);
  stream_->stop();
}

}  // namespace atsharp::reference
