#pragma once
// The sockets of a libcurl multi handle, watched by Boost.Asio. libcurl opens and closes them
// through us (CURLOPT_OPENSOCKETFUNCTION, CURLOPT_CLOSESOCKETFUNCTION), so each descriptor is
// known from its creation to its end: Asio lets go of it (release()) before it is closed, and a
// number the kernel hands out again is never mistaken for the old socket. libcurl says what to
// wait for (CURLMOPT_SOCKETFUNCTION); readiness goes back through Ready.

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <unordered_map>

namespace atsharp::reference {

class CurlSockets {
 public:
  /// A socket is ready: @p cselect is CURL_CSELECT_IN, CURL_CSELECT_OUT or CURL_CSELECT_ERR.
  using Ready = std::function<void(curl_socket_t socket, int cselect)>;

  CurlSockets(boost::asio::io_context& io, Ready ready);
  ~CurlSockets();
  CurlSockets(const CurlSockets&) = delete;
  CurlSockets& operator=(const CurlSockets&) = delete;

  /// Opens a socket for libcurl (close-on-exec, so that no child process keeps a transfer's
  /// connection open); CURL_SOCKET_BAD on failure.
  curl_socket_t open(int family, int type, int protocol);
  /// Closes a socket libcurl is done with. 0, or -1 as close(2).
  int close(curl_socket_t socket);
  /// What libcurl waits for on @p socket: CURL_POLL_IN, _OUT, _INOUT or _REMOVE.
  void want(curl_socket_t socket, int what);

 private:
  struct Watch;

  std::shared_ptr<Watch> adopt(curl_socket_t socket, bool owned);
  void arm(curl_socket_t socket, const std::shared_ptr<Watch>& watch);
  void await(curl_socket_t socket, const std::shared_ptr<Watch>& watch, bool reading);
  void fired(curl_socket_t socket, const std::weak_ptr<Watch>& weak, bool reading,
             const boost::system::error_code& error);
  void forget(curl_socket_t socket);

  boost::asio::io_context& io_;
  Ready ready_;
  std::unordered_map<curl_socket_t, std::shared_ptr<Watch>> watches_;
};

}  // namespace atsharp::reference
