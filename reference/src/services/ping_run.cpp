#include "ping_run.hpp"

#include "atsharp/catalogue/value_rules.hpp"
#include "../interpreter/dispatch.hpp"
#include "../interpreter/module_core.hpp"
#include "name_lookup.hpp"

namespace atsharp::reference {
namespace {

using catalogue::CmeError;
using catalogue::Param;

int numberOf(const ModuleCore& core, Param param) {
  return catalogue::parseDecimal(core.params.value(param)).value_or(1);
}

}  // namespace

PingRun::PingRun(ModuleCore& core)
    : ServiceBase(/*dataCoded=*/false),
      remote_(core.params.value(Param::Pingremote)),
      count_(numberOf(core, Param::Pingnum)),
      delay_(std::chrono::seconds(numberOf(core, Param::Pingdelay))) {}

Outcome PingRun::begin(ModuleCore& core) {
  if (remote_.empty()) {
    fail(core, CmeError::BadParameterConfiguration);
    return Outcome::Answered;
  }
  return lookUpAndReach(core, remote_);
}

void PingRun::reached(ModuleCore& core, const std::string& address) {
  address_ = address;
  nextAt_ = core.now;
  sendRequest(core);
}

void PingRun::sendRequest(ModuleCore& core) {
  ++sent_;
  nextAt_ += delay_;
  request_ = newActivity(core);
  core.services.port()->ping(request_, localAddress(core), address_, delay_);
}

// 7.2.2's lines: '"host" is alive : time =  900 ms' and 'No answer from "host"'.
void PingRun::onActivity(ModuleCore& core, const NetworkEvent& event) {
  if (const auto* failed = std::get_if<Failed>(&event)) {
    ended(request_);
    return fail(core, failed->code);
  }
  const auto* answer = std::get_if<PingAnswer>(&event);
  if (!answer) return;
  ended(request_);
  core.link.activity(core);
  if (answer->milliseconds) {
    core.out.line("\"" + remote_ + "\" is alive : time =  " +
                  std::to_string(*answer->milliseconds) + " ms");
  } else {
    core.out.line("No answer from \"" + remote_ + "\"");
  }
  if (sent_ == count_) return succeed(core, catalogue::Result::Ok);
  // Requests leave PINGDELAY apart, however early a reply came.
  core.timers.arm(TimerId::PingNext, std::max(core.now, nextAt_));
}

void PingRun::onTimer(ModuleCore& core, TimerId id) {
  if (id == TimerId::PingNext) sendRequest(core);
}

bool PingRun::reads(Param param, int) const { return commandReads("PING", param); }

}  // namespace atsharp::reference
