// fail_on (alone): from here to the end of the case, a line that matches fails the step that
// sees it, the moment it arrives (an error code in a flow that must not produce one).

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"
#include "steps/pattern_list_step.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

class FailOnStep final : public PatternListStep {
 public:
  using PatternListStep::PatternListStep;

  std::string_view kind() const noexcept override { return "fail_on"; }

  void run(StepContext& context) const override {
    for (const LinePattern& pattern : patterns()) context.state.armedFailOn.push_back(pattern);
    context.mark(Clock::now());
  }
};

}  // namespace

StepPtr parseFailOn(const Json& value, const Json&, StepCommon common, const StepParseContext&) {
  return std::make_shared<FailOnStep>(std::move(common), parsePatternList(value));
}

}  // namespace atsharp::harness::steps
