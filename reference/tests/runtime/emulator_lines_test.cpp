// The Emulator's host lines: the pty (through SerialTransport's termios backend, on the slave's
// path and on the link), loopback TCP, in-process socket pairs; all of them taps on the same
// module line.

#include <doctest/doctest.h>

#include <fcntl.h>

#include <filesystem>

#include "atsharp/error.hpp"
#include "atsharp/reference/emulator.hpp"
#include "atsharp/transport/serial_transport.hpp"
#include "atsharp/transport/tcp_transport.hpp"
#include "pty_modem_lines.hpp"
#include "runtime_test_support.hpp"

namespace atsharp::test {
namespace {

using reference::Emulator;
using reference::EmulatorOptions;

constexpr std::string_view kAt = "AT\r";
constexpr std::string_view kOk = "AT\r\r\nOK\r\n";

EmulatorOptions withPty(const TempDir& dir) {
  EmulatorOptions options;
  options.ptyLink = dir / "modem";
  return options;
}

std::unique_ptr<TcpTransport> tcpClient(const Emulator& emulator) {
  return TcpTransport::connect("127.0.0.1", static_cast<std::uint16_t>(*emulator.tcpPort()),
                               generous());
}

}  // namespace

TEST_CASE("AT answers OK through the pty with SerialTransport - on the slave and the link") {
  const TempDir dir;
  Emulator emulator(withPty(dir));
  CHECK_FALSE(std::filesystem::exists(dir / "modem"));  // not before the module answers
  emulator.start();
  REQUIRE(emulator.ptyPath());
  CHECK(std::filesystem::read_symlink(dir / "modem") == *emulator.ptyPath());
  std::string device = emulator.ptyPath()->string();
  SUBCASE("the slave's path") {}
  SUBCASE("the link") { device = (dir / "modem").string(); }
  SerialTransport serial(device, SerialSettings{}, SerialBackend::Termios);
  CHECK(exchange(serial, kAt, kOk) == kOk);
  CHECK(exchange(serial, "AT#VSTATE\r", "AT#VSTATE\r\r\n#STATE: \"IDLE\"\r\n\r\nOK\r\n") ==
        "AT#VSTATE\r\r\n#STATE: \"IDLE\"\r\n\r\nOK\r\n");
}

// libserialport cannot open a pty by itself (docs/transports.md); the test executable lends it
// the modem-control lines and a name it can look up (pty_modem_lines.hpp), so that this is
// libserialport's own reading and writing of the module's pty.
TEST_CASE("AT answers OK through the pty with libserialport") {
  const TempDir dir;
  Emulator emulator(withPty(dir));
  emulator.start();
  const UniqueFd slave(::open((dir / "modem").c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC));
  REQUIRE(slave.valid());
  const PtyModemLines modemLines;
  SerialTransport serial("/dev/../../../proc/self/fd/" + std::to_string(slave.get()),
                         SerialSettings{}, SerialBackend::LibSerialPort);
  REQUIRE(serial.backend() == SerialBackend::LibSerialPort);
  CHECK(exchange(serial, kAt, kOk) == kOk);
  CHECK(exchange(serial, "AT#VTCP=1\r",
                 "AT#VTCP=1\r\r\n#DLEMODE: 1,1\r\n#TCPSERV: 1,\"\"\r\n#TCPPORT: 1,0\r\n"
                 "#TCPTXDELAY: 1,100\r\n\r\nOK\r\n") ==
        "AT#VTCP=1\r\r\n#DLEMODE: 1,1\r\n#TCPSERV: 1,\"\"\r\n#TCPPORT: 1,0\r\n"
        "#TCPTXDELAY: 1,100\r\n\r\nOK\r\n");
}

TEST_CASE("the pty stays up between clients and the link goes with the module") {
  const TempDir dir;
  auto emulator = std::make_unique<Emulator>(withPty(dir));
  emulator->start();
  for (int client = 0; client < 3; ++client) {
    SerialTransport serial((dir / "modem").string(), SerialSettings{}, SerialBackend::Termios);
    CHECK(exchange(serial, kAt, kOk) == kOk);
  }
  emulator->stop();
  CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(dir / "modem")));
  emulator.reset();
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("AT answers OK through TCP on 127.0.0.1") {
  EmulatorOptions options;
  options.listen = "127.0.0.1:0";
  Emulator emulator(options);
  REQUIRE(emulator.tcpPort());
  CHECK(*emulator.tcpPort() > 0);
  CHECK_FALSE(emulator.ptyPath());
  emulator.start();
  const auto client = tcpClient(emulator);
  CHECK(exchange(*client, kAt, kOk) == kOk);
}

TEST_CASE("a second TCP client is closed while the first one holds the line") {
  EmulatorOptions options;
  options.listen = "127.0.0.1:0";
  Emulator emulator(options);
  emulator.start();
  auto first = tcpClient(emulator);
  CHECK(exchange(*first, kAt, kOk) == kOk);

  const auto second = tcpClient(emulator);
  CHECK(readBytes(*second, 1).empty());  // end of file: refused
  CHECK(exchange(*first, kAt, kOk) == kOk);

  // Once the first has gone, the next client gets the line (as soon as the module has seen
  // the first one's end of file: until then a client may still be turned away).
  first->close();
  std::string answer;
  for (int attempt = 0; attempt < 50 && answer != kOk; ++attempt) {
    const auto next = tcpClient(emulator);
    answer = exchange(*next, kAt, kOk);
  }
  CHECK(answer == kOk);
}

TEST_CASE("the TCP line refuses addresses other than loopback") {
  EmulatorOptions options;
  options.listen = "0.0.0.0:0";
  CHECK_THROWS_AS(Emulator{options}, UsageError);
  options.listen = "10.1.2.3:2000";
  CHECK_THROWS_AS(Emulator{options}, UsageError);
}

TEST_CASE("a TCP port already taken is reported - and nothing is left behind") {
  const TempDir dir;
  EmulatorOptions options;
  options.listen = "127.0.0.1:0";
  const Emulator first(options);
  options.listen = "127.0.0.1:" + std::to_string(*first.tcpPort());
  options.ptyLink = dir / "modem";
  options.controlSocket = dir / "control";
  CHECK_THROWS_AS(Emulator{options}, TransportError);
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("AT answers OK through connect() - before and after start") {
  Emulator emulator(EmulatorOptions{});
  auto early = emulator.connect();
  CHECK(early->describe() == "ref");
  emulator.start();
  auto late = emulator.connect();
  CHECK(exchange(*early, kAt, kOk) == kOk);
  CHECK(readBytes(*late, kOk.size()) == kOk);  // late is a tap too: it saw that exchange
  CHECK(exchange(*late, kAt, kOk) == kOk);
}

TEST_CASE("every tap sees the module's output and any tap's input reaches the module") {
  const TempDir dir;
  EmulatorOptions options = withPty(dir);
  options.listen = "127.0.0.1:0";
  Emulator emulator(options);
  emulator.start();
  SerialTransport serial((dir / "modem").string(), SerialSettings{}, SerialBackend::Termios);
  const auto tcp = tcpClient(emulator);
  const auto inProcess = emulator.connect();
  // The TCP client is served once the module has accepted it: a first exchange from it
  // proves that, and every tap sees it.
  CHECK(exchange(*tcp, kAt, kOk) == kOk);
  CHECK(readBytes(serial, kOk.size()) == kOk);
  CHECK(readBytes(*inProcess, kOk.size()) == kOk);

  for (Transport* speaker : {static_cast<Transport*>(&serial), static_cast<Transport*>(tcp.get()),
                             static_cast<Transport*>(inProcess.get())}) {
    CAPTURE(speaker->describe());
    REQUIRE(speaker->write(asBytes("ATE1\r"), generous()).status == IoStatus::Ok);
    for (Transport* listener :
         {static_cast<Transport*>(&serial), static_cast<Transport*>(tcp.get()),
          static_cast<Transport*>(inProcess.get())}) {
      CHECK(readBytes(*listener, 11) == "ATE1\r\r\nOK\r\n");
    }
  }
}

TEST_CASE("a tap that stops reading does not stop the others") {
  Emulator emulator(EmulatorOptions{});
  emulator.start();
  const auto stalled = emulator.connect();  // never read
  const auto active = emulator.connect();
  // Far more output than the stalled tap's socket buffer and queue take together.
  const std::string command = "AT" + std::string(200, ' ') + "\r";
  const std::string answer = command + "\r\nOK\r\n";
  for (int round = 0; round < 2000; ++round) {
    REQUIRE(exchange(*active, command, answer) == answer);
  }
  CHECK(emulator.linkState() == reference::LinkState::Idle);
}

}  // namespace atsharp::test
