#include "in_process_line.hpp"

#include <sys/socket.h>

#include <boost/asio/local/stream_protocol.hpp>

#include <cerrno>
#include <cstring>

#include "atsharp/error.hpp"
#include "atsharp/transport/fd_transport.hpp"
#include "stream_line.hpp"

namespace atsharp::reference {

std::unique_ptr<Transport> connectInProcess(boost::asio::io_context& io, LineHub& hub) {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) < 0) {
    throw TransportError(std::string("cannot make a socket pair: ") + std::strerror(errno));
  }
  UniqueFd moduleEnd(ends[0]);
  UniqueFd hostEnd(ends[1]);
  using Socket = boost::asio::local::stream_protocol::socket;
  Socket socket(io);
  boost::system::error_code error;
  socket.assign(boost::asio::local::stream_protocol(), moduleEnd.get(), error);
  if (error) throw TransportError("cannot watch the socket pair: " + error.message());
  moduleEnd.release();  // the socket owns it now
  std::make_shared<StreamLine<Socket>>(std::move(socket), hub)->start();
  return std::make_unique<FdTransport>(std::move(hostEnd), "ref");
}

}  // namespace atsharp::reference
