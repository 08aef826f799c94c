#pragma once
// The module on the bench: `atsharp emulate --pty LINK` as a child process, as an engineer
// runs it, with a scenario in which GPRS is attached from power-on (AT#CONNECTIONSTART
// connects at once, as 127.0.0.2) and a control socket for radio events. Stopped with SIGTERM
// at the end; its exit status then says whether the sanitizers found anything.

#include <filesystem>
#include <memory>
#include <string>

#include "atsharp/fixtures/daemons/temp_dir.hpp"
#include "child_process.hpp"

namespace atsharp::test {

class BenchModule {
 public:
  /// Starts it and waits until it answers.
  BenchModule();
  ~BenchModule();
  BenchModule(const BenchModule&) = delete;
  BenchModule& operator=(const BenchModule&) = delete;

  /// --target for the commands: serial:LINK.
  std::string target() const { return "serial:" + link().string(); }
  std::filesystem::path link() const { return dir_.path() / "modem"; }
  /// A folder of the test's own, removed at the end.
  const std::filesystem::path& dir() const { return dir_.path(); }
  /// Sends one request to the control channel (docs/reference-module.md) and returns the
  /// answer line.
  std::string control(const std::string& request) const;

  /// SIGTERM, then checks that it exited with status 0.
  void stop();

 private:
  fixtures::TempDir dir_;
  std::unique_ptr<ChildProcess> child_;
};

}  // namespace atsharp::test
