#pragma once
// `--target serial:PATH?baud=N` and `--target tcp:HOST:PORT`: a module on a line. The line is
// opened for each case; the module is brought back to its defaults between cases (a bench's
// reset hook, or AT#DELFLASH and AT+CFUN=1). Time runs at the module's own pace (scale 1),
// unless a bench says the module is a reference module at another scale.

#include <optional>

#include "targets/bench.hpp"
#include "targets/target.hpp"

namespace atsharp::harness {

class LineTarget final : public Target {
 public:
  /// @p url is a serial or tcp target URL (checked: UsageError otherwise). @p bench, when
  /// given, adds what the bench offers.
  LineTarget(const std::string& url, std::optional<Bench> bench);

  std::string url() const override { return url_; }
  Timing timing() const override;
  std::set<std::string> capabilities() const override;
  int maxJobs() const override { return 1; }
  bool freshPerCase() const override { return false; }
  ResetPlan reset() const override;
  std::string powerCycle() const override;
  bool echoAtStart() const override;
  bool reachesLoopback() const override { return bench_ && bench_->reachesLoopback; }
  std::set<std::string> secrets() const override;
  nlohmann::json benchDescription() const override;
  std::unique_ptr<CaseModule> open(const ModuleRequest& request) override;

 private:
  std::string url_;
  std::optional<Bench> bench_;
};

}  // namespace atsharp::harness
