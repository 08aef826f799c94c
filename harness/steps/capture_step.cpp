// capture: the next line must match a regular expression; its groups become variables that
// later steps use ({{name}}).

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

class CaptureStep final : public Step {
 public:
  CaptureStep(StepCommon common, LinePattern pattern, std::vector<std::string> into)
      : Step(std::move(common)), pattern_(std::move(pattern)), into_(std::move(into)) {}

  std::string_view kind() const noexcept override { return "capture"; }
  std::string summary() const override {
    std::string names;
    for (const auto& name : into_) names += (names.empty() ? "" : ", ") + name;
    return "capture /" + pattern_.text().source() + "/ into " + names;
  }

  void addVariables(std::set<std::string>& reads, std::set<std::string>& defines) const override {
    for (const auto& name : pattern_.text().names()) reads.insert(name);
    defines.insert(into_.begin(), into_.end());
  }

  void run(StepContext& context) const override {
    const ResolvedPattern pattern = pattern_.resolve(context.vars());
    const MatchedLine matched = awaitLine(context, {pattern});
    const std::vector<std::string> groups =
        pattern.groups(matched.line.text).value_or(std::vector<std::string>{});
    for (std::size_t i = 0; i < into_.size(); ++i) {
      const std::string value = i + 1 < groups.size() ? groups[i + 1] : std::string();
      context.vars()[into_[i]] = value;
      context.record.captured[into_[i]] = value;
    }
    context.mark(matched.arrival);
    context.checkTiming(matched.arrival);
  }

 private:
  LinePattern pattern_;
  std::vector<std::string> into_;
};

}  // namespace

StepPtr parseCapture(const Json& value, const Json&, StepCommon common, const StepParseContext&) {
  if (!value.is_object() || !value.contains("regex") || !value.contains("into")) {
    throw UsageError("capture needs regex and into: {regex: '...(group)...', into: [name]}");
  }
  LinePattern pattern = LinePattern::parse(Json{{"regex", value["regex"]}});
  std::vector<std::string> into;
  const Json& names = value["into"];
  if (names.is_string()) {
    into.push_back(names.get<std::string>());
  } else {
    for (const Json& name : names) into.push_back(name.get<std::string>());
  }
  if (into.empty()) throw UsageError("capture: into names at least one variable");
  if (!pattern.text().hasReferences()) {
    const std::size_t groups = Regex(pattern.text().source()).groupCount();
    if (groups < into.size()) {
      throw UsageError("capture: the regex has " + std::to_string(groups) + " group(s) for " +
                       std::to_string(into.size()) + " variable(s)");
    }
  }
  return std::make_shared<CaptureStep>(std::move(common), std::move(pattern), std::move(into));
}

}  // namespace atsharp::harness::steps
