// TcpTransport against a listening socket on 127.0.0.1 (the only network target tests use).

#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <system_error>
#include <thread>

#include "atsharp/error.hpp"
#include "atsharp/transport/fd_transport.hpp"
#include "atsharp/transport/target_url.hpp"
#include "atsharp/transport/tcp_transport.hpp"
#include "transport_test_helpers.hpp"

namespace atsharp::test {
namespace {

/// A TCP socket bound to 127.0.0.1 on an ephemeral port, listening (with a backlog) or not.
class LoopbackSocket {
 public:
  static constexpr int kNotListening = -1;

  explicit LoopbackSocket(int backlog = 4) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (!fd_ || ::bind(fd_.get(), reinterpret_cast<sockaddr*>(&address), size) < 0 ||
        (backlog != kNotListening && ::listen(fd_.get(), backlog) < 0) ||
        ::getsockname(fd_.get(), reinterpret_cast<sockaddr*>(&address), &size) < 0) {
      throw std::system_error(errno, std::generic_category(), "loopback socket");
    }
    port_ = ntohs(address.sin_port);
  }

  std::uint16_t port() const noexcept { return port_; }

  /// The next connection, as an FdTransport (the bridge's side).
  std::unique_ptr<FdTransport> accept() {
    UniqueFd connection(::accept4(fd_.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (!connection) {
      throw std::system_error(errno, std::generic_category(), "accept");
    }
    return std::make_unique<FdTransport>(std::move(connection), "bridge");
  }

 private:
  UniqueFd fd_;
  std::uint16_t port_ = 0;
};

}  // namespace

TEST_CASE("TcpTransport carries all 256 byte values both ways") {
  LoopbackSocket listener;
  std::unique_ptr<TcpTransport> client =
      TcpTransport::connect("127.0.0.1", listener.port(), generous());
  std::unique_ptr<FdTransport> bridge = listener.accept();
  CHECK(client->describe() == "tcp:127.0.0.1:" + std::to_string(listener.port()));
  const Bytes values = allByteValues();

  REQUIRE(client->write(values, generous()).status == IoStatus::Ok);
  Received got = readUpTo(*bridge, values.size(), generous());
  CHECK(got.last == IoStatus::Ok);
  CHECK(got.bytes == values);

  REQUIRE(bridge->write(values, generous()).status == IoStatus::Ok);
  got = readUpTo(*client, values.size(), generous());
  CHECK(got.last == IoStatus::Ok);
  CHECK(got.bytes == values);
}

TEST_CASE("TcpTransport returns what the bridge sent before it closed - then Closed") {
  LoopbackSocket listener;
  auto client = TcpTransport::connect("127.0.0.1", listener.port(), generous());
  auto bridge = listener.accept();
  REQUIRE(bridge->write(asBytes("NO CARRIER\r\n"), generous()).status == IoStatus::Ok);
  bridge->close();
  const Received got = readToEnd(*client, generous());
  CHECK(asString(got.bytes) == "NO CARRIER\r\n");
  CHECK(got.last == IoStatus::Closed);
}

TEST_CASE("TcpTransport write after the bridge closed ends Closed - without SIGPIPE") {
  LoopbackSocket listener;
  auto client = TcpTransport::connect("127.0.0.1", listener.port(), generous());
  listener.accept()->close();
  const Received end = readToEnd(*client, generous());  // the FIN has arrived
  REQUIRE(end.last == IoStatus::Closed);
  // The first write may still be accepted locally (the peer answers it with a reset); the
  // ones after it cannot.
  IoResult result{IoStatus::Ok};
  for (int attempt = 0; attempt < 100 && result.status == IoStatus::Ok; ++attempt) {
    result = client->write(asBytes("AT\r"), generous());
    std::this_thread::sleep_for(1ms);
  }
  CHECK(result.status == IoStatus::Closed);
}

TEST_CASE("TcpTransport connect to a port nobody listens on throws a clear TransportError") {
  const LoopbackSocket bound(
      LoopbackSocket::kNotListening);  // holds the port so that nobody else listens there
  const std::string target = "tcp:127.0.0.1:" + std::to_string(bound.port());
  CHECK_THROWS_WITH_AS(TcpTransport::connect("127.0.0.1", bound.port(), generous()),
                       ("cannot connect to " + target + ": Connection refused").c_str(),
                       TransportError);
}

TEST_CASE("TcpTransport connect gives up at the deadline when nobody answers") {
  // With a backlog of 0 the queue holds one connection; the kernel drops the SYNs after it
  // unanswered, as a host that has gone away would.
  LoopbackSocket listener(0);
  const auto first = TcpTransport::connect("127.0.0.1", listener.port(), generous());
  const std::string target = "tcp:127.0.0.1:" + std::to_string(listener.port());
  const Deadline deadline = after(100ms);
  CHECK_THROWS_WITH_AS(TcpTransport::connect("127.0.0.1", listener.port(), deadline),
                       ("cannot connect to " + target + ": Connection timed out").c_str(),
                       TransportError);
  CHECK(Clock::now() >= deadline);
}

TEST_CASE("TcpTransport connect refuses port 0 and an empty host") {
  CHECK_THROWS_WITH_AS(TcpTransport::connect("127.0.0.1", 0, generous()),
                       "cannot connect to tcp:127.0.0.1:0: a host and a port from 1 to 65535 "
                       "are needed",
                       UsageError);
  CHECK_THROWS_AS(TcpTransport::connect("", 23, generous()), UsageError);
}

TEST_CASE("openTransport opens a tcp target URL") {
  LoopbackSocket listener;
  const std::string url = "tcp:127.0.0.1:" + std::to_string(listener.port());
  const std::unique_ptr<Transport> client = openTransport(parseTargetUrl(url), generous());
  auto bridge = listener.accept();
  CHECK(client->describe() == url);
  REQUIRE(client->write(asBytes("AT#VVERSION\r"), generous()).status == IoStatus::Ok);
  CHECK(asString(readUpTo(*bridge, 12, generous()).bytes) == "AT#VVERSION\r");
}

}  // namespace atsharp::test
