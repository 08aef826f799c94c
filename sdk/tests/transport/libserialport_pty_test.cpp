// libserialport on a real pseudo-terminal.
//
// libserialport 0.1.1 cannot open a pty by itself, for two reasons the first test case pins:
// its port lookup wants /sys/class/tty/<name after /dev/>, which ptys lack, and sp_open() fails
// on TIOCMGET (ENOTTY). The other cases get past both, inside this executable only:
//  - pty_modem_lines.cpp interposes ioctl() and answers the modem-control requests on a pty as a
//    UART without modem lines would;
//  - the device is named "/dev/../../../proc/self/fd/N", N a descriptor this test holds on the
//    slave. libserialport appends the part after "/dev/" to "/sys/class/tty/" for its lookup:
//    /sys/class/tty/../../../proc/self/fd/N is /proc/self/fd/N, a symbolic link its readlink()
//    accepts; and it opens the name itself, /dev/../../.. being /, which reopens the pty slave
//    through /proc/self/fd/N.
// SerialTransport is then forced onto its LibSerialPort backend with that name.

#include <doctest/doctest.h>

#include <string>

#include "atsharp/error.hpp"
#include "atsharp/transport/fd_transport.hpp"
#include "atsharp/transport/pseudo_terminal.hpp"
#include "atsharp/transport/serial_transport.hpp"
#include "pty_modem_lines.hpp"
#include "transport_test_helpers.hpp"

namespace atsharp::test {
namespace {

std::string nameLibSerialPortFinds(const PseudoTerminal& pty) {
  return "/dev/../../../proc/self/fd/" + std::to_string(pty.slave.get());
}

}  // namespace

TEST_CASE("libserialport 0.1.1 cannot open a pty by itself (why ptys use termios)") {
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  SUBCASE("its lookup finds no /dev/pts/N in /sys/class/tty") {
    CHECK_THROWS_WITH_AS(SerialTransport(pty.slavePath, {}, SerialBackend::LibSerialPort),
                         ("cannot open " + pty.slavePath +
                          " with libserialport: device not found (libserialport knows the "
                          "serial ports listed in /sys/class/tty; not ptys, for instance)")
                             .c_str(),
                         TransportError);
  }
  SUBCASE("sp_open() fails on TIOCMGET, which a pty does not implement") {
    const std::string name = nameLibSerialPortFinds(pty);
    CHECK_THROWS_WITH_AS(
        SerialTransport(name, {}, SerialBackend::LibSerialPort),
        ("cannot open " + name + " with libserialport: Inappropriate ioctl for device").c_str(),
        TransportError);
  }
}

TEST_CASE("SerialTransport's libserialport backend on a real pty") {
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  const PtyModemLines modemLines;
  const std::string name = nameLibSerialPortFinds(pty);
  SerialTransport serial(name, {}, SerialBackend::LibSerialPort);
  REQUIRE(serial.backend() == SerialBackend::LibSerialPort);
  CHECK(PtyModemLines::answered() > 0);  // sp_open() did go through its modem-line requests
  FdTransport master(std::move(pty.master), "master");
  const Bytes values = allByteValues();

  SUBCASE("all 256 byte values both ways") {
    REQUIRE(serial.write(values, generous()).status == IoStatus::Ok);
    Received got = readUpTo(master, values.size(), generous());
    CHECK(got.last == IoStatus::Ok);
    CHECK(got.bytes == values);

    REQUIRE(master.write(values, generous()).status == IoStatus::Ok);
    got = readUpTo(serial, values.size(), generous());
    CHECK(got.last == IoStatus::Ok);
    CHECK(got.bytes == values);
  }
  SUBCASE("a read with nothing to read ends with Timeout, not before the deadline") {
    Bytes buffer(8);
    const Deadline deadline = after(50ms);
    const IoResult result = serial.read(buffer, deadline);
    CHECK(result.status == IoStatus::Timeout);
    CHECK(result.count == 0);
    CHECK(Clock::now() >= deadline);
  }
  SUBCASE("close() from another thread wakes a blocked read") {
    auto reader = std::async(std::launch::async, [&] {
      Bytes buffer(8);
      return serial.read(buffer, generous());
    });
    CHECK(reader.wait_for(50ms) == std::future_status::timeout);
    serial.close();
    CHECK(reader.get().status == IoStatus::Closed);
  }
  SUBCASE("Closed once the master closes") {
    REQUIRE(master.write(asBytes("OK\r\n"), generous()).status == IoStatus::Ok);
    const Received first = readUpTo(serial, 4, generous());
    CHECK(asString(first.bytes) == "OK\r\n");
    master.close();
    const Received rest = readToEnd(serial, generous());
    CHECK(rest.bytes.empty());
    CHECK(rest.last == IoStatus::Closed);
    CHECK(serial.write(asBytes("AT\r"), generous()).status == IoStatus::Closed);
  }
}

}  // namespace atsharp::test
