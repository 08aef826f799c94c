// The Emulator's event loop: run() in the caller's thread until stop() or a signal, start() in
// a thread of its own, and the thread-safe calls served from other threads meanwhile.

#include <doctest/doctest.h>

#include <signal.h>

#include <thread>

#include "atsharp/error.hpp"
#include "atsharp/reference/emulator.hpp"
#include "runtime_test_support.hpp"

namespace atsharp::test {
namespace {

using reference::Emulator;
using reference::EmulatorOptions;
using reference::LinkState;

constexpr std::string_view kOk = "AT\r\r\nOK\r\n";

}  // namespace

TEST_CASE("run with signals ends on SIGTERM or SIGINT and removes the link") {
  int signal = SIGTERM;
  SUBCASE("SIGTERM") {}
  SUBCASE("SIGINT") { signal = SIGINT; }
  CAPTURE(signal);
  const TempDir dir;
  EmulatorOptions options;
  options.ptyLink = dir / "modem";
  Emulator emulator(options);
  std::thread loop([&emulator] { emulator.run(true); });
  // The link appears once the loop answers, and the signals are caught from before that.
  REQUIRE(waitForPath(dir / "modem"));
  REQUIRE(::kill(::getpid(), signal) == 0);
  loop.join();
  CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(dir / "modem")));
}

TEST_CASE("run in one thread serves the calls of others until stop") {
  Emulator emulator(EmulatorOptions{});
  const auto early = emulator.connect();  // before the loop: made in this thread
  std::thread loop([&emulator] { emulator.run(); });
  const auto line = emulator.connect();
  CHECK(exchange(*line, "AT\r", kOk) == kOk);
  CHECK(readBytes(*early, kOk.size()) == kOk);
  emulator.inject(reference::Registration{0});
  CHECK(emulator.linkState() == LinkState::NoService);
  emulator.stop();
  loop.join();
  // Stopped: the calls run in the caller's thread, on the module as it was left.
  CHECK(emulator.linkState() == LinkState::NoService);
  emulator.inject(reference::Registration{1});
  CHECK(emulator.linkState() == LinkState::Idle);
}

TEST_CASE("a second loop is refused - and an emulator restarts after stop") {
  Emulator emulator(EmulatorOptions{});
  emulator.start();
  CHECK_THROWS_AS(emulator.start(), UsageError);
  CHECK_THROWS_AS(emulator.run(), UsageError);  // one loop thread at a time
  emulator.stop();
  emulator.stop();  // idempotent
  emulator.start();
  const auto line = emulator.connect();
  CHECK(exchange(*line, "AT\r", kOk) == kOk);
}

TEST_CASE("calls from many threads at once are all served") {
  Emulator emulator(EmulatorOptions{});
  emulator.start();
  std::vector<std::thread> callers;
  std::atomic<int> served{0};
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&emulator, &served] {
      for (int round = 0; round < 50; ++round) {
        if (emulator.linkState() == LinkState::Idle) ++served;
      }
    });
  }
  for (auto& caller : callers) caller.join();
  CHECK(served == 400);
}

TEST_CASE("an in-process line reads closed once its emulator is gone") {
  std::unique_ptr<Transport> line;
  {
    Emulator emulator(EmulatorOptions{});
    emulator.start();
    line = emulator.connect();
    CHECK(exchange(*line, "AT\r", kOk) == kOk);
  }
  std::array<Byte, 16> buffer{};
  CHECK(line->read(buffer, generous()).status == IoStatus::Closed);
}

TEST_CASE("a pty link that cannot be made fails start") {
  const TempDir dir;
  EmulatorOptions options;
  options.ptyLink = dir / "missing" / "modem";
  Emulator emulator(options);
  CHECK_THROWS_AS(emulator.start(), TransportError);
  CHECK_THROWS_AS(emulator.start(), TransportError);  // not "already running"
}

}  // namespace atsharp::test
