#include "tcp_endpoint.hpp"

#include "accept_loop.hpp"
#include "atsharp/error.hpp"
#include "stream_line.hpp"

namespace atsharp::reference {
namespace {

using boost::asio::ip::tcp;

tcp::acceptor listenOn(boost::asio::io_context& io, const ListenAddress& address) {
  const tcp::endpoint endpoint(boost::asio::ip::make_address_v4(address.host), address.port);
  tcp::acceptor acceptor(io);
  boost::system::error_code error;
  acceptor.open(endpoint.protocol(), error);
  // A restarted emulator must get its port back while the old connections linger in TIME_WAIT.
  if (!error) acceptor.set_option(tcp::acceptor::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(tcp::socket::max_listen_connections, error);
  if (error) {
    throw TransportError("cannot listen on " + address.host + ":" + std::to_string(address.port) +
                         ": " + error.message());
  }
  return acceptor;
}

}  // namespace

TcpEndpoint::TcpEndpoint(boost::asio::io_context& io, LineHub& hub, const ListenAddress& address)
    : acceptor_(listenOn(io, address)),
      retry_(io),
      hub_(hub),
      port_(acceptor_.local_endpoint().port()) {
  acceptForever(acceptor_, retry_, [this](tcp::socket socket) { take(std::move(socket)); });
}

void TcpEndpoint::take(tcp::socket socket) {
  const std::shared_ptr<HostLine> client = client_.lock();
  if (client && client->isOpen()) return;  // the line is taken: the socket closes here
  boost::system::error_code ignored;
  // AT commands are short and a host waits for each answer: send every byte at once.
  socket.set_option(tcp::no_delay(true), ignored);
  auto line = std::make_shared<StreamLine<tcp::socket>>(std::move(socket), hub_);
  line->start();
  client_ = line;
}

}  // namespace atsharp::reference
