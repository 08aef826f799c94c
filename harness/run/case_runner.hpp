#pragma once
// Runs one case on one module: the suite's setup, the case's steps, a look for lines nobody
// expected, and the suite's teardown (always), recording every step and the transcript.

#include <memory>
#include <string>
#include <vector>

#include "report/run_result.hpp"
#include "run/case_instance.hpp"
#include "targets/target.hpp"

namespace atsharp::harness {

class CaseRunner {
 public:
  /// @p services start the services (fixtures) a case requires, beside the target's own
  /// capabilities.
  CaseRunner(Target& target, Timing timing,
             std::vector<std::shared_ptr<CaseServiceProvider>> services = {});

  /// Runs @p instance on a module of job @p job. Never throws for what the case or the module
  /// does: every failure ends up in the result.
  CaseResult run(const CaseInstance& instance, int job);

 private:
  std::set<std::string> offered() const;
  Vars variablesOf(const CaseInstance& instance, const CaseModule& module,
                   const CaseServices& services) const;
  std::optional<CaseFailure> startServices(const CaseInstance& instance, int job,
                                           CaseServices& services) const;
  nlohmann::json scenarioWith(const nlohmann::json& scenario, const CaseServices& services) const;

  Target& target_;
  Timing timing_;
  std::vector<std::shared_ptr<CaseServiceProvider>> services_;
};

}  // namespace atsharp::harness
