#include "targets/line_target.hpp"

#include <variant>

#include "atsharp/error.hpp"
#include "atsharp/transport/target_url.hpp"
#include "targets/control_channel_client.hpp"

namespace atsharp::harness {
namespace {

constexpr auto kOpenTimeout = std::chrono::seconds(10);

class LineModule final : public CaseModule {
 public:
  LineModule(std::unique_ptr<Transport> line, std::unique_ptr<RadioControl> radio, Vars vars)
      : line_(std::move(line)), radio_(std::move(radio)), vars_(std::move(vars)) {}
  ~LineModule() override { line_->close(); }
  Transport& line() override { return *line_; }
  RadioControl* radio() override { return radio_.get(); }
  Vars vars() const override { return vars_; }
  std::string describe() const override { return line_->describe(); }

 private:
  std::unique_ptr<Transport> line_;
  std::unique_ptr<RadioControl> radio_;
  Vars vars_;
};

}  // namespace

LineTarget::LineTarget(const std::string& url, std::optional<Bench> bench)
    : bench_(std::move(bench)) {
  const TargetUrl parsed = parseTargetUrl(url);
  if (std::holds_alternative<atsharp::RefTarget>(parsed)) {
    throw UsageError("target URL \"ref\" is the built-in reference module, not a line");
  }
  url_ = atsharp::describe(parsed);
}

Timing LineTarget::timing() const {
  Timing timing;
  timing.timeScale = bench_ && bench_->timeScale ? *bench_->timeScale : 1.0;
  timing.margin = std::chrono::milliseconds(
      static_cast<long>(1000 * (bench_ && bench_->timeoutMargin ? *bench_->timeoutMargin : 5.0)));
  // A UART or a bridge may deliver the last bytes of an answer a little later.
  timing.settle = std::chrono::milliseconds(200);
  return timing;
}

std::set<std::string> LineTarget::capabilities() const {
  if (!bench_) return {};
  std::set<std::string> offered = bench_->capabilities;
  // A bench that gives a time scale runs a module whose timers it can speed up.
  if (bench_->timeScale) offered.insert("time-scale");
  return offered;
}

ResetPlan LineTarget::reset() const {
  ResetPlan plan;
  if (bench_) {
    plan.hook = bench_->resetHook;
    plan.commands = bench_->resetCommands;
    plan.settle = bench_->settle;
  } else {
    plan.commands = {"AT#DELFLASH", "AT+CFUN=1"};
  }
  return plan;
}

std::string LineTarget::powerCycle() const { return bench_ ? bench_->powerCycleHook : ""; }
bool LineTarget::echoAtStart() const { return bench_ ? bench_->echo : true; }
std::set<std::string> LineTarget::secrets() const {
  return bench_ ? bench_->secrets : std::set<std::string>{};
}
nlohmann::json LineTarget::benchDescription() const {
  return bench_ ? bench_->description : nlohmann::json(nullptr);
}

std::unique_ptr<CaseModule> LineTarget::open(const ModuleRequest&) {
  auto line = openTransport(parseTargetUrl(url_), after(kOpenTimeout));
  std::unique_ptr<RadioControl> radio;
  if (bench_ && !bench_->control.empty()) {
    radio = std::make_unique<ControlChannelClient>(bench_->control);
  }
  return std::make_unique<LineModule>(std::move(line), std::move(radio),
                                      bench_ ? bench_->vars : Vars{});
}

}  // namespace atsharp::harness
