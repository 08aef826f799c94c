#include "curl_sockets.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/posix/stream_descriptor.hpp>

#include <utility>

namespace atsharp::reference {

// One socket: Asio's view of it, and what libcurl waits for. The map owns it; the pending
// waits only hold it weakly, so that a wait completing after the socket ended finds nothing.
struct CurlSockets::Watch {
  Watch(boost::asio::io_context& io, curl_socket_t socket, bool ownedByUs)
      : descriptor(io, socket), owned(ownedByUs) {}
  // The descriptor belongs to libcurl (or to close()): Asio only lets go of it.
  ~Watch() {
    if (descriptor.is_open()) descriptor.release();
  }
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;

  boost::asio::posix::stream_descriptor descriptor;
  bool owned;  ///< opened by open(): close() ends it; otherwise libcurl's own
  int wanted = 0;
  bool waitingIn = false;
  bool waitingOut = false;
};

CurlSockets::CurlSockets(boost::asio::io_context& io, Ready ready)
    : io_(io), ready_(std::move(ready)) {}

CurlSockets::~CurlSockets() {
  // libcurl closed its connections before (curl_multi_cleanup); whatever is left is ours.
  for (auto& [socket, watch] : watches_) {
    const bool owned = watch->owned;
    watch.reset();
    if (owned) ::close(socket);
  }
}

curl_socket_t CurlSockets::open(int family, int type, int protocol) {
  const int socket = ::socket(family, type | SOCK_CLOEXEC, protocol);
  if (socket < 0) return CURL_SOCKET_BAD;
  try {
    adopt(socket, /*owned=*/true);
  } catch (const boost::system::system_error&) {
    ::close(socket);
    return CURL_SOCKET_BAD;
  }
  return socket;
}

int CurlSockets::close(curl_socket_t socket) {
  forget(socket);
  return ::close(socket);
}

void CurlSockets::want(curl_socket_t socket, int what) {
  auto found = watches_.find(socket);
  if (what == CURL_POLL_REMOVE) {
    if (found == watches_.end()) return;
    found->second->wanted = 0;
    // A socket we did not open is libcurl's to close: let go of it now, it may close it next.
    if (!found->second->owned) {
      forget(socket);
    } else {
      boost::system::error_code ignored;
      found->second->descriptor.cancel(ignored);
    }
    return;
  }
  std::shared_ptr<Watch> watch =
      found != watches_.end() ? found->second : adopt(socket, /*owned=*/false);
  watch->wanted = what;
  arm(socket, watch);
}

std::shared_ptr<CurlSockets::Watch> CurlSockets::adopt(curl_socket_t socket, bool owned) {
  auto watch = std::make_shared<Watch>(io_, socket, owned);
  watches_[socket] = watch;
  return watch;
}

void CurlSockets::arm(curl_socket_t socket, const std::shared_ptr<Watch>& watch) {
  if ((watch->wanted & CURL_POLL_IN) && !watch->waitingIn) await(socket, watch, true);
  if ((watch->wanted & CURL_POLL_OUT) && !watch->waitingOut) await(socket, watch, false);
}

void CurlSockets::await(curl_socket_t socket, const std::shared_ptr<Watch>& watch,
                        bool reading) {
  (reading ? watch->waitingIn : watch->waitingOut) = true;
  using Wait = boost::asio::posix::stream_descriptor::wait_type;
  // Asio re-arms epoll for each wait (EPOLL_CTL_MOD), so data that arrived before the wait
  // still wakes it: libcurl need not read a socket dry.
  watch->descriptor.async_wait(
      reading ? Wait::wait_read : Wait::wait_write,
      [this, socket, weak = std::weak_ptr<Watch>(watch), reading](
          const boost::system::error_code& error) { fired(socket, weak, reading, error); });
}

void CurlSockets::fired(curl_socket_t socket, const std::weak_ptr<Watch>& weak, bool reading,
                        const boost::system::error_code& error) {
  std::shared_ptr<Watch> watch = weak.lock();
  if (!watch) return;  // the socket ended (and so may this object have)
  (reading ? watch->waitingIn : watch->waitingOut) = false;
  const int direction = reading ? CURL_POLL_IN : CURL_POLL_OUT;
  if (!(watch->wanted & direction)) return;
  if (error == boost::asio::error::operation_aborted) {
    // Cancelled by a CURL_POLL_REMOVE, and wanted again before this ran: want() found the
    // wait still pending and left it to us.
    arm(socket, watch);
    return;
  }
  ready_(socket, error ? CURL_CSELECT_ERR : (reading ? CURL_CSELECT_IN : CURL_CSELECT_OUT));
  // libcurl may have closed the socket meanwhile, and opened another under the same number.
  auto still = watches_.find(socket);
  if (still != watches_.end() && still->second == watch) arm(socket, watch);
}

void CurlSockets::forget(curl_socket_t socket) {
  auto found = watches_.find(socket);
  if (found == watches_.end()) return;
  std::shared_ptr<Watch> watch = std::move(found->second);
  watches_.erase(found);
  // release() cancels the pending waits (their handlers find the watch gone) and takes the
  // descriptor out of epoll before anyone closes it.
  watch->descriptor.release();
}

}  // namespace atsharp::reference
