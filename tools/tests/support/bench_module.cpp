#include "bench_module.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <optional>

namespace atsharp::test {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kReady = "atsharp emulate: module ready";

// Module time at a tenth of real time: the spec's timers are short, and a ping reply still
// has 100 ms of real time to come back (PINGDELAY 1).
constexpr const char* kTimeScale = "0.1";

}  // namespace

BenchModule::BenchModule() {
  const std::filesystem::path scenario = dir_.path() / "scenario.yaml";
  fixtures::writeFile(scenario,
                      "gprs:\n"
                      "  attached: true\n"
                      "  activation_delay_ms: 0\n");
  child_ = std::make_unique<ChildProcess>(std::vector<std::string>{
      ATSHARP_EXECUTABLE, "emulate", "--pty", link().string(), "--scenario", scenario.string(),
      "--control", (dir_.path() / "control").string(), "--time-scale", kTimeScale});
  REQUIRE_MESSAGE(child_->waitForStderr(kReady, after(30s)),
                  "atsharp emulate did not start: ", child_->stderrText());
}

BenchModule::~BenchModule() {
  if (child_) stop();
}

// FAIL_CHECK only: this also runs while a failure unwinds the test.
void BenchModule::stop() {
  const std::unique_ptr<ChildProcess> child = std::move(child_);
  ::kill(child->pid(), SIGTERM);
  const std::optional<int> status = child->waitForExit(after(30s));
  if (!status) {
    FAIL_CHECK("atsharp emulate did not stop on SIGTERM; it said: " << child->stderrText());
  } else if (exitStatus(*status) != 0) {
    FAIL_CHECK("atsharp emulate ended with status " << exitStatus(*status)
                                                    << "; it said: " << child->stderrText());
  }
}

std::string BenchModule::control(const std::string& request) const {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string path = (dir_.path() / "control").string();
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  const std::string line = request + "\n";
  REQUIRE(::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
  std::string answer;
  char c = 0;
  while (::read(fd, &c, 1) == 1 && c != '\n') answer += c;
  ::close(fd);
  return answer;
}

}  // namespace atsharp::test
