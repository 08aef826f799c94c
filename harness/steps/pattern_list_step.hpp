#pragma once
// A step made of a list of line patterns (expect_all, fail_on): what it says in a report and
// the variables its patterns read are the same whatever it does with the lines.

#include <set>
#include <string>
#include <vector>

#include "steps/step.hpp"
#include "suite/line_pattern.hpp"

namespace atsharp::harness::steps {

class PatternListStep : public Step {
 public:
  PatternListStep(StepCommon common, std::vector<LinePattern> patterns)
      : Step(std::move(common)), patterns_(std::move(patterns)) {}

  /// The kind, then each pattern: a regex between slashes, a line quoted.
  std::string summary() const override;
  void addVariables(std::set<std::string>& reads, std::set<std::string>& writes) const override;

 protected:
  const std::vector<LinePattern>& patterns() const noexcept { return patterns_; }

 private:
  std::vector<LinePattern> patterns_;
};

}  // namespace atsharp::harness::steps
