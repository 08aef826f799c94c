#include "steps/step_registry.hpp"

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

TimingCheck parseTimingCheck(const Json& value) {
  if (!value.is_object() || !value.contains("mark") || !value["mark"].is_string()) {
    throw UsageError("after needs a mark: {mark: NAME, min: DURATION, max: DURATION}");
  }
  TimingCheck check;
  check.mark = value["mark"].get<std::string>();
  if (value.contains("min")) check.min = parseDuration(value["min"]);
  if (value.contains("max")) check.max = parseDuration(value["max"]);
  if (!check.min && !check.max) throw UsageError("after needs min, max or both");
  return check;
}

}  // namespace

const std::set<std::string>& StepRegistry::commonKeys() {
  static const std::set<std::string> keys{"note", "timeout", "ignore", "fail_on", "mark", "after"};
  return keys;
}

StepCommon parseStepCommon(const Json& step) {
  StepCommon common;
  if (step.contains("note")) common.note = step["note"].get<std::string>();
  if (step.contains("timeout")) common.timeout = parseDuration(step["timeout"]);
  if (step.contains("ignore")) common.ignore = parsePatternList(step["ignore"]);
  if (step.contains("fail_on")) common.failOn = parsePatternList(step["fail_on"]);
  if (step.contains("mark")) common.mark = step["mark"].get<std::string>();
  if (step.contains("after")) common.after = parseTimingCheck(step["after"]);
  return common;
}

StepRegistry StepRegistry::withBuiltins() {
  StepRegistry registry;
  registry.add("send", steps::parseSend);
  registry.add("expect", steps::parseExpect);
  registry.add("expect_final", steps::parseExpectFinal);
  registry.add("expect_all", steps::parseExpectAll);
  registry.add("forbid", steps::parseForbid, {"for"});
  registry.add("capture", steps::parseCapture);
  registry.add("send_data", steps::parseSendData);
  registry.add("expect_data", steps::parseExpectData);
  registry.add("close", steps::parseClose);
  registry.add("wait", steps::parseWait);
  registry.add("quiet", steps::parseQuiet);
  registry.add("inject", steps::parseInject);
  registry.add("call", steps::parseCall);
  registry.add("fail_on", steps::parseFailOn);
  return registry;
}

void StepRegistry::add(const std::string& kind, StepParser parser, std::set<std::string> options) {
  kinds_[kind] = Kind{std::move(parser), std::move(options)};
}

void StepRegistry::offerVariables(const std::string& capability, std::set<std::string> names) {
  offered_[capability].merge(names);
}

std::set<std::string> StepRegistry::offeredVariables(
    const std::set<std::string>& capabilities) const {
  std::set<std::string> out;
  for (const std::string& capability : capabilities) {
    const auto found = offered_.find(capability);
    if (found != offered_.end()) out.insert(found->second.begin(), found->second.end());
  }
  return out;
}

std::vector<std::string> StepRegistry::kinds() const {
  std::vector<std::string> out;
  for (const auto& [name, kind] : kinds_) out.push_back(name);
  return out;
}

StepPtr StepRegistry::parse(const Json& step, const StepParseContext& context) const {
  if (!step.is_object()) throw UsageError("a step is a mapping with one kind: {send: AT}");
  std::vector<std::string> present;
  for (const auto& [key, value] : step.items()) {
    if (kinds_.count(key) && key != "fail_on") present.push_back(key);
  }
  // fail_on beside another kind applies to that step; alone, it is a step of its own.
  if (present.empty() && step.contains("fail_on")) present.push_back("fail_on");
  if (present.size() != 1) {
    throw UsageError(present.empty()
                         ? "a step needs one kind (" + joined(kinds()) + ")"
                         : "a step has one kind, this one has " + joined(present));
  }
  const std::string& name = present.front();
  const Kind& kind = kinds_.at(name);
  for (const auto& [key, value] : step.items()) {
    if (key == name || commonKeys().count(key) || kind.options.count(key)) continue;
    throw UsageError("a " + name + " step has no key \"" + key + "\"");
  }
  StepCommon common = parseStepCommon(step);
  common.source = context.where;
  if (name == "fail_on") common.failOn.clear();  // the step's value, not an option
  return kind.parser(step[name], step, std::move(common), context);
}

}  // namespace atsharp::harness
