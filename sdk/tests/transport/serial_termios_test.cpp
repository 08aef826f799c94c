// SerialTransport on a real pseudo-terminal: Auto picks the termios backend, on the slave's
// path and on a symbolic link to it; FdTransport on the master plays the module.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "atsharp/error.hpp"
#include "atsharp/transport/fd_transport.hpp"
#include "atsharp/transport/pseudo_terminal.hpp"
#include "atsharp/transport/serial_transport.hpp"
#include "atsharp/transport/symbolic_link.hpp"
#include "transport_test_helpers.hpp"

namespace atsharp::test {
namespace {

void checkBothWays(Transport& host, Transport& module) {
  const Bytes values = allByteValues();
  REQUIRE(host.write(values, generous()).status == IoStatus::Ok);
  Received got = readUpTo(module, values.size(), generous());
  CHECK(got.last == IoStatus::Ok);
  CHECK(got.bytes == values);

  REQUIRE(module.write(values, generous()).status == IoStatus::Ok);
  got = readUpTo(host, values.size(), generous());
  CHECK(got.last == IoStatus::Ok);
  CHECK(got.bytes == values);
}

}  // namespace

TEST_CASE("SerialTransport (Auto) on a pty uses termios and carries all 256 values") {
  PseudoTerminal pty = openPseudoTerminal();
  const TempDir dir;
  std::string device = pty.slavePath;
  std::unique_ptr<SymbolicLink> link;
  SUBCASE("by the slave's path") {}
  SUBCASE("through a symbolic link") {
    link = std::make_unique<SymbolicLink>(pty.slavePath, (dir.path() / "modem").string());
    device = link->path();
  }
  CHECK(autoBackendFor(device) == SerialBackend::Termios);
  SerialTransport serial(device, SerialSettings{});
  CHECK(serial.backend() == SerialBackend::Termios);
  CHECK(serial.describe() == "serial:" + device + "?baud=115200");
  FdTransport master(std::move(pty.master), "master");
  checkBothWays(serial, master);

  master.close();
  const Received got = readToEnd(serial, generous());
  CHECK(got.bytes.empty());
  CHECK(got.last == IoStatus::Closed);
}

TEST_CASE("SerialTransport (termios) read timeout - and settings in describe()") {
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  SerialTransport serial(pty.slavePath, {9600, FlowControl::RtsCts}, SerialBackend::Termios);
  CHECK(serial.describe() == "serial:" + pty.slavePath + "?baud=9600&flow=rtscts");
  Bytes buffer(8);
  const Deadline deadline = after(50ms);
  const IoResult result = serial.read(buffer, deadline);
  CHECK(result.status == IoStatus::Timeout);
  CHECK(Clock::now() >= deadline);
}

TEST_CASE("SerialTransport open failures name the device and the cause") {
  const TempDir dir;
  const std::string missing = (dir.path() / "ttyNOPE").string();
  CHECK_THROWS_WITH_AS(SerialTransport(missing, {}, SerialBackend::Termios),
                       ("cannot open " + missing + ": No such file or directory").c_str(),
                       TransportError);
  CHECK_THROWS_WITH_AS(SerialTransport("/dev/null", {}, SerialBackend::Termios),
                       "cannot use /dev/null as a serial port: Inappropriate ioctl for device",
                       TransportError);
  CHECK(autoBackendFor(missing) == SerialBackend::LibSerialPort);
  CHECK_THROWS_AS(SerialTransport(missing, {}), TransportError);
}

TEST_CASE("SerialTransport refuses baud rates out of range or without a termios constant") {
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  CHECK_THROWS_WITH_AS(SerialTransport(pty.slavePath, {0, FlowControl::None}),
                       (pty.slavePath + ": baud 0 is out of range (1 to 4000000)").c_str(),
                       UsageError);
  CHECK_THROWS_WITH_AS(SerialTransport(pty.slavePath, {12345, FlowControl::None}),
                       ("cannot configure " + pty.slavePath +
                        ": baud 12345 is not a standard termios rate (50 ... 4000000)")
                           .c_str(),
                       UsageError);
}

}  // namespace atsharp::test
