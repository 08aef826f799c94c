// The display commands: AT#VPHY ... AT#VPING, AT#VMAILi, AT#VTCP=id, AT#VALL (2.4 to 8.3), and
// the state displays AT#VVERSION, AT#VSTATE and AT#DISPLAYIP (2.3, 8.1, 8.2).

#include "atsharp/catalogue/displays.hpp"
#include "../interpreter/dispatch.hpp"
#include "display_writer.hpp"

namespace atsharp::reference {
namespace {

using catalogue::Display;
using Form = ParsedCommand::Form;

template <Display display>
Outcome show(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  core.out.block(displayLines(core.params, display));
  return Outcome::Continue;
}

template <int combination>
Outcome showMail(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  core.out.block(displayLines(core.params, Display::Vmail, combination));
  return Outcome::Continue;
}

// AT#VTCP=id (5.5.2).
Outcome showTcp(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Set || command.args.size() != 1) return syntaxError(core);
  const std::optional<int> socket = socketId(command.args[0]);
  if (!socket) return badValue(core);
  core.out.block(displayLines(core.params, Display::Vtcp, *socket));
  return Outcome::Continue;
}

Outcome showAll(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  core.out.block(allParameterLines(core.params, core.scenario.software.name));
  return Outcome::Continue;
}

// '#VERSION: "<file name> <size> <date and time of generation>"' (8.1.2's table).
Outcome showVersion(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  const Scenario::Software& software = core.scenario.software;
  core.out.line("#VERSION: \"" + software.name + " " + software.size + " " + software.built +
                "\"");
  return Outcome::Continue;
}

// '#STATE: "IDLE"' and OK, or '#NO SERVICE' alone without radio (8.2.2).
Outcome showState(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  const LinkState state = core.linkState();
  if (state == LinkState::NoService) {
    core.out.result(catalogue::Result::NoService);
    return Outcome::Answered;
  }
  core.out.line("#STATE: \"" + std::string{stateName(state)} + "\"");
  return Outcome::Continue;
}

// The addresses of the link: the peer is the PPP peer over GSM, the gateway over GPRS (2.3.2).
Outcome displayIp(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  if (!core.link.connected()) {
    core.out.cmeError(catalogue::CmeError::PhysicalLayerNotActive);
    return Outcome::Answered;
  }
  core.out.block({"MY IP: " + core.link.myAddress(),
                  (core.link.overGprs() ? "Gateway IP: " : "PEER IP: ") +
                      core.link.peerAddress()});
  return Outcome::Continue;
}

constexpr CommandHandler kDisplayCommands[] = {
    {"VPHY", show<Display::Vphy>},   {"VPPP", show<Display::Vppp>},
    {"VGPRS", show<Display::Vgprs>}, {"VDNS", show<Display::Vdns>},
    {"VFTP", show<Display::Vftp>},   {"VPOP3", show<Display::Vpop3>},
    {"VSMTP", show<Display::Vsmtp>}, {"VUDP", show<Display::Vudp>},
    {"VPING", show<Display::Vping>}, {"VMAIL1", showMail<1>},
    {"VMAIL2", showMail<2>},         {"VMAIL3", showMail<3>},
    {"VTCP", showTcp},               {"VALL", showAll},
    {"VVERSION", showVersion},       {"VSTATE", showState},
    {"DISPLAYIP", displayIp},
};

}  // namespace

std::span<const CommandHandler> displayCommands() { return kDisplayCommands; }

}  // namespace atsharp::reference
