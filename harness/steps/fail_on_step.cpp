// fail_on (alone): from here to the end of the case, a line that matches fails the step that
// sees it, the moment it arrives (an error code in a flow that must not produce one).

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

class FailOnStep final : public Step {
 public:
  FailOnStep(StepCommon common, std::vector<LinePattern> patterns)
      : Step(std::move(common)), patterns_(std::move(patterns)) {}

  std::string_view kind() const noexcept override { return "fail_on"; }
  std::string summary() const override {
    std::string out = "fail_on";
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
    for (const LinePattern& pattern : patterns_) context.state.armedFailOn.push_back(pattern);
    context.mark(Clock::now());
  }

 private:
  std::vector<LinePattern> patterns_;
};

}  // namespace

StepPtr parseFailOn(const Json& value, const Json&, StepCommon common, const StepParseContext&) {
  return std::make_shared<FailOnStep>(std::move(common), parsePatternList(value));
}

}  // namespace atsharp::harness::steps
