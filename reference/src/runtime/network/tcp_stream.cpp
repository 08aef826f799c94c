#include "tcp_stream.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <boost/asio/write.hpp>

namespace atsharp::reference {

using boost::asio::ip::tcp;
using catalogue::CmeError;
namespace error = boost::asio::error;

TcpStream::TcpStream(boost::asio::io_context& io, ActivitySink sink, const SocketLimits& limits)
    : socket_(io), linger_(io), sink_(std::move(sink)), lingerLimit_(limits.closeLinger) {}

void TcpStream::start(tcp::socket socket) {
  if (state_ != State::Waiting) return;
  socket_ = std::move(socket);
  state_ = State::Open;
  readMore();
  writeMore();
}

void TcpStream::send(Bytes data) {
  if (data.empty() || (state_ != State::Waiting && state_ != State::Open)) return;
  queuedBytes_ += data.size();
  queue_.push_back(std::move(data));
  writeMore();
}

void TcpStream::setPaused(bool paused) {
  paused_ = paused;
  if (paused_ || state_ != State::Open) return;
  if (held_) {
    const auto [error, size] = *held_;
    held_.reset();
    return handleRead(error, size);
  }
  readMore();
}

void TcpStream::stop() {
  if (state_ == State::Waiting) return closeNow();
  if (state_ != State::Open) return;
  state_ = State::Closing;
  linger_.expires_after(lingerLimit_);
  linger_.async_wait([self = shared_from_this()](const Error& error) {
    if (!error) self->closeNow();
  });
  if (held_) {
    const Error error = held_->first;
    held_.reset();
    if (error) return onReadWhileClosing(error);
  }
  if (!writing_ && queue_.empty()) shutdownAndDrain();
  if (!reading_ && !peerFinished_) issueRead();
}

// Reads only when the module has taken the last chunk and the host line is not backed up.
void TcpStream::readMore() {
  if (state_ != State::Open || reading_ || paused_ || awaitingDelivery_ || held_ || peerFinished_) {
    return;
  }
  issueRead();
}

void TcpStream::issueRead() {
  reading_ = true;
  socket_.async_read_some(boost::asio::buffer(buffer_),
                          [self = shared_from_this()](const Error& error, std::size_t size) {
                            self->onRead(error, size);
                          });
}

void TcpStream::onRead(const Error& error, std::size_t size) {
  reading_ = false;
  if (state_ == State::Closing) {
    if (!error) return issueRead();  // read and dropped: the module closed
    return onReadWhileClosing(error);
  }
  if (state_ != State::Open) return;
  if (paused_) {
    held_.emplace(error, size);
    return;
  }
  handleRead(error, size);
}

void TcpStream::handleRead(const Error& error, std::size_t size) {
  if (!error) {
    awaitingDelivery_ = true;
    Bytes chunk(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(size));
    sink_.report(Received{sink_.id(), std::move(chunk), std::nullopt}, [self = shared_from_this()] {
      self->awaitingDelivery_ = false;
      self->readMore();
    });
    return;
  }
  if (error == error::eof && resetByPeer()) {
    return finish(Failed{sink_.id(), CmeError::TcpSessionCancelled});
  }
  if (error == error::eof) {
    peerFinished_ = true;
    // With data still to write the peer may yet read it (a half-close): the writes decide.
    if (queue_.empty()) finish(Closed{sink_.id()});
    return;
  }
  finish(Failed{sink_.id(), CmeError::TcpSessionCancelled});
}

void TcpStream::onReadWhileClosing(const Error& error) {
  if (error != error::eof) return closeNow();
  peerFinished_ = true;
  if (!writing_ && queue_.empty()) closeNow();
}

void TcpStream::writeMore() {
  if (writing_ || queue_.empty() || (state_ != State::Open && state_ != State::Closing)) return;
  writing_ = true;
  boost::asio::async_write(
      socket_, boost::asio::buffer(queue_.front()),
      [self = shared_from_this()](const Error& error, std::size_t) { self->onWrite(error); });
}

void TcpStream::onWrite(const Error& error) {
  writing_ = false;
  if (state_ == State::Ended) return;
  if (error) return state_ == State::Closing ? closeNow() : failWrite(error);
  queuedBytes_ -= queue_.front().size();
  queue_.pop_front();
  if (!queue_.empty()) return writeMore();
  if (state_ == State::Closing) return shutdownAndDrain();
  if (peerFinished_) finish(Closed{sink_.id()});
}

// A reset reaches a read as end of file when a write in the same turn of the event loop took the
// error first (the kernel reports ECONNRESET once); the connection state tells the two apart: a
// FIN leaves it in CLOSE_WAIT, a reset in CLOSE.
bool TcpStream::resetByPeer() {
  tcp_info info{};
  socklen_t size = sizeof info;
  if (::getsockopt(socket_.native_handle(), IPPROTO_TCP, TCP_INFO, &info, &size) != 0) return false;
  return info.tcpi_state == TCP_CLOSE;
}

void TcpStream::failWrite(const Error& error) {
  CmeError code = CmeError::DataSendFailed;
  if (peerFinished_) {
    code = CmeError::TcpClosedByPeer;  // 37966: the FIN came before our data was out
  } else if (error == error::connection_reset) {
    code = CmeError::TcpSessionCancelled;
  }
  finish(Failed{sink_.id(), code});
}

// After close(): everything queued is out, so the FIN follows it; the socket closes once the
// peer's FIN comes (or the linger ends), never with unread data that would turn it into a reset.
void TcpStream::shutdownAndDrain() {
  Error ignored;
  socket_.shutdown(tcp::socket::shutdown_send, ignored);
  if (peerFinished_) closeNow();
}

void TcpStream::finish(NetworkEvent final) {
  sink_.report(std::move(final));
  closeNow();
}

void TcpStream::closeNow() {
  state_ = State::Ended;
  Error ignored;
  socket_.close(ignored);
  linger_.cancel();
  queue_.clear();
  queuedBytes_ = 0;
  held_.reset();
}

}  // namespace atsharp::reference
