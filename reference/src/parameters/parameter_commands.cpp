#include "parameter_commands.hpp"

#include <optional>
#include <string>
#include <vector>

#include "atsharp/catalogue/commands.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "../interpreter/dispatch.hpp"
#include "display_writer.hpp"

namespace atsharp::reference {
namespace {

using catalogue::CmeError;
using catalogue::ParameterSpec;
using catalogue::ValueKind;
using Form = ParsedCommand::Form;

bool isSocketIndexed(const ParameterSpec& spec) {
  return spec.indexing == catalogue::Indexing::SocketId;
}

// What a legal value is kept as: an integer or a port is a number ("Integer between 2 and
// 255", 16-bit ports), kept and shown in decimal without the leading zeros it was typed with
// (AT#CALLBACKTIMER=007 reads back 7); anything else as it was typed.
std::string keptValue(const ParameterSpec& spec, const std::string& value) {
  if (spec.kind != ValueKind::Integer && spec.kind != ValueKind::Port) return value;
  const std::optional<int> number = catalogue::parseDecimal(value);
  return number ? std::to_string(*number) : value;
}

// Checks and stores one value: 34882 when it is not legal, 37123 while a running activity
// reads the parameter.
Outcome setValue(ModuleCore& core, const ParameterSpec& spec, const std::string& value,
                 int socket) {
  if (catalogue::checkValue(spec, value)) return refuse(core, CmeError::BadArgumentValue);
  if (core.inUse(spec.id, socket)) return refuse(core, CmeError::ServiceRunning);
  core.store(spec.id, keptValue(spec, value), socket);
  return Outcome::Continue;
}

Outcome read(ModuleCore& core, const ParameterSpec& spec) {
  if (!isSocketIndexed(spec)) {
    core.out.line(displayLine(spec, core.params.value(spec.id)));
    return Outcome::Continue;
  }
  // The spec reads a TCP parameter per socket (AT#TCPPORT=1); AT#TCPPORT? shows both.
  std::vector<std::string> lines;
  for (int socket = catalogue::kFirstSocketId; socket <= catalogue::kLastSocketId; ++socket) {
    lines.push_back(displayLine(spec, core.params.value(spec.id, socket), socket));
  }
  core.out.block(lines);
  return Outcome::Continue;
}

// AT#DLEMODE=id reads socket id's value; AT#DLEMODE=id,value sets it (5.1).
Outcome setOrReadSocket(ModuleCore& core, const ParameterSpec& spec,
                        const ParsedCommand& command) {
  if (command.args.empty() || command.args.size() > 2) return syntaxError(core);
  const std::optional<int> socket = socketId(command.args[0]);
  if (!socket) return badValue(core);
  if (command.args.size() == 1) {
    core.out.line(displayLine(spec, core.params.value(spec.id, *socket), *socket));
    return Outcome::Continue;
  }
  return setValue(core, spec, command.args[1].text, *socket);
}

// Line breaks typed in an entry, CR, LF or both, become CR LF; the one before Ctrl-Z ends the
// typing, not the text (3.1.7's example types Ctrl-Z on its own line).
std::string bodyText(const std::string& typed) {
  std::string text;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const char c = typed[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < typed.size() && typed[i + 1] == '\n') ++i;
      text += "\r\n";
    } else {
      text += c;
    }
  }
  if (text.ends_with("\r\n")) text.resize(text.size() - 2);
  return text;
}

// One address a line; blank lines are skipped, and the 11th address and those after it are
// ignored (3.1.5, NOTE2).
std::vector<std::string> addressLines(const std::string& typed) {
  std::vector<std::string> addresses;
  std::string current;
  auto endLine = [&] {
    const std::size_t first = current.find_first_not_of(' ');
    const std::size_t last = current.find_last_not_of(' ');
    if (first != std::string::npos && addresses.size() < catalogue::kMaxAddresses) {
      addresses.push_back(current.substr(first, last - first + 1));
    }
    current.clear();
  };
  for (char c : typed) {
    if (c == '\r' || c == '\n') {
      endLine();
    } else {
      current += c;
    }
  }
  endLine();
  return addresses;
}

Outcome storeAddresses(ModuleCore& core, const ParameterSpec& spec, const std::string& typed) {
  std::string joined;
  for (const std::string& address : addressLines(typed)) {
    if (catalogue::checkValue(spec, address)) return refuse(core, CmeError::BadArgumentValue);
    if (!joined.empty()) joined += ',';
    joined += address;
  }
  if (core.inUse(spec.id)) return refuse(core, CmeError::ServiceRunning);
  core.store(spec.id, joined);
  return Outcome::Continue;
}

}  // namespace

Outcome parameterCommand(ModuleCore& core, const ParameterSpec& spec,
                         const ParsedCommand& command) {
  switch (command.form) {
    case Form::Read: return read(core, spec);
    case Form::Set:
      if (isSocketIndexed(spec)) return setOrReadSocket(core, spec, command);
      if (command.args.size() != 1) return syntaxError(core);
      return setValue(core, spec, command.args[0].text, 1);
    case Form::Action:
      // AT#BODYi<CR>: the body is typed next, up to Ctrl-Z (3.1.7).
      if (spec.kind == ValueKind::Body) {
        core.beginEntry(EntryTarget{spec.id});
        return Outcome::Answered;
      }
      return syntaxError(core);
    case Form::Test: return syntaxError(core);
  }
  return syntaxError(core);
}

void takeEntry(ModuleCore& core, EntryTarget target, const ReaderEvent& event) {
  const ParameterSpec& spec = catalogue::spec(target.param);
  Outcome outcome = Outcome::Continue;
  switch (event.kind) {
    case ReaderEvent::Kind::EntryAbandoned: break;  // ESC: nothing changes
    case ReaderEvent::Kind::EntryOverlong:
      outcome = refuse(core, CmeError::CommandTooLong);
      break;
    default:
      outcome = spec.kind == ValueKind::Body ? setValue(core, spec, bodyText(event.text), 1)
                                             : storeAddresses(core, spec, event.text);
  }
  if (outcome == Outcome::Continue) core.out.result(catalogue::Result::Ok);
}

namespace {

// AT#RECiADD and AT#CCRECiADD: the addresses are typed next, one a line, up to Ctrl-Z.
Outcome addAddresses(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  const catalogue::CommandSpec* spec = catalogue::findCommand(command.name);
  core.beginEntry(EntryTarget{spec->reads.front()});
  return Outcome::Answered;
}

Outcome deleteFlash(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  core.eraseFlash();
  return Outcome::Continue;
}

constexpr CommandHandler kSettingCommands[] = {
    {"DELFLASH", deleteFlash},      {"REC1ADD", addAddresses},   {"REC2ADD", addAddresses},
    {"REC3ADD", addAddresses},      {"CCREC1ADD", addAddresses}, {"CCREC2ADD", addAddresses},
    {"CCREC3ADD", addAddresses},
};

}  // namespace

std::span<const CommandHandler> settingCommands() { return kSettingCommands; }

}  // namespace atsharp::reference
