// Real time in the runtime: the time scale maps the spec's timers onto milliseconds, and
// --baud paces the output like a UART.

#include <doctest/doctest.h>

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
