// expect_all: lines that may come in any order (unsolicited lines and a final result, say);
// each pattern takes one line, and any other line fails the step at once.

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"
#include "steps/pattern_list_step.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

class ExpectAllStep final : public PatternListStep {
 public:
  using PatternListStep::PatternListStep;

  std::string_view kind() const noexcept override { return "expect_all"; }

  void run(StepContext& context) const override {
    std::vector<ResolvedPattern> remaining = resolveAll(patterns(), context.vars());
    std::vector<std::string> received;
    Clock::time_point last{};
    while (!remaining.empty()) {
      // One line at a time, against every pattern still open.
      context.record.expected.clear();
      const MatchedLine matched = awaitLine(context, remaining);
      received.push_back(receivedText(context, matched.line));
      last = matched.arrival;
      remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(matched.pattern));
    }
    context.record.expected.clear();
    for (const ResolvedPattern& pattern : resolveAll(patterns(), context.vars())) {
      context.record.expected.push_back(expectedItem(context, pattern));
    }
    context.mark(last);
    context.checkTiming(last);
  }
};

}  // namespace

StepPtr parseExpectAll(const Json& value, const Json&, StepCommon common,
                       const StepParseContext&) {
  if (!value.is_array() || value.empty()) throw UsageError("expect_all is a list of lines");
  return std::make_shared<ExpectAllStep>(std::move(common), parsePatternList(value));
}

}  // namespace atsharp::harness::steps
