#include "curl_multi.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <chrono>
#include <new>
#include <utility>
#include <vector>

namespace atsharp::reference {

CurlMulti::CurlMulti(boost::asio::io_context& io, Done done)
    : done_(std::move(done)),
      multi_(curl_multi_init()),
      sockets_(io, [this](curl_socket_t socket, int cselect) { act(socket, cselect); }),
      timer_(io) {
  if (multi_ == nullptr) throw std::bad_alloc();
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &CurlMulti::onSocket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &CurlMulti::onTimer);
  curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
}

CurlMulti::~CurlMulti() {
  for (const auto& [easy, opener] : handles_) curl_multi_remove_handle(multi_, easy);
  // Closes the connections libcurl keeps, through onCloseSocket: sockets_ is still whole.
  curl_multi_cleanup(multi_);
  timer_.cancel();
}

CURLMcode CurlMulti::add(CURL* easy, bool mayConnect) {
  auto opener = std::make_unique<Opener>(Opener{this, mayConnect});
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &CurlMulti::onOpenSocket);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, opener.get());
  // A kept connection is closed later, maybe for another handle: its closing goes to the
  // multi handle itself, which outlives every connection.
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &CurlMulti::onCloseSocket);
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
  const CURLMcode code = curl_multi_add_handle(multi_, easy);
  if (code == CURLM_OK) handles_[easy] = std::move(opener);
  return code;
}

void CurlMulti::remove(CURL* easy) {
  activeSocket_.erase(easy);
  if (handles_.erase(easy) == 0) return;
  curl_multi_remove_handle(multi_, easy);
}

void CurlMulti::collectDone() {
  if (collecting_) return;  // Done started something that ended at once: the loop below sees it
  collecting_ = true;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{collecting_};
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_, &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    // The message is libcurl's and goes away with the handle: copy it first.
    CURL* easy = message->easy_handle;
    const CURLcode result = message->data.result;
    if (handles_.contains(easy)) done_(easy, result);
  }
}

void CurlMulti::cut(CURL* easy) {
  const auto found = activeSocket_.find(easy);
  if (found != activeSocket_.end()) ::shutdown(found->second, SHUT_RDWR);
}

// POLLRDHUP tells a peer's FIN even when a reply (a 421 before closing) is still unread.
bool CurlMulti::hungUp(CURL* easy) const {
  const auto found = activeSocket_.find(easy);
  if (found == activeSocket_.end()) return false;
  pollfd probe{found->second, POLLIN | POLLRDHUP, 0};
  if (::poll(&probe, 1, 0) <= 0) return false;
  return (probe.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

int CurlMulti::onSocket(CURL* easy, curl_socket_t socket, int what, void* self, void*) {
  auto& multi = *static_cast<CurlMulti*>(self);
  // A paused upload is not watched (CURL_POLL_REMOVE) but still owns its socket: only its
  // closing ends the pairing.
  if (what != CURL_POLL_REMOVE) multi.activeSocket_[easy] = socket;
  multi.sockets_.want(socket, what);
  return 0;
}

int CurlMulti::onTimer(CURLM*, long timeoutMs, void* self) {
  static_cast<CurlMulti*>(self)->schedule(timeoutMs);
  return 0;
}

curl_socket_t CurlMulti::onOpenSocket(void* opener, curlsocktype, curl_sockaddr* address) {
  const auto& [self, mayConnect] = *static_cast<Opener*>(opener);
  if (!mayConnect) return CURL_SOCKET_BAD;
  return self->sockets_.open(address->family, address->socktype, address->protocol);
}

int CurlMulti::onCloseSocket(void* self, curl_socket_t socket) {
  auto& multi = *static_cast<CurlMulti*>(self);
  std::erase_if(multi.activeSocket_, [socket](const auto& entry) { return entry.second == socket; });
  return multi.sockets_.close(socket);
}

// libcurl may not be called back from its own timer callback: even a timeout of 0 goes
// through the timer, and so runs from the loop.
void CurlMulti::schedule(long timeoutMs) {
  if (timeoutMs < 0) {
    timer_.cancel();
    return;
  }
  timer_.expires_after(std::chrono::milliseconds(timeoutMs));
  timer_.async_wait([this, alive = std::weak_ptr<char>(alive_)](
                        const boost::system::error_code& error) {
    if (error || alive.expired()) return;
    act(CURL_SOCKET_TIMEOUT, 0);
  });
}

void CurlMulti::act(curl_socket_t socket, int cselect) {
  int running = 0;
  curl_multi_socket_action(multi_, socket, cselect, &running);
  collectDone();
}

}  // namespace atsharp::reference
