#include "control_client.hpp"

#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>

#include "control_protocol.hpp"

namespace atsharp::reference {

ControlClient::ControlClient(Socket socket, ControlChannel::Answer answer)
    : socket_(std::move(socket)), answer_(std::move(answer)) {}

void ControlClient::close() {
  if (!open_) return;
  open_ = false;
  boost::system::error_code ignored;
  socket_.close(ignored);
}

void ControlClient::readLine() {
  boost::asio::async_read_until(
      socket_, input_, '\n',
      [self = shared_from_this()](const boost::system::error_code& error, std::size_t size) {
        self->onRead(error, size);
      });
}

void ControlClient::onRead(const boost::system::error_code& error, std::size_t size) {
  if (!open_) return;
  if (error == boost::asio::error::not_found) {
    reply(errorReply("request line longer than " + std::to_string(ControlChannel::kMaxLine) +
                     " bytes; closing the connection"));
    return finish();
  }
  if (error == boost::asio::error::eof) {
    // A last request without a line end (printf '...' | socat - UNIX-CONNECT:...) still counts.
    if (input_.size() > 0)
      answerLine(std::string(boost::asio::buffers_begin(input_.data()),
                             boost::asio::buffers_end(input_.data())));
    return finish();
  }
  if (error) return close();
  std::string line(boost::asio::buffers_begin(input_.data()),
                   boost::asio::buffers_begin(input_.data()) + static_cast<std::ptrdiff_t>(size));
  input_.consume(size);
  answerLine(std::move(line));
  if (open_ && !finishing_) readLine();
}

void ControlClient::answerLine(std::string line) {
  if (!line.empty() && line.back() == '\n') line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() > ControlChannel::kMaxLine) {
    reply(errorReply("request line longer than " + std::to_string(ControlChannel::kMaxLine) +
                     " bytes; closing the connection"));
    return finish();
  }
  if (line.empty()) return reply(errorReply("empty request"));
  try {
    reply(answer_(line));
  } catch (const std::exception& failure) {
    reply(errorReply(failure.what()));  // the module could not take it; the channel goes on
  }
}

void ControlClient::reply(std::string text) {
  if (!open_) return;
  text.push_back('\n');
  pendingBytes_ += text.size();
  if (pendingBytes_ > ControlChannel::kMaxPendingReplies) return close();  // it does not read
  replies_.push_back(std::move(text));
  if (!writing_) writeNext();
}

void ControlClient::writeNext() {
  if (replies_.empty()) {
    if (finishing_) close();
    return;
  }
  writing_ = true;
  boost::asio::async_write(
      socket_, boost::asio::buffer(replies_.front()),
      [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
        self->writing_ = false;
        if (error || !self->open_) return self->close();
        self->pendingBytes_ -= self->replies_.front().size();
        self->replies_.pop_front();
        self->writeNext();
      });
}

void ControlClient::finish() {
  finishing_ = true;
  if (!writing_) writeNext();
}

}  // namespace atsharp::reference
