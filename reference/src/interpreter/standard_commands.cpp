// The standard commands that the appendix flows use around the AT# command set (V.250 basic
// commands and the 27.007 commands of registration and GPRS attachment), and ATQ's answer
// while the IP application runs (1.2).

#include <cstdio>
#include <string>

#include "atsharp/catalogue/value_rules.hpp"
#include "dispatch.hpp"
#include "standard_errors.hpp"

namespace atsharp::reference {
namespace {

using Form = ParsedCommand::Form;

Outcome error(ModuleCore& core) {
  core.out.result(catalogue::Result::Error);
  return Outcome::Answered;
}

// The value of a basic command (E1: 1; E: 0, as V.250 reads a missing value).
std::optional<int> basicValue(const ParsedCommand& command) {
  if (command.args.empty()) return 0;
  return catalogue::parseDecimal(command.args[0].text);
}

// The single numeric argument of AT+X=n, when it is between 0 and max.
std::optional<int> setValue(const ParsedCommand& command, int max) {
  if (command.form != Form::Set || command.args.size() != 1) return std::nullopt;
  const std::optional<int> value = catalogue::parseDecimal(command.args[0].text);
  if (!value || *value > max) return std::nullopt;
  return value;
}

Outcome echo(ModuleCore& core, const ParsedCommand& command) {
  const std::optional<int> value = basicValue(command);
  if (!value || *value > 1) return error(core);
  core.settings.echo = *value == 1;
  return Outcome::Continue;
}

// ATV takes effect at once: the OK of the line that sets it is already in the new form.
Outcome verbose(ModuleCore& core, const ParsedCommand& command) {
  const std::optional<int> value = basicValue(command);
  if (!value || *value > 1) return error(core);
  core.settings.verbose = *value == 1;
  core.out.setVerbose(core.settings.verbose);
  return Outcome::Continue;
}

// 1.2: the IP application is not designed for ATQ1, and while it runs ATQ always answers
// +CME ERROR: 600 ("not allowed by embedded application").
Outcome quiet(ModuleCore& core, const ParsedCommand& command) {
  const std::optional<int> value = basicValue(command);
  if (core.settings.application) {
    core.out.cmeError(catalogue::CmeError::NotAllowedByEmbeddedApplication, '+');
    return Outcome::Answered;
  }
  // Quiet mode itself is not offered: a host could no longer tell success from failure.
  if (!value || *value != 0) return error(core);
  return Outcome::Continue;
}

// ATZ and AT&F: the interpreter settings back to their defaults.
Outcome defaults(ModuleCore& core, const ParsedCommand& command) {
  if (!command.args.empty() && command.args[0].text != "0") return error(core);
  const bool application = core.settings.application;
  core.settings = {};
  core.settings.application = application;
  core.out.setVerbose(true);
  return Outcome::Continue;
}

Outcome identify(ModuleCore& core, const ParsedCommand&) {
  core.out.line(core.scenario.software.name);
  return Outcome::Continue;
}

// ATS0: the rings after which the GSM stack answers by itself; kept and shown (2.1.1 says it
// must agree with ANSWERMODE).
Outcome ringsToAnswer(ModuleCore& core, const ParsedCommand& command) {
  if (command.form == Form::Read) {
    char text[4];
    std::snprintf(text, sizeof text, "%03d", core.settings.s0);
    core.out.line(text);
    return Outcome::Continue;
  }
  const std::optional<int> value = setValue(command, 255);
  if (!value) return error(core);
  core.settings.s0 = *value;
  return Outcome::Continue;
}

Outcome errorReports(ModuleCore& core, const ParsedCommand& command) {
  if (command.form == Form::Read) {
    core.out.line("+CMEE: " + std::to_string(core.settings.cmee));
    return Outcome::Continue;
  }
  const std::optional<int> value = setValue(command, 2);
  if (!value) return error(core);
  core.settings.cmee = *value;
  return Outcome::Continue;
}

// AT+WOPEN: starts (A.1) or stops the IP application, the owner of the AT# command set.
Outcome application(ModuleCore& core, const ParsedCommand& command) {
  if (command.form == Form::Read) {
    core.out.line("+WOPEN: " + std::to_string(core.settings.application ? 1 : 0));
    return Outcome::Continue;
  }
  const std::optional<int> value = setValue(command, 1);
  if (!value) return error(core);
  core.settings.application = *value == 1;
  if (!core.settings.application) core.link.reset(core);
  return Outcome::Continue;
}

// AT+CFUN=1 restarts the module: the OK first, then the restart from the flash.
Outcome functionality(ModuleCore& core, const ParsedCommand& command) {
  if (command.form == Form::Read) {
    core.out.line("+CFUN: 1");
    return Outcome::Continue;
  }
  if (setValue(command, 1) != 1) return error(core);
  core.out.result(catalogue::Result::Ok);
  core.restart();
  return Outcome::Answered;
}

Outcome pin(ModuleCore& core, const ParsedCommand& command) {
  if (command.form == Form::Read) {
    if (!core.radio.simPresent()) {
      core.standardError(cme27007::kSimNotInserted);
      return Outcome::Answered;
    }
    core.out.line(core.radio.pinStatus());
    return Outcome::Continue;
  }
  if (command.form != Form::Set || command.args.empty()) return error(core);
  if (const int failure = core.radio.enterPin(core, command.args[0].text)) {
    core.standardError(failure);
    return Outcome::Answered;
  }
  return Outcome::Continue;
}

// AT+CREG and AT+CGREG: n turns the unsolicited reports on; the read shows n and the status.
template <int InterpreterSettings::*reports, bool gprs>
Outcome registrationReports(ModuleCore& core, const ParsedCommand& command) {
  const std::string name = gprs ? "+CGREG: " : "+CREG: ";
  const int status = gprs ? core.radio.gprsRegistration() : core.radio.registration();
  if (command.form == Form::Read) {
    core.out.line(name + std::to_string(core.settings.*reports) + "," + std::to_string(status));
    return Outcome::Continue;
  }
  if (command.form == Form::Test) {
    core.out.line(name + "(0-2)");
    return Outcome::Continue;
  }
  const std::optional<int> value = setValue(command, 2);
  if (!value) return error(core);
  core.settings.*reports = *value;
  if (*value > 0) {
    gprs ? core.radio.reportGprsRegistration(core) : core.radio.reportRegistration(core);
  }
  return Outcome::Continue;
}

Outcome attachment(ModuleCore& core, const ParsedCommand& command) {
  if (command.form == Form::Read) {
    core.out.line("+CGATT: " + std::to_string(core.radio.gprsAttached() ? 1 : 0));
    return Outcome::Continue;
  }
  const std::optional<int> value = setValue(command, 1);
  if (!value) return error(core);
  if (*value == 0) {
    core.radio.detach(core);
    return Outcome::Continue;
  }
  if (const int failure = core.radio.attach(core)) {
    core.standardError(failure);
    return Outcome::Answered;
  }
  return Outcome::Continue;
}

Outcome callerId(ModuleCore& core, const ParsedCommand& command) {
  if (command.form == Form::Read) {
    core.out.line("+CLIP: " + std::to_string(core.settings.clip ? 1 : 0) + ",1");
    return Outcome::Continue;
  }
  const std::optional<int> value = setValue(command, 1);
  if (!value) return error(core);
  core.settings.clip = *value == 1;
  return Outcome::Continue;
}

constexpr CommandHandler kStandardCommands[] = {
    {"E", echo},
    {"V", verbose},
    {"Q", quiet},
    {"Z", defaults},
    {"&F", defaults},
    {"I", identify},
    {"S0", ringsToAnswer},
    {"+CMEE", errorReports},
    {"+WOPEN", application},
    {"+CFUN", functionality},
    {"+CPIN", pin},
    {"+CREG", registrationReports<&InterpreterSettings::cregReports, false>},
    {"+CGREG", registrationReports<&InterpreterSettings::cgregReports, true>},
    {"+CGATT", attachment},
    {"+CLIP", callerId},
};

}  // namespace

std::span<const CommandHandler> standardCommands() { return kStandardCommands; }

}  // namespace atsharp::reference
