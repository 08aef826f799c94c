#pragma once
// `--target ref`: the reference module, in-process, fresh for each case (its own Emulator, the
// spec's defaults, a scenario of the suite's choosing) and with radio control. Cases that run
// at once each get a module address of their own (127.0.0.x), so that their listening sockets
// never collide.

#include <atomic>
#include <chrono>
#include <filesystem>

#include "targets/target.hpp"

namespace atsharp::harness {

struct ReferenceTargetOptions {
  /// Real seconds per module second. 0.01 runs REDIALDELAY's 14 s in 140 ms; the bytes the
  /// module sends are the same at any scale.
  double timeScale = 0.01;
  /// Added to every step's timeout, unscaled: what a loaded machine may need on top.
  std::chrono::milliseconds margin{3000};
  /// The last octet of job 0's GPRS address (its GSM address is the next one); job k uses
  /// base + 2k and base + 2k + 1. 2 keeps the reference module's default, 127.0.0.2.
  int addressBase = 2;
  /// Where the modules' control sockets go (a fresh folder under the temporary directory when
  /// empty; removed with the target).
  std::filesystem::path socketFolder;
};

class ReferenceTarget final : public Target {
 public:
  explicit ReferenceTarget(ReferenceTargetOptions options = {});
  ~ReferenceTarget() override;

  std::string url() const override { return "ref"; }
  Timing timing() const override;
  std::set<std::string> capabilities() const override;
  int maxJobs() const override;
  bool freshPerCase() const override { return true; }
  bool reachesLoopback() const override { return true; }
  std::unique_ptr<CaseModule> open(const ModuleRequest& request) override;

  /// The scenario a case of @p job runs on: @p scenario with the job's addresses where it sets
  /// none. Throws UsageError for a scenario the reference module does not take.
  nlohmann::json scenarioFor(const nlohmann::json& scenario, int job) const;

 private:
  ReferenceTargetOptions options_;
  std::filesystem::path folder_;
  bool ownFolder_ = false;
  std::atomic<unsigned> opened_{0};
};

}  // namespace atsharp::harness
