// inject: a radio event on the module (an incoming call with its caller id, GPRS lost, the SIM
// taken out, the registration lost, a dial outcome), as a request of the reference module's
// control channel. Needs a target with radio control; elsewhere the case is skipped.

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

// Events that model something going wrong are marked as faults in the transcript.
bool isFault(const Json& request) {
  const std::string event = request.value("event", "");
  if (event == "gprs-lost" || event == "hangup") return true;
  if (event == "sim") return !request.value("present", true);
  if (event == "gprs-attachment") return !request.value("attached", true);
  if (event == "registration") {
    const int status = request.value("status", 1);
    return status != 1 && status != 5;
  }
  if (event == "dial-outcome") return request.value("outcome", "connect") != "connect";
  return false;
}

Json rendered(const Json& value, const Vars& vars) {
  if (value.is_string()) return Json(TemplateText(value.get<std::string>()).render(vars));
  if (value.is_object()) {
    Json out = Json::object();
    for (const auto& [key, item] : value.items()) out[key] = rendered(item, vars);
    return out;
  }
  return value;
}

void collectNames(const Json& value, std::set<std::string>& names) {
  if (value.is_string()) {
    for (const auto& name : TemplateText(value.get<std::string>()).names()) names.insert(name);
  } else if (value.is_object()) {
    for (const auto& [key, item] : value.items()) collectNames(item, names);
  }
}

class InjectStep final : public Step {
 public:
  InjectStep(StepCommon common, Json request)
      : Step(std::move(common)), request_(std::move(request)) {}

  std::string_view kind() const noexcept override { return "inject"; }
  std::string summary() const override { return "inject " + request_.dump(); }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("radio-control");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    collectNames(request_, reads);
  }

  void run(StepContext& context) const override {
    if (!context.radio) {
      throw StepFailure(FailureClass::Harness, "the target has no radio control");
    }
    const Json request = rendered(request_, context.vars());
    TranscriptEntry entry;
    entry.at = Clock::now();
    entry.direction = Direction::Event;
    entry.kind = EntryKind::Inject;
    entry.text = request.dump(-1, ' ', false, Json::error_handler_t::replace);
    entry.fault = isFault(request);
    context.transcript.add(entry);
    std::optional<std::string> refused;
    try {
      refused = context.radio->inject(request);
    } catch (const Error& failure) {
      throw StepFailure(FailureClass::Transport,
                        std::string("the radio control channel failed: ") + failure.what());
    }
    if (refused) {
      throw StepFailure(FailureClass::Harness, "the module refused the event: " + *refused);
    }
    context.mark(entry.at);
  }

 private:
  Json request_;
};

}  // namespace

StepPtr parseInject(const Json& value, const Json&, StepCommon common, const StepParseContext&) {
  if (!value.is_object() || !value.contains("event") || !value["event"].is_string()) {
    throw UsageError("inject is a radio event: {event: ring, caller: \"0612345678\"}");
  }
  std::set<std::string> names;
  collectNames(value, names);  // throws for a malformed {{...}} now, not at run time
  return std::make_shared<InjectStep>(std::move(common), value);
}

}  // namespace atsharp::harness::steps
