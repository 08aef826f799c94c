// expect_all: lines that may come in any order (unsolicited lines and a final result, say);
// each pattern takes one line, and any other line fails the step at once.

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

class ExpectAllStep final : public Step {
 public:
  ExpectAllStep(StepCommon common, std::vector<LinePattern> patterns)
      : Step(std::move(common)), patterns_(std::move(patterns)) {}

  std::string_view kind() const noexcept override { return "expect_all"; }
  std::string summary() const override {
    std::string out = "expect_all";
    for (const LinePattern& pattern : patterns_) {
      out += " " + (pattern.isRegex() ? "/" + pattern.text().source() + "/"
                                      : quotedLine(pattern.text().source()));
    }
    return out;
  }

  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const LinePattern& pattern : patterns_) {
      for (const auto& name : pattern.text().names()) reads.insert(name);
    }
  }

  void run(StepContext& context) const override {
    std::vector<ResolvedPattern> remaining = resolveAll(patterns_, context.vars());
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
    for (const ResolvedPattern& pattern : resolveAll(patterns_, context.vars())) {
      context.record.expected.push_back(expectedItem(context, pattern));
    }
    context.mark(last);
    context.checkTiming(last);
  }

 private:
  std::vector<LinePattern> patterns_;
};

}  // namespace

StepPtr parseExpectAll(const Json& value, const Json&, StepCommon common,
                       const StepParseContext&) {
  if (!value.is_array() || value.empty()) throw UsageError("expect_all is a list of lines");
  return std::make_shared<ExpectAllStep>(std::move(common), parsePatternList(value));
}

}  // namespace atsharp::harness::steps
