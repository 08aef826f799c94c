// The control channel over its Unix socket: radio events reach the module's line, queries are
// answered, bad requests get errors and never end the channel, overlong lines end their client.

#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "atsharp/error.hpp"
#include "atsharp/reference/emulator.hpp"
#include "runtime_test_support.hpp"

namespace atsharp::test {
namespace {

using reference::Emulator;
using reference::EmulatorOptions;

EmulatorOptions withControl(const TempDir& dir) {
  EmulatorOptions options;
  options.controlSocket = dir / "control";
  return options;
}

}  // namespace

TEST_CASE("a ring request makes the module ring on the line") {
  const TempDir dir;
  Emulator emulator(withControl(dir));
  emulator.start();
  const auto line = emulator.connect();
  ControlClient control(dir / "control");
  CHECK(control.request(R"({"event":"ring","caller":"0612345678","type":"data","rings":1})") ==
        R"({"ok":true})");
  CHECK(readBytes(*line, 8) == "\r\nRING\r\n");
  CHECK(staysQuiet(*line, 50ms));  // rings: 1
}

TEST_CASE("state and parameters queries answer what the module shows") {
  const TempDir dir;
  Emulator emulator(withControl(dir));
  emulator.start();
  ControlClient control(dir / "control");
  CHECK(control.request(R"({"query":"state"})") == R"({"ok":true,"state":"IDLE"})");
  const auto line = emulator.connect();
  CHECK(exchange(*line, "AT#PPPMODE=2\r", "AT#PPPMODE=2\r\r\nOK\r\n") ==
        "AT#PPPMODE=2\r\r\nOK\r\n");
  const std::string parameters = control.request(R"({"query":"parameters"})");
  CHECK(parameters.starts_with(R"({"ok":true,"parameters":{"ANSWERMODE":"0",)"));
  CHECK(parameters.find(R"("PPPMODE":"2")") != std::string::npos);

  CHECK(control.request(R"({"event":"registration","status":3})") == R"({"ok":true})");
  CHECK(control.request(R"({"query":"state"})") == R"({"ok":true,"state":"NO SERVICE"})");
  CHECK(emulator.linkState() == reference::LinkState::NoService);
}

TEST_CASE("malformed control requests get errors and the channel goes on") {
  const TempDir dir;
  Emulator emulator(withControl(dir));
  emulator.start();
  ControlClient control(dir / "control");
  CHECK(control.request("{nonsense") == R"({"ok":false,"error":"not valid JSON"})");
  CHECK(control.request("") == R"({"ok":false,"error":"empty request"})");
  CHECK(control.request(std::string("\x00\xff\x01", 3)) ==
        R"({"ok":false,"error":"not valid JSON"})");
  CHECK(control.request(R"({"event":"ring","rigns":2})") ==
        R"({"ok":false,"error":"event \"ring\" has no field \"rigns\""})");
  CHECK(control.request(R"({"event":"sim","present":false})"
                        "\r") == R"({"ok":true})");
  CHECK(control.request(R"({"query":"state"})") == R"({"ok":true,"state":"NO SERVICE"})");
}

TEST_CASE("several control clients are served at once") {
  const TempDir dir;
  Emulator emulator(withControl(dir));
  emulator.start();
  ControlClient first(dir / "control");
  ControlClient second(dir / "control");
  CHECK(first.request(R"({"query":"state"})") == R"({"ok":true,"state":"IDLE"})");
  CHECK(second.request(R"({"query":"state"})") == R"({"ok":true,"state":"IDLE"})");
  CHECK(first.request(R"({"event":"hangup"})") == R"({"ok":true})");
}

TEST_CASE("a control line over 64 KiB closes its client - and only it") {
  const TempDir dir;
  Emulator emulator(withControl(dir));
  emulator.start();
  ControlClient bulky(dir / "control");
  ControlClient other(dir / "control");
  const std::string huge = R"({"query":"state","x":")" + std::string(70'000, 'x') + "\"}\n";
  // The channel may close before it has read all of it: the write may end Closed.
  bulky.transport().write(asBytes(huge), generous());
  const std::string reply = readUntilSuffix(bulky.transport(), "\n");
  CHECK(reply ==
        "{\"ok\":false,\"error\":\"request line longer than 65536 bytes; closing the "
        "connection\"}\n");
  CHECK(readBytes(bulky.transport(), 1).empty());  // then end of file
  CHECK(other.request(R"({"query":"state"})") == R"({"ok":true,"state":"IDLE"})");
}

TEST_CASE("a control line of exactly 64 KiB is still read") {
  const TempDir dir;
  Emulator emulator(withControl(dir));
  emulator.start();
  ControlClient control(dir / "control");
  const std::string head = R"({"query":"state","x":")";
  const std::string line = head + std::string(64 * 1024 - head.size() - 2, 'x') + "\"}";
  REQUIRE(line.size() == 64 * 1024);
  CHECK(control.request(line) == R"({"ok":false,"error":"query \"state\" takes no other field"})");
}

TEST_CASE("a last control request without a line end is answered before the end") {
  const TempDir dir;
  Emulator emulator(withControl(dir));
  emulator.start();
  UniqueFd socket = connectUnixSocket(dir / "control");
  const std::string_view request = R"({"query":"state"})";
  REQUIRE(::write(socket.get(), request.data(), request.size()) ==
          static_cast<ssize_t>(request.size()));
  REQUIRE(::shutdown(socket.get(), SHUT_WR) == 0);  // as printf ... | socat does at its end
  FdTransport client(std::move(socket), "control");
  CHECK(readUntilSuffix(client, "\n") == "{\"ok\":true,\"state\":\"IDLE\"}\n");
  CHECK(readBytes(client, 1).empty());
}

TEST_CASE("the control socket file is removed on exit - and a stale one is replaced") {
  const TempDir dir;
  {
    Emulator emulator(withControl(dir));
    CHECK(std::filesystem::is_socket(dir / "control"));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "control"));

  writeFile(dir / "control", "not a socket");
  CHECK_THROWS_AS(Emulator{withControl(dir)}, TransportError);
  std::filesystem::remove(dir / "control");

  const auto holder = std::make_unique<Emulator>(withControl(dir));
  CHECK_THROWS_AS(Emulator{withControl(dir)}, TransportError);  // someone listens there
}

TEST_CASE("a control socket left by a process that died is replaced") {
  const TempDir dir;
  {
    // Bound and closed without unlinking: the file stays, nobody listens.
    const UniqueFd stale(::socket(AF_UNIX, SOCK_STREAM, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, (dir / "control").c_str(), sizeof address.sun_path - 1);
    REQUIRE(::bind(stale.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  }
  REQUIRE(std::filesystem::is_socket(dir / "control"));
  Emulator emulator(withControl(dir));
  emulator.start();
  ControlClient control(dir / "control");
  CHECK(control.request(R"({"query":"state"})") == R"({"ok":true,"state":"IDLE"})");
}

}  // namespace atsharp::test
