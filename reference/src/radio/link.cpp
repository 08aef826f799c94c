#include "link.hpp"

#include <algorithm>

#include "atsharp/catalogue/commands.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "../interpreter/dispatch.hpp"
#include "../interpreter/module_core.hpp"

namespace atsharp::reference {
namespace {

using catalogue::CmeError;
using catalogue::Param;
using catalogue::Result;

const std::string& param(const ModuleCore& core, Param p) { return core.params.value(p); }

// The value of a numeric parameter (legal values only ever reach the store).
int number(const ModuleCore& core, Param p) {
  return catalogue::parseDecimal(param(core, p)).value_or(0);
}

// CONNECT lines with a 9.1 code are results (so that ATV0 shows their number); others are text.
std::optional<Result> connectResult(int speed) {
  switch (speed) {
    case 300: return Result::Connect300;
    case 1200: return Result::Connect1200;
    case 2400: return Result::Connect2400;
    case 4800: return Result::Connect4800;
    case 9600: return Result::Connect9600;
    case 14400: return Result::Connect14400;
    default: return std::nullopt;
  }
}

Result failureResult(CallOutcome::Kind kind) {
  switch (kind) {
    case CallOutcome::Kind::Busy: return Result::Busy;
    case CallOutcome::Kind::NoAnswer: return Result::NoAnswer;
    default: return Result::NoCarrier;
  }
}

// DIALN1 or DIALN2, as DIALSELECT says (2.1.10).
const std::string& selectedNumber(const ModuleCore& core) {
  return param(core, param(core, Param::Dialselect) == "2" ? Param::Dialn2 : Param::Dialn1);
}

std::string errorLine(CmeError code) {
  return "#CME ERROR: " + std::to_string(catalogue::value(code));
}

}  // namespace

bool linkReads(Param p) {
  for (std::string_view name : {"CONNECTIONSTART", "ACCEPT"}) {
    const catalogue::CommandSpec* command = catalogue::findCommand(name);
    if (std::ranges::find(command->reads, p) != command->reads.end()) return true;
  }
  return false;
}

LinkState Link::state(const ModuleCore& core) const {
  switch (phase_) {
    case Phase::Idle:
      if (callbackNumber_) return LinkState::Checking;  // a callback is on its way
      return core.radio.registered() ? LinkState::Idle : LinkState::NoService;
    case Phase::Dialing: return LinkState::Dialing;
    case Phase::Answering:
    case Phase::Activating: return LinkState::Checking;
    case Phase::Authenticating: return LinkState::Authenticating;
    case Phase::Connected: return LinkState::Connected;
    case Phase::Disconnecting: return LinkState::Disconnecting;
  }
  return LinkState::Idle;
}

// --- the host's commands ---

Outcome Link::start(ModuleCore& core) {
  if (phase_ != Phase::Idle) return refuse(core, CmeError::ModemAlreadyRunning);
  if (!core.radio.simPresent()) return refuse(core, CmeError::SimRemoved);
  if (!core.radio.registered()) return refuse(core, CmeError::NotAttached);
  if (param(core, Param::Gprsmode) == "1") {
    // 2.2.3: "GPRS attachment must be performed before a CONNECTIONSTART command".
    if (!core.radio.gprsAttached()) return refuse(core, CmeError::NotAttached);
    beginGprs(core, Waiter::Command);
    return Outcome::Busy;
  }
  const std::string number = selectedNumber(core);
  if (number.empty()) return refuse(core, CmeError::BadParameterConfiguration);
  beginGsm(core, number, Waiter::Command);
  return Outcome::Busy;
}

Outcome Link::stop(ModuleCore& core) {
  callbackNumber_.reset();
  core.timers.cancel(TimerId::Callback);
  if (phase_ == Phase::Idle) return Outcome::Continue;  // nothing to stop: OK (2.2.2)
  disconnect(core, Waiter::Command);
  return Outcome::Busy;
}

Outcome Link::accept(ModuleCore& core) {
  if (phase_ != Phase::Idle) return refuse(core, CmeError::ModemAlreadyRunning);
  if (!ringing_) return refuse(core, CmeError::PhysicalLayerNotActive);
  if (ringing_->type != CallType::Data) return refuse(core, CmeError::InvalidIncomingCallType);
  // 2.2.1.2: OK at once, then CONNECT, the address and PPP OK as the call comes up.
  answer(core, Waiter::Nobody);
  return Outcome::Continue;
}

// --- outgoing GSM calls ---

void Link::beginGsm(ModuleCore& core, const std::string& number, Waiter waiter) {
  waiter_ = waiter;
  overGprs_ = false;
  incoming_ = false;
  number_ = number;
  attempts_ = 0;
  dial(core, number);
}

void Link::dial(ModuleCore& core, const std::string& number) {
  ++attempts_;
  phase_ = Phase::Dialing;
  say(core, "DIALING");
  say(core, number);
  core.timers.arm(TimerId::LinkStep, core.now + core.scenario.gsm.dialDelay);
}

void Link::dialOutcome(ModuleCore& core) {
  const auto& numbers = core.scenario.gsm.numbers;
  const auto listed = numbers.find(number_);
  const CallOutcome outcome =
      listed == numbers.end() ? core.scenario.gsm.defaultOutcome : listed->second;
  if (outcome.kind == CallOutcome::Kind::Connect) {
    connectCall(core, outcome.speed);
  } else {
    callFailed(core, failureResult(outcome.kind));
  }
}

// BUSY, NO ANSWER, NO CARRIER: REDIALDELAY seconds, then another attempt, REDIALCOUNT times
// (REDIALCOUNT 0: the first attempt is the only one). The last failure ends the command.
void Link::callFailed(ModuleCore& core, Result result) {
  sayResult(core, result);
  if (attempts_ <= number(core, Param::Redialcount)) {
    core.timers.arm(TimerId::RedialWait,
                    core.now + std::chrono::seconds(number(core, Param::Redialdelay)));
    return;
  }
  toIdle(core);
  finishWith(core);
}

void Link::redialDue(ModuleCore& core) { dial(core, number_); }

// --- the call is up: PPP ---

void Link::connectCall(ModuleCore& core, int speed) {
  phase_ = Phase::Authenticating;
  if (const std::optional<Result> result = connectResult(speed)) {
    sayResult(core, *result);
  } else {
    say(core, "CONNECT " + std::to_string(speed));
  }
  core.timers.arm(TimerId::LinkStep, core.now + core.scenario.gsm.pppDelay);
}

// PPPMODE decides the module's role (2.1.13): standard PPP is a client for outgoing calls and a
// server for incoming ones, reverse PPP the other way round; 3 and 4 are always client or
// server; 9 (specific) is taken as a client.
bool Link::pppAsServer(const ModuleCore& core) const {
  const std::string& mode = param(core, Param::Pppmode);
  if (mode == "1") return incoming_;
  if (mode == "2") return !incoming_;
  return mode == "4";
}

void Link::pppDone(ModuleCore& core) {
  const bool server = pppAsServer(core);
  PppOutcome outcome = incoming_ ? core.scenario.incoming.ppp : core.scenario.gsm.ppp;
  const Scenario::Gsm& isp = core.scenario.gsm;
  if (!server && !incoming_ && outcome == PppOutcome::Success &&
      ((isp.ispUser && *isp.ispUser != param(core, Param::Ispun)) ||
       (isp.ispPassword && *isp.ispPassword != param(core, Param::Isppw)))) {
    outcome = PppOutcome::Failed;  // the ISP refuses the account
  }
  if (outcome != PppOutcome::Success) {
    if (incoming_) {
      say(core, "PPP ERROR");  // 2.2.1.2
      toIdle(core);
      finishWith(core);
      return;
    }
    const bool timeout = outcome == PppOutcome::Timeout;
    fail(core, server ? (timeout ? CmeError::PppServerTimeout : CmeError::PppServerNegotiationFailed)
                      : (timeout ? CmeError::PppClientTimeout : CmeError::PppClientNegotiationFailed));
    return;
  }
  // As a server the module gives the addresses of PPPMYIP and PPPPEERIP (2.1.14, 2.1.15); as a
  // client it takes the ones the peer gives.
  myAddress_ = server ? param(core, Param::Pppmyip) : isp.address;
  peerAddress_ = server ? param(core, Param::Ppppeerip) : isp.peer;
  say(core, myAddress_);
  if (incoming_) {
    say(core, "PPP OK");  // 2.2.1.2
  } else {
    sayResult(core, Result::Ppp);
  }
  connected(core);
  finishWith(core);
}

// --- GPRS ---

void Link::beginGprs(ModuleCore& core, Waiter waiter) {
  waiter_ = waiter;
  overGprs_ = true;
  incoming_ = false;
  phase_ = Phase::Activating;
  core.timers.arm(TimerId::LinkStep, core.now + core.scenario.gprs.activationDelay);
}

void Link::activationDone(ModuleCore& core) {
  const Scenario::Gprs& gprs = core.scenario.gprs;
  ActivationOutcome outcome = gprs.activation;
  if (gprs.apn && *gprs.apn != param(core, Param::Apnserv)) outcome = ActivationOutcome::Aborted;
  if (outcome == ActivationOutcome::Refused) return fail(core, CmeError::InvalidActivationEvent);
  if (outcome == ActivationOutcome::Aborted) return fail(core, CmeError::GprsConnectionAborted);
  myAddress_ = gprs.address;
  peerAddress_ = gprs.gateway;
  say(core, myAddress_);
  sayResult(core, Result::GprsActivation);
  connected(core);
  finishWith(core);
}

// --- incoming calls ---

void Link::incomingCall(ModuleCore& core, const IncomingCall& call) {
  if (phase_ != Phase::Idle || ringing_ || !core.radio.registered()) return;  // line busy
  ringing_ = call;
  rings_ = 0;
  ring(core);
}

// CALLSCREENNUM (2.1.3): 0 lets nobody in, * everybody, a number only that caller.
bool Link::callAuthorized(const ModuleCore& core) const {
  const std::string& screen = param(core, Param::Callscreennum);
  if (screen == "*") return true;
  if (screen == "0") return false;
  return ringing_->caller && *ringing_->caller == screen;
}

void Link::ring(ModuleCore& core) {
  ++rings_;
  core.out.unsolicited(Result::Ring);
  if (core.settings.clip && ringing_->caller) {
    const std::string& caller = *ringing_->caller;
    core.out.unsolicited("+CLIP: \"" + caller + "\"," + (caller.starts_with('+') ? "145" : "129"));
  }
  const int mode = number(core, Param::Answermode);
  const int ringCount = number(core, Param::Ringcount);
  // ANSWERMODE > 0 acts after RINGCOUNT rings, which must then be above 0 (2.1.1, 2.1.7).
  if (mode > 0 && ringCount > 0 && rings_ == ringCount) {
    if (ringing_->type != CallType::Data) {
      core.out.unsolicited(errorLine(CmeError::InvalidIncomingCallType));
    } else if (callAuthorized(core)) {
      if (mode == 1) return answer(core, Waiter::Nobody);
      return scheduleCallback(core, mode);
    }
  }
  if (ringing_->rings > 0 && rings_ >= ringing_->rings) return stopRinging(core);
  core.timers.arm(TimerId::Ring, core.now + core.scenario.incoming.ringInterval);
}

// ANSWERMODE 2 and 3: the call is not taken; CALLBACKTIMER seconds after the ringing ends the
// module dials DIALN1/DIALN2 (2) or the caller (3, which needs the caller's number: 35870).
void Link::scheduleCallback(ModuleCore& core, int mode) {
  const std::optional<std::string> caller = ringing_->caller;
  stopRinging(core);
  if (mode == 3 && !caller) {
    core.out.unsolicited(errorLine(CmeError::IncomingCallCliNotProvided));
    return;
  }
  callbackNumber_ = mode == 3 ? *caller : std::string{};
  core.timers.arm(TimerId::Callback,
                  core.now + std::chrono::seconds(number(core, Param::Callbacktimer)));
}

void Link::ringDue(ModuleCore& core) {
  if (ringing_) ring(core);
}

void Link::stopRinging(ModuleCore& core) {
  ringing_.reset();
  rings_ = 0;
  core.timers.cancel(TimerId::Ring);
}

void Link::answer(ModuleCore& core, Waiter waiter) {
  stopRinging(core);
  waiter_ = waiter;
  overGprs_ = false;
  incoming_ = true;
  phase_ = Phase::Answering;
  core.timers.arm(TimerId::LinkStep, core.now + core.scenario.incoming.answerDelay);
}

void Link::callbackDue(ModuleCore& core) {
  const std::string number = callbackNumber_.value_or("");
  callbackNumber_.reset();
  if (phase_ != Phase::Idle) return;
  if (!core.radio.registered()) {
    core.out.unsolicited(errorLine(CmeError::NotAttached));
    return;
  }
  // A static callback (ANSWERMODE 2) does what AT#CONNECTIONSTART does (2.1.1).
  if (number.empty() && param(core, Param::Gprsmode) == "1") {
    if (!core.radio.gprsAttached()) {
      core.out.unsolicited(errorLine(CmeError::NotAttached));
      return;
    }
    return beginGprs(core, Waiter::Nobody);
  }
  const std::string target = number.empty() ? selectedNumber(core) : number;
  if (target.empty()) {
    core.out.unsolicited(errorLine(CmeError::BadParameterConfiguration));
    return;
  }
  beginGsm(core, target, Waiter::Nobody);
}

// --- the link goes down ---

void Link::hangUp(ModuleCore& core) {
  if (ringing_) {
    stopRinging(core);
    return;
  }
  if (overGprs_ || (phase_ != Phase::Authenticating && phase_ != Phase::Connected &&
                    phase_ != Phase::Answering)) {
    return;
  }
  sayResult(core, Result::NoCarrier);
  toIdle(core);
  finishWith(core);
}

void Link::gprsLost(ModuleCore& core) {
  if (!overGprs_ || (phase_ != Phase::Activating && phase_ != Phase::Connected)) return;
  fail(core, CmeError::GprsSessionLost);
}

void Link::radioLost(ModuleCore& core) {
  stopRinging(core);
  callbackNumber_.reset();
  core.timers.cancel(TimerId::Callback);
  if (phase_ == Phase::Idle || phase_ == Phase::Disconnecting) return;
  if (overGprs_) return gprsLost(core);
  if (waiter_ == Waiter::Command || phase_ != Phase::Dialing) {
    sayResult(core, Result::NoCarrier);
  }
  toIdle(core);
  finishWith(core);
}

// PHYTIMEOUT (2.1.6): minutes without activity end the communication with TIMEOUT.
void Link::inactivityDue(ModuleCore& core) {
  if (phase_ != Phase::Connected) return;
  core.out.unsolicited(Result::Timeout);
  disconnect(core, Waiter::Nobody);
}

void Link::activity(ModuleCore& core) {
  if (phase_ == Phase::Connected) armInactivity(core);
}

void Link::connected(ModuleCore& core) {
  phase_ = Phase::Connected;
  armInactivity(core);
}

void Link::armInactivity(ModuleCore& core) {
  core.timers.arm(TimerId::Inactivity,
                  core.now + std::chrono::minutes(number(core, Param::Phytimeout)));
}

void Link::disconnect(ModuleCore& core, Waiter waiter) {
  endServices(core);
  cancelSteps(core);
  waiter_ = waiter;
  phase_ = Phase::Disconnecting;
  core.timers.arm(TimerId::LinkStep, core.now + core.scenario.disconnectDelay);
}

void Link::stepDue(ModuleCore& core) {
  switch (phase_) {
    case Phase::Dialing: return dialOutcome(core);
    case Phase::Answering: return connectCall(core, core.scenario.incoming.speed);
    case Phase::Authenticating: return pppDone(core);
    case Phase::Activating: return activationDone(core);
    case Phase::Disconnecting:
      toIdle(core);
      if (waiter_ == Waiter::Command) core.out.result(Result::Ok);  // 2.2.2: "Phone line is released"
      return finishWith(core);
    case Phase::Idle:
    case Phase::Connected: return;
  }
}

void Link::fail(ModuleCore& core, CmeError code) {
  toIdle(core);
  if (waiter_ == Waiter::Command) {
    core.out.cmeError(code);
  } else {
    core.out.unsolicited(errorLine(code));
  }
  finishWith(core);
}

void Link::toIdle(ModuleCore& core) {
  endServices(core);
  cancelSteps(core);
  phase_ = Phase::Idle;
  myAddress_.clear();
  peerAddress_.clear();
}

// The IP services run over the link: when it goes down they end (before the link's own
// message, so that a data session's ETX comes first).
void Link::endServices(ModuleCore& core) {
  if (phase_ != Phase::Connected) return;
  phase_ = Phase::Disconnecting;  // the services see the link as gone
  core.services.onLinkLost(core);
}

void Link::cancelSteps(ModuleCore& core) {
  core.timers.cancel(TimerId::LinkStep);
  core.timers.cancel(TimerId::RedialWait);
  core.timers.cancel(TimerId::Inactivity);
}

void Link::finishWith(ModuleCore& core) {
  if (waiter_ != Waiter::Command) return;
  waiter_ = Waiter::Nobody;
  core.finishOperation();
}

void Link::say(ModuleCore& core, const std::string& text) {
  if (waiter_ == Waiter::Command) {
    core.out.line(text);
  } else {
    core.out.unsolicited(text);
  }
}

void Link::sayResult(ModuleCore& core, Result result) {
  if (waiter_ == Waiter::Command) {
    core.out.result(result);
  } else {
    core.out.unsolicited(result);
  }
}

void Link::setDialOutcome(ModuleCore& core, const DialOutcome& outcome) {
  if (outcome.number.empty()) {
    core.scenario.gsm.defaultOutcome = outcome.outcome;
  } else {
    core.scenario.gsm.numbers[outcome.number] = outcome.outcome;
  }
}

void Link::reset(ModuleCore& core) {
  stopRinging(core);
  callbackNumber_.reset();
  core.timers.cancel(TimerId::Callback);
  toIdle(core);
  waiter_ = Waiter::Nobody;
}

namespace {

Outcome actionOnly(ModuleCore& core, const ParsedCommand& command,
                   Outcome (Link::*action)(ModuleCore&)) {
  if (command.form != ParsedCommand::Form::Action) return syntaxError(core);
  return (core.link.*action)(core);
}

Outcome connectionStart(ModuleCore& core, const ParsedCommand& command) {
  return actionOnly(core, command, &Link::start);
}
Outcome connectionStop(ModuleCore& core, const ParsedCommand& command) {
  return actionOnly(core, command, &Link::stop);
}
Outcome acceptCall(ModuleCore& core, const ParsedCommand& command) {
  return actionOnly(core, command, &Link::accept);
}

constexpr CommandHandler kLinkCommands[] = {
    {"CONNECTIONSTART", connectionStart},
    {"CONNECTIONSTOP", connectionStop},
    {"ACCEPT", acceptCall},
};

}  // namespace

std::span<const CommandHandler> linkCommands() { return kLinkCommands; }

}  // namespace atsharp::reference
