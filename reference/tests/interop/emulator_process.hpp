#pragma once
// `atsharp emulate --pty` as a child process, one per test case: its own directory for the pty
// link and the scenario file, started and waited for through its "module ready" line, stopped
// with SIGTERM at the end (its exit status then says whether the sanitizers found anything).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "child_process.hpp"
#include "daemon_requests.hpp"

namespace atsharp::test {

struct EmulatorSettings {
  /// Real seconds per module second (--time-scale).
  double timeScale = 1.0;
  /// The port DNSSERV1 and DNSSERV2 are asked on (the scenario's network.dns_port).
  std::optional<std::uint16_t> dnsPort;
  /// Run the module in a network namespace of its own (unshare --net), whose loopback is up
  /// and ignores ICMP echo requests: a ping there gets no answer.
  bool silentNetwork = false;
};

class EmulatorProcess {
 public:
  /// Starts the module and waits until it answers. Its scenario: GPRS attached from power-on
  /// and no activation delay, so that AT#CONNECTIONSTART connects at once (127.0.0.2).
  explicit EmulatorProcess(const EmulatorSettings& settings = {});
  /// Stops it (see stop()) if the test did not.
  ~EmulatorProcess();
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  /// The link to the module's pty.
  std::filesystem::path link() const { return dir_.path() / "modem"; }
  /// SIGTERM, then checks that it exited with status 0 (a sanitizer report makes it fail).
  void stop();

 private:
  std::filesystem::path writeScenario(const EmulatorSettings& settings) const;

  TempDir dir_;
  std::unique_ptr<ChildProcess> child_;
};

/// Whether this process may make a network namespace (root, and a kernel that allows it).
bool canMakeNetworkNamespace();

}  // namespace atsharp::test
