#include "emulator_process.hpp"

#include <doctest/doctest.h>

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "program_path.hpp"

namespace atsharp::test {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kReady = "atsharp emulate: module ready";

// Inside the new namespace: loopback up (a new namespace starts with it down), echo requests
// ignored, then the module itself (exec: the signals the test sends reach it).
constexpr const char* kSilentNetworkScript =
    "ip link set lo up && echo 1 > /proc/sys/net/ipv4/icmp_echo_ignore_all && exec \"$@\"";

std::string decimal(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

}  // namespace

EmulatorProcess::EmulatorProcess(const EmulatorSettings& settings) {
  std::vector<std::string> argv{ATSHARP_EXECUTABLE, "emulate", "--pty", link().string(),
                                "--scenario", writeScenario(settings).string(),
                                "--time-scale", decimal(settings.timeScale)};
  if (settings.silentNetwork) {
    const std::vector<std::string> wrapper{programPath("unshare"), "--net", "/bin/sh", "-c",
                                           kSilentNetworkScript, "sh"};
    argv.insert(argv.begin(), wrapper.begin(), wrapper.end());
  }
  child_ = std::make_unique<ChildProcess>(argv);
  REQUIRE_MESSAGE(child_->waitForStderr(kReady, after(30s)),
                  "atsharp emulate did not start: ", child_->stderrText());
}

EmulatorProcess::~EmulatorProcess() {
  if (child_) stop();
}

// FAIL_CHECK only, never REQUIRE nor INFO: this also runs while a failure unwinds the test,
// where a REQUIRE would terminate and an INFO would be reported with that failure.
void EmulatorProcess::stop() {
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

std::filesystem::path EmulatorProcess::writeScenario(const EmulatorSettings& settings) const {
  std::string yaml =
      "gprs:\n"
      "  attached: true\n"
      "  activation_delay_ms: 0\n";
  if (settings.dnsPort) {
    yaml += "network:\n  dns_port: " + std::to_string(*settings.dnsPort) + "\n";
  }
  const std::filesystem::path file = dir_.path() / "scenario.yaml";
  writeFile(file, yaml);
  return file;
}

bool canMakeNetworkNamespace() {
  if (!isRoot() || programPath("unshare").empty()) return false;
  // Tried in a child, so that this process stays in its namespace. Called before any thread
  // exists (test registration), where fork is safe.
  const pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) ::_exit(::unshare(CLONE_NEWNET) == 0 ? 0 : 1);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace atsharp::test
