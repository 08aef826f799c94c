#pragma once
// A libcurl multi handle driven by a Boost.Asio io_context: libcurl's sockets are waited on
// with Asio (CurlSockets), its timeout with a steady_timer, and each readiness becomes one
// curl_multi_socket_action. Finished transfers are handed to Done, always from the loop and
// never from inside a libcurl callback, so Done may remove, re-add or clean up handles.

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <unordered_map>

#include "curl_sockets.hpp"

namespace atsharp::reference {

class CurlMulti {
 public:
  /// A transfer ended with @p result. The handle is still in the multi handle.
  using Done = std::function<void(CURL* easy, CURLcode result)>;

  CurlMulti(boost::asio::io_context& io, Done done);
  ~CurlMulti();
  CurlMulti(const CurlMulti&) = delete;
  CurlMulti& operator=(const CurlMulti&) = delete;

  /// Starts the transfer set up on @p easy (its sockets are opened through this object).
  /// Without @p mayConnect it may only run on a connection libcurl kept from the transfer
  /// before: a new one is refused (the step of a session must not silently start another).
  CURLMcode add(CURL* easy, bool mayConnect = true);
  /// Takes @p easy out (abandoning its transfer if it runs). Harmless when it is not in.
  void remove(CURL* easy);
  /// Cuts the connection @p easy is using (shutdown of its socket), before the handle is taken
  /// out of a transfer the module gave up on. libcurl ends an SMTP body it is told to stop with
  /// "CR LF . CR LF" (its done step sends the end of the mail whenever the transfer had no
  /// error), which would deliver half a mail as a whole one; with the socket shut down that
  /// write fails, and the server sees the connection drop in the middle of DATA.
  void cut(CURL* easy);
  /// Whether the peer of the connection @p easy is using closed it, or it broke. libcurl does
  /// not watch the socket of a paused upload (CURL_POLL_REMOVE), so a server that hangs up
  /// meanwhile goes unseen until the upload resumes: its owner asks.
  bool hungUp(CURL* easy) const;
  /// Hands the transfers that ended to Done. Called after each socket action, and by the
  /// owner after curl_easy_pause(), which may end one.
  void collectDone();

 private:
  static int onSocket(CURL* easy, curl_socket_t socket, int what, void* self, void* socketp);
  static int onTimer(CURLM* multi, long timeoutMs, void* self);
  static curl_socket_t onOpenSocket(void* self, curlsocktype purpose, curl_sockaddr* address);
  static int onCloseSocket(void* self, curl_socket_t socket);

  void schedule(long timeoutMs);
  void act(curl_socket_t socket, int cselect);

  /// What CURLOPT_OPENSOCKETDATA points to: one per handle in the multi handle.
  struct Opener {
    CurlMulti* multi;
    bool mayConnect;
  };

  Done done_;
  CURLM* multi_;
  CurlSockets sockets_;
  boost::asio::steady_timer timer_;
  std::unordered_map<CURL*, std::unique_ptr<Opener>> handles_;
  /// The socket each handle last asked to be watched (libcurl names the handle in onSocket),
  /// until libcurl closes it.
  std::unordered_map<CURL*, curl_socket_t> activeSocket_;
  bool collecting_ = false;
  /// Timer handlers hold it weakly: one that runs after the destructor does nothing.
  std::shared_ptr<char> alive_ = std::make_shared<char>();
};

}  // namespace atsharp::reference
