// `atsharp emulate` as a separate process: ready line, SIGTERM and SIGINT, usage errors, and
// chat(8) from Debian's ppp package talking to it through the pty.

#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>

#include "atsharp/reference/flash_image.hpp"
#include "atsharp/transport/serial_transport.hpp"
#include "child_process.hpp"
#include "runtime_test_support.hpp"

namespace atsharp::test {
namespace {

constexpr const char* kAtsharp = ATSHARP_EXECUTABLE;
constexpr std::string_view kReady = "atsharp emulate: module ready";

// The status and stderr of `atsharp ARGS...` run to its end.
std::pair<int, std::string> runToEnd(std::vector<std::string> args) {
  args.insert(args.begin(), kAtsharp);
  ChildProcess child(args);
  const std::optional<int> status = child.waitForExit(generous());
  REQUIRE(status);
  return {exitStatus(*status), child.stderrText()};
}

}  // namespace

TEST_CASE("SIGTERM or SIGINT ends atsharp emulate with status 0 - link removed and flash intact") {
  const TempDir dir;
  int signal = SIGTERM;
  SUBCASE("SIGTERM") {}
  SUBCASE("SIGINT") { signal = SIGINT; }
  CAPTURE(signal);
  ChildProcess emulate({kAtsharp, "emulate", "--pty", (dir / "modem").string(), "--flash",
                        (dir / "flash.json").string(), "--listen", "127.0.0.1:0"});
  REQUIRE(emulate.waitForStderr("\n", generous()));
  CHECK(emulate.stderrText().starts_with(std::string(kReady) + " on pty " +
                                         (dir / "modem").string() + " -> /dev/pts/"));
  CHECK(emulate.stderrText().find(", tcp 127.0.0.1:") != std::string::npos);
  {
    SerialTransport serial((dir / "modem").string(), SerialSettings{}, SerialBackend::Termios);
    CHECK(exchange(serial, "AT#PPPMODE=2\r", "AT#PPPMODE=2\r\r\nOK\r\n") ==
          "AT#PPPMODE=2\r\r\nOK\r\n");
  }
  emulate.signal(signal);
  const std::optional<int> status = emulate.waitForExit(generous());
  REQUIRE(status);
  INFO(emulate.stderrText());
  CHECK(exitStatus(*status) == 0);
  CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(dir / "modem")));
  const auto image = reference::decodeFlashFile(fileText(dir / "flash.json").value_or(""));
  CHECK(std::get<reference::FlashImage>(image) == reference::FlashImage{{"PPPMODE", "2"}});
}

TEST_CASE("chat(8) runs a script against atsharp emulate through the pty") {
  const std::string chat = ATSHARP_CHAT;
  REQUIRE_MESSAGE(!chat.empty(),
                  "chat was not found when the build was configured: install Debian's ppp "
                  "package (tools/dev deps test) and configure again");
  const TempDir dir;
  ChildProcess emulate({kAtsharp, "emulate", "--pty", (dir / "modem").string()});
  REQUIRE(emulate.waitForStderr(kReady, generous()));
  const UniqueFd tty(::open((dir / "modem").c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC));
  REQUIRE(tty.valid());
  ChildProcess script({chat, "-v", "-s", "-S", "-t", "5", "", "AT", "OK"}, tty.get(), tty.get());
  const std::optional<int> status = script.waitForExit(generous());
  REQUIRE(status);
  INFO("chat said: ", script.stderrText());
  CHECK(exitStatus(*status) == 0);
  emulate.signal(SIGTERM);
  REQUIRE(emulate.waitForExit(generous()));
}

TEST_CASE("atsharp emulate usage errors exit with status 2 and say what is wrong") {
  struct Row {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Row> rows{
      {{"emulate"},
       "atsharp emulate: nothing to serve the module on: give --pty LINK, "
       "--listen HOST:PORT or both (see atsharp emulate --help)\n"},
      {{"emulate", "--pty"},
       "atsharp emulate: the required argument for option '--pty' is "
       "missing (see atsharp emulate --help)\n"},
      {{"emulate", "--pty", "x", "--frobnicate"},
       "atsharp emulate: unrecognised option '--frobnicate' (see atsharp emulate --help)\n"},
      {{"emulate", "--pty", "x", "extra"},
       "atsharp emulate: too many positional options have been specified on the command line "
       "(see atsharp emulate --help)\n"},
      {{"emulate", "--listen", "192.168.1.1:2000"},
       "atsharp emulate: listen address \"192.168.1.1:2000\": \"192.168.1.1\" is not a "
       "loopback IPv4 address (the module serves 127.0.0.0/8 only: its line has no "
       "authentication) (see atsharp emulate --help)\n"},
      {{"emulate", "--pty", "x", "--time-scale", "0"},
       "atsharp emulate: time scale 0 is out of range (expected a number from 1e-06 to 1e+06) "
       "(see atsharp emulate --help)\n"},
      {{"emulate", "--pty", "x", "--baud", "fast"},
       "atsharp emulate: the argument ('fast') for option '--baud' is invalid (see atsharp "
       "emulate --help)\n"},
      {{"emulate", "--pty", "x", "--scenario", "/nonexistent/scenario.yaml"}, ""},
      {{"frobnicate"}, "atsharp: unknown command \"frobnicate\" (see atsharp --help)\n"},
      {{}, ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.args.empty() ? std::string("(none)") : row.args.back());
    const auto [status, stderrText] = runToEnd(row.args);
    CHECK(status == 2);
    if (!row.message.empty()) CHECK(stderrText == row.message);
  }
}

TEST_CASE("atsharp emulate --help and a link that cannot be made") {
  const auto [helpStatus, helpErrors] = runToEnd({"emulate", "--help"});
  CHECK(helpStatus == 0);
  CHECK(helpErrors.empty());

  const TempDir dir;
  const auto [status, message] = runToEnd({"emulate", "--pty", (dir / "no" / "modem").string()});
  CHECK(status == 1);
  CHECK(message.starts_with("atsharp emulate: cannot make the link "));
}

}  // namespace atsharp::test
