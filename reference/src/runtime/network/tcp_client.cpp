#include "tcp_client.hpp"

#include "socket_address.hpp"

namespace atsharp::reference {

using boost::asio::ip::tcp;
using catalogue::CmeError;

TcpClient::TcpClient(boost::asio::io_context& io, ActivitySink sink, const SocketLimits& limits)
    : socket_(io),
      timer_(io),
      sink_(sink),
      timeout_(limits.connectTimeout),
      stream_(std::make_shared<TcpStream>(io, std::move(sink), limits)) {}

void TcpClient::start(const std::string& localAddress, const Endpoint& remote) {
  remote_ = remote;
  const auto local = parseLocalIpv4(localAddress);
  const auto peer = parseIpv4(remote.address);
  if (!local || !peer) return fail(CmeError::OpenSessionFailed);
  Error error;
  socket_.open(tcp::v4(), error);
  if (!error && !localAddress.empty()) socket_.bind(tcp::endpoint(*local, 0), error);
  if (error) return fail(CmeError::OpenSessionFailed);
  connecting_ = true;
  socket_.async_connect(
      tcp::endpoint(*peer, remote.port),
      [self = shared_from_this()](const Error& error) { self->onConnect(error); });
  // The kernel would retry its SYN for minutes; a module gives up sooner.
  timer_.expires_after(timeout_);
  timer_.async_wait([self = shared_from_this()](const Error& error) {
    if (!error && self->connecting_) self->fail(CmeError::NoResponseFromServer);
  });
}

void TcpClient::onConnect(const Error& error) {
  if (!connecting_) return;  // timed out or stopped
  connecting_ = false;
  timer_.cancel();
  if (error == boost::asio::error::timed_out) return fail(CmeError::NoResponseFromServer);
  if (error) return fail(CmeError::OpenSessionFailed);
  Error ignored;
  // The module sends what its host typed as soon as TCPTXDELAY says so: no Nagle on top.
  socket_.set_option(tcp::no_delay(true), ignored);
  sink_.report(Connected{sink_.id(), remote_});
  stream_->start(std::move(socket_));
}

void TcpClient::fail(CmeError code) {
  connecting_ = false;
  Error ignored;
  socket_.close(ignored);
  timer_.cancel();
  stream_->stop();
  sink_.report(Failed{sink_.id(), code});
}

void TcpClient::send(Bytes data, const std::optional<Endpoint>&) { stream_->send(std::move(data)); }

void TcpClient::setPaused(bool paused) { stream_->setPaused(paused); }

std::size_t TcpClient::queued() const { return stream_->queued(); }

void TcpClient::stop() {
  connecting_ = false;
  Error ignored;
  socket_.close(ignored);
  timer_.cancel();
  stream_->stop();
}

}  // namespace atsharp::reference
