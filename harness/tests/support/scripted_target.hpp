#pragma once
// A target whose module is a script: each command line the harness sends (up to its CR) goes to
// a responder that returns the bytes the module answers, exactly, so that a test can make the
// module send anything (a wrong ending, an extra line, nothing). Replies are cut into small
// chunks, so that the harness meets fragmented input as the normal case.

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "targets/target.hpp"

namespace atsharp::harness::test {

/// What the module does with one command line (without its CR): the bytes to send back, echo
/// included when the script wants one. An empty answer sends nothing.
using Responder = std::function<std::string(const std::string& line)>;

struct ScriptOptions {
  std::size_t chunk = 3;  ///< the module writes its answers this many bytes at a time
  double timeScale = 0.01;
  std::chrono::milliseconds margin{300};  ///< a short margin: timeouts are tested too
};

class ScriptedTarget final : public Target {
 public:
  ScriptedTarget(Responder responder, ScriptOptions options = {});
  ~ScriptedTarget() override;

  std::string url() const override { return "script"; }
  Timing timing() const override;
  std::set<std::string> capabilities() const override { return capabilities_; }
  int maxJobs() const override { return 1; }
  bool freshPerCase() const override { return true; }
  std::unique_ptr<CaseModule> open(const ModuleRequest& request) override;

  void offer(const std::string& capability) { capabilities_.insert(capability); }
  /// Every command line the module received, over all cases.
  std::vector<std::string> received() const;

  /// What the target and its modules share: the responder, what was received.
  struct Shared;

 private:
  std::shared_ptr<Shared> shared_;
  ScriptOptions options_;
  std::set<std::string> capabilities_;
};

/// The usual answers of a module in verbose mode, for responders.
std::string echoed(const std::string& line);
std::string response(const std::vector<std::string>& lines);  ///< "\r\nA\r\nB\r\n"

}  // namespace atsharp::harness::test
