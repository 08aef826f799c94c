#include "peers.hpp"

namespace atsharp::reference::test {

tcp::endpoint tcpAt(const std::string& address, std::uint16_t port) {
  return {asio::ip::make_address_v4(address), port};
}

udp::endpoint udpAt(const std::string& address, std::uint16_t port) {
  return {asio::ip::make_address_v4(address), port};
}

PeerListener::PeerListener(asio::io_context& io, const std::string& address, int backlog)
    : acceptor(io), socket(io) {
  acceptor.open(tcp::v4());
  acceptor.bind(tcpAt(address, 0));
  acceptor.listen(backlog);
}

Endpoint PeerListener::endpoint() const {
  const tcp::endpoint local = acceptor.local_endpoint();
  return Endpoint{local.address().to_string(), local.port()};
}

void PeerListener::accept() {
  acceptor.async_accept(socket, [this](const Error& error) { accepted = !error; });
}

PeerReader::PeerReader(tcp::socket& socket) : socket_(socket) {}

void PeerReader::start() {
  socket_.async_read_some(asio::buffer(chunk_), [this](const Error& failure, std::size_t size) {
    if (failure) {
      ended = true;
      error = failure;
      return;
    }
    data.insert(data.end(), chunk_.begin(), chunk_.begin() + static_cast<std::ptrdiff_t>(size));
    start();
  });
}

PeerClient::PeerClient(asio::io_context& io, const std::string& from, const Endpoint& to)
    : socket(io) {
  socket.open(tcp::v4());
  socket.bind(tcpAt(from, 0));
  socket.async_connect(tcpAt(to.address, to.port), [this](const Error& failure) {
    done = true;
    error = failure;
  });
}

Byte patternByte(std::size_t offset) {
  // Period 251 (prime): a chunk lost, doubled or swapped shifts every byte after it.
  return static_cast<Byte>((offset % 251) ^ ((offset / 251) & 0xFF));
}

Bytes pattern(std::size_t offset, std::size_t size) {
  Bytes bytes(size);
  for (std::size_t i = 0; i < size; ++i) bytes[i] = patternByte(offset + i);
  return bytes;
}

std::size_t writeUntilFull(tcp::socket& socket, std::size_t offset) {
  socket.non_blocking(true);
  std::size_t written = 0;
  for (;;) {
    const Bytes piece = pattern(offset + written, 64 * 1024);
    Error error;
    const std::size_t size = socket.write_some(asio::buffer(piece), error);
    if (error == asio::error::would_block) return written;
    if (error) throw boost::system::system_error(error);
    written += size;
  }
}

PeerDatagrams::PeerDatagrams(asio::io_context& io, const std::string& address)
    : socket(io, udpAt(address, 0)) {}

Endpoint PeerDatagrams::endpoint() const {
  const udp::endpoint local = socket.local_endpoint();
  return Endpoint{local.address().to_string(), local.port()};
}

void PeerDatagrams::start() {
  socket.async_receive_from(
      asio::buffer(buffer_), sender_, [this](const Error& error, std::size_t size) {
        if (error) return;
        received.emplace_back(
            Bytes(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(size)),
            Endpoint{sender_.address().to_string(), sender_.port()});
        start();
      });
}

}  // namespace atsharp::reference::test
