#pragma once
// One connection to the control channel: request lines in, one reply line out for each.

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/streambuf.hpp>

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

#include "control_channel.hpp"

namespace atsharp::reference {

class ControlClient : public std::enable_shared_from_this<ControlClient> {
 public:
  using Socket = boost::asio::local::stream_protocol::socket;

  ControlClient(Socket socket, ControlChannel::Answer answer);

  void start() { readLine(); }
  void close();
  bool isOpen() const noexcept { return open_; }

 private:
  void readLine();
  void onRead(const boost::system::error_code& error, std::size_t size);
  void answerLine(std::string line);
  void reply(std::string text);
  void writeNext();
  /// No more requests are read; the connection ends once the replies are out.
  void finish();

  Socket socket_;
  ControlChannel::Answer answer_;
  /// Room for the longest line, its CR LF, and nothing more: async_read_until fails with
  /// not_found when a line does not end within it.
  boost::asio::streambuf input_{ControlChannel::kMaxLine + 2};
  std::deque<std::string> replies_;
  std::size_t pendingBytes_ = 0;
  bool writing_ = false;
  bool finishing_ = false;
  bool open_ = true;
};

}  // namespace atsharp::reference
