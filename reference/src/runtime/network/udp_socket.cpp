#include "udp_socket.hpp"

#include "socket_address.hpp"

namespace atsharp::reference {

using boost::asio::ip::udp;
using catalogue::CmeError;

UdpSocket::UdpSocket(boost::asio::io_context& io, ActivitySink sink)
    : socket_(io), sink_(std::move(sink)) {}

void UdpSocket::start(const Endpoint& local) {
  const auto address = parseLocalIpv4(local.address);
  Error error = boost::asio::error::invalid_argument;
  if (address) socket_.open(udp::v4(), error);
  if (!error) socket_.bind(udp::endpoint(*address, local.port), error);
  if (error) return fail(CmeError::OpenSessionFailed);
  open_ = true;
  sink_.report(Listening{sink_.id()});
  readMore();
}

void UdpSocket::send(Bytes data, const std::optional<Endpoint>& to) {
  if (!open_) return;
  const auto address = to ? parseIpv4(to->address) : std::nullopt;
  if (!address || data.size() > kMaxDatagram) return fail(CmeError::DataSendFailed);
  queuedBytes_ += data.size();
  queue_.push_back(Datagram{std::move(data), udp::endpoint(*address, to->port)});
  writeMore();
}

void UdpSocket::setPaused(bool paused) {
  paused_ = paused;
  if (paused_ || !open_) return;
  if (held_) {
    const auto [error, size] = *held_;
    held_.reset();
    return handleReceive(error, size);
  }
  readMore();
}

void UdpSocket::stop() {
  open_ = false;
  stopped_ = true;
  held_.reset();
  if (!writing_) closeNow();  // else once the queue is out
}

void UdpSocket::readMore() {
  if (!open_ || reading_ || paused_ || awaitingDelivery_ || held_) return;
  reading_ = true;
  socket_.async_receive_from(boost::asio::buffer(buffer_), sender_,
                             [self = shared_from_this()](const Error& error, std::size_t size) {
                               self->onReceive(error, size);
                             });
}

void UdpSocket::onReceive(const Error& error, std::size_t size) {
  reading_ = false;
  if (!open_) return;
  if (paused_) {
    held_.emplace(error, size);
    return;
  }
  handleReceive(error, size);
}

void UdpSocket::handleReceive(const Error& error, std::size_t size) {
  if (error) return fail(CmeError::DataSendFailed);
  awaitingDelivery_ = true;
  Bytes datagram(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(size));
  const Endpoint from{sender_.address().to_string(), sender_.port()};
  sink_.report(Received{sink_.id(), std::move(datagram), from}, [self = shared_from_this()] {
    self->awaitingDelivery_ = false;
    self->readMore();
  });
}

void UdpSocket::writeMore() {
  if (writing_ || queue_.empty()) return;
  writing_ = true;
  const Datagram& next = queue_.front();
  socket_.async_send_to(
      boost::asio::buffer(next.data), next.to,
      [self = shared_from_this()](const Error& error, std::size_t) { self->onSent(error); });
}

void UdpSocket::onSent(const Error& error) {
  writing_ = false;
  if (!open_ && !stopped_) return;  // failed meanwhile
  if (error) return stopped_ ? closeNow() : fail(CmeError::DataSendFailed);
  queuedBytes_ -= queue_.front().data.size();
  queue_.pop_front();
  if (!queue_.empty()) return writeMore();
  if (stopped_) closeNow();
}

void UdpSocket::fail(CmeError code) {
  open_ = false;
  closeNow();
  sink_.report(Failed{sink_.id(), code});
}

void UdpSocket::closeNow() {
  Error ignored;
  socket_.close(ignored);
  queue_.clear();
  queuedBytes_ = 0;
  held_.reset();
}

}  // namespace atsharp::reference
