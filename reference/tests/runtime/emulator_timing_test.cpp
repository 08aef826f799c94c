// Real time in the runtime: the time scale maps the spec's timers, and the module's own
// network waits, onto milliseconds, and --baud paces the output like a UART.

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "atsharp/error.hpp"
#include "atsharp/reference/emulator.hpp"
#include "runtime_test_support.hpp"

namespace atsharp::test {
namespace {

using reference::Emulator;
using reference::EmulatorOptions;

// Sends @p command and checks the exact answer.
void command(Transport& line, const std::string& text, const std::string& answer) {
  CAPTURE(text);
  CHECK(exchange(line, text + "\r", text + "\r" + answer) == text + "\r" + answer);
}

}  // namespace

TEST_CASE("at time scale 0.001 a 14 s REDIALDELAY passes in milliseconds") {
  const TempDir dir;
  EmulatorOptions options;
  options.timeScale = 0.001;
  options.controlSocket = dir / "control";
  Emulator emulator(options);
  emulator.start();
  const auto line = emulator.connect();
  ControlClient control(dir / "control");
  CHECK(control.request(R"({"event":"dial-outcome","number":"0111","outcome":"busy"})") ==
        R"({"ok":true})");
  command(*line, "AT#GPRSMODE=0", "\r\nOK\r\n");
  command(*line, "AT#DIALN1=\"0111\"", "\r\nOK\r\n");
  command(*line, "AT#REDIALDELAY=14", "\r\nOK\r\n");
  command(*line, "AT#REDIALCOUNT=1", "\r\nOK\r\n");

  const std::string attempt = "\r\nDIALING\r\n\r\n0111\r\n\r\nBUSY\r\n";
  // The whole flow within the read's deadline of a few seconds, where a real-time module would
  // take more than 18 s (two 2 s dials and the 14 s wait).
  command(*line, "AT#CONNECTIONSTART", attempt);
  const auto firstBusy = Clock::now();
  CHECK(readBytes(*line, attempt.size(), after(5s)) == attempt);
  // A lower bound only: the wait is 14 ms of real time at this scale, and the redial's own
  // dial takes another 2 ms.
  CHECK(Clock::now() - firstBusy >= 14ms);
  CHECK(emulator.linkState() == reference::LinkState::Idle);
}

TEST_CASE("at time scale 0.01 a TCP connect nobody answers gives 37964 after 300 ms") {
  // A listener with a backlog of 0 holds one connection nobody accepts; the kernel then drops
  // further SYNs, so the module's connect hears nothing. All on loopback.
  using boost::asio::ip::tcp;
  boost::asio::io_context io;
  tcp::acceptor full(io, tcp::endpoint(boost::asio::ip::make_address_v4("127.0.0.1"), 0));
  full.listen(0);
  tcp::socket first(io);
  first.connect(full.local_endpoint());
  const std::string port = std::to_string(full.local_endpoint().port());

  EmulatorOptions options;
  options.timeScale = 0.01;
  options.scenario.gprs.attached = true;  // the GPRS link comes up at AT#CONNECTIONSTART
  Emulator emulator(options);
  emulator.start();
  const auto line = emulator.connect();
  const std::string activated = "\r\n127.0.0.2\r\n\r\nOk_Info_GprsActivation\r\n";
  command(*line, "ATE0", "\r\nOK\r\n");
  CHECK(exchange(*line, "AT#CONNECTIONSTART\r", activated) == activated);
  CHECK(exchange(*line, "AT#TCPSERV=1,\"127.0.0.1\"\r", "\r\nOK\r\n") == "\r\nOK\r\n");
  CHECK(exchange(*line, "AT#TCPPORT=1," + port + "\r", "\r\nOK\r\n") == "\r\nOK\r\n");
  const auto start = Clock::now();
  // Within the read's deadline of a few seconds, where a real-time module waits 30 s.
  CHECK(exchange(*line, "AT#OTCP=1\r", "\r\n#CME ERROR: 37964\r\n") ==
        "\r\n#CME ERROR: 37964\r\n");
  // A lower bound only: the module's 30 s are 300 ms of real time at this scale.
  CHECK(Clock::now() - start >= 300ms);
}

TEST_CASE("at 9600 baud the output leaves no faster than the line rate") {
  EmulatorOptions options;
  options.baud = 9600;
  Emulator emulator(options);
  emulator.start();
  const auto line = emulator.connect();
  std::string commands;
  std::string answers;
  for (int i = 0; i < 24; ++i) {
    commands += "AT\r";
    answers += "AT\r\r\nOK\r\n";
  }
  const auto start = Clock::now();
  CHECK(exchange(*line, commands, answers) == answers);
  const auto elapsed = Clock::now() - start;
  // 216 bytes of 10 bits at 9600 bit/s: the first starts at once, the last 215 byte times
  // (about 224 ms) later.
  const auto byteTime = std::chrono::nanoseconds(std::chrono::seconds(10)) / 9600;
  CHECK(elapsed >= byteTime * (answers.size() - 1));
}

TEST_CASE("baud rates out of range are refused") {
  EmulatorOptions options;
  options.baud = 0;
  CHECK_THROWS_AS(Emulator{options}, UsageError);
  options.baud = 4'000'001;
  CHECK_THROWS_AS(Emulator{options}, UsageError);
  options.baud = 4'000'000;
  CHECK_NOTHROW(Emulator{options});
}

}  // namespace atsharp::test
