#pragma once
// The control channel's server: a Unix stream socket that takes JSON request lines from any
// number of clients (up to a limit) and answers each with one reply line. What a request means
// is the owner's business (the answer function); this file is the socket side: accepting,
// framing, bounds, and the socket file's life.

#include <sys/types.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace atsharp::reference {

class ControlClient;

class ControlChannel {
 public:
  /// The reply line (without its line end) to one request line (without its line end).
  using Answer = std::function<std::string(std::string_view request)>;

  /// The longest request line; a longer one is answered with an error and ends its client
  /// (no line of the protocol comes near it; a client that sends one is broken).
  static constexpr std::size_t kMaxLine = 64 * 1024;
  /// Clients at once; another one is closed as soon as it connects.
  static constexpr std::size_t kMaxClients = 32;
  /// Replies waiting for a client that does not read them, at most; beyond, it is dropped.
  static constexpr std::size_t kMaxPendingReplies = 1024 * 1024;

  /// Listens on @p path. A stale socket left there by a process that died is replaced; a
  /// socket something still listens on, or a file of another kind, is left alone and
  /// TransportError is thrown (also for a path too long for a Unix socket).
  ControlChannel(boost::asio::io_context& io, std::filesystem::path path, Answer answer);
  /// Closes every client and removes the socket file (if it is still this channel's).
  ~ControlChannel();
  ControlChannel(const ControlChannel&) = delete;
  ControlChannel& operator=(const ControlChannel&) = delete;

 private:
  void take(boost::asio::local::stream_protocol::socket socket);

  std::filesystem::path path_;
  boost::asio::local::stream_protocol::acceptor acceptor_;
  boost::asio::steady_timer retry_;
  Answer answer_;
  std::vector<std::weak_ptr<ControlClient>> clients_;
  /// The socket file's identity, so that a file another process put there since is not removed.
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

}  // namespace atsharp::reference
