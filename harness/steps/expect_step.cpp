// expect: the next line the module sends (unsolicited lines the suite ignores aside) is this
// one, or one of these. expect_final: the same for the result code that ends a command.

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

class ExpectStep final : public Step {
 public:
  ExpectStep(StepCommon common, LineChoice choice, LineRole role)
      : Step(std::move(common)), choice_(std::move(choice)), role_(role) {}

  std::string_view kind() const noexcept override {
    return role_ == LineRole::FinalResult ? "expect_final" : "expect";
  }

  std::string summary() const override {
    std::string out = std::string(kind()) + " ";
    for (std::size_t i = 0; i < choice_.patterns.size(); ++i) {
      const LinePattern& pattern = choice_.patterns[i];
      out += (i ? " | " : "") + (pattern.isRegex() ? "/" + pattern.text().source() + "/"
                                                   : quotedLine(pattern.text().source()));
    }
    return out;
  }

  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const LinePattern& pattern : choice_.patterns) {
      for (const auto& name : pattern.text().names()) reads.insert(name);
    }
  }

  void run(StepContext& context) const override {
    const MatchedLine matched = awaitLine(context, choice_.resolve(context.vars()), role_);
    context.mark(matched.arrival);
    context.checkTiming(matched.arrival);
  }

 private:
  LineChoice choice_;
  LineRole role_;
};

}  // namespace

StepPtr parseExpect(const Json& value, const Json&, StepCommon common, const StepParseContext&) {
  return std::make_shared<ExpectStep>(std::move(common), LineChoice::parse(value), LineRole::Any);
}

StepPtr parseExpectFinal(const Json& value, const Json&, StepCommon common,
                         const StepParseContext&) {
  return std::make_shared<ExpectStep>(std::move(common), LineChoice::parse(value),
                                      LineRole::FinalResult);
}

}  // namespace atsharp::harness::steps
