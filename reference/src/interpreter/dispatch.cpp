#include "dispatch.hpp"

#include <algorithm>
#include <array>

#include "atsharp/catalogue/commands.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "../parameters/parameter_commands.hpp"

namespace atsharp::reference {
namespace {

const CommandHandler* find(std::span<const CommandHandler> table, std::string_view name) {
  const auto it = std::ranges::find(table, name, &CommandHandler::name);
  return it == table.end() ? nullptr : &*it;
}

const CommandHandler* findHashCommand(std::string_view name) {
  for (auto table : {displayCommands(), linkCommands(), settingCommands(), serviceCommands()}) {
    if (const CommandHandler* handler = find(table, name)) return handler;
  }
  return nullptr;
}

Outcome executeStandard(ModuleCore& core, const ParsedCommand& command) {
  const std::string name = command.prefix == '+' ? "+" + command.name : command.name;
  if (const CommandHandler* handler = find(standardCommands(), name)) {
    return handler->handler(core, command);
  }
  // Unknown commands of the standard interpreter answer ERROR, as a V.250 DCE does.
  core.out.result(catalogue::Result::Error);
  return Outcome::Answered;
}

Outcome executeHash(ModuleCore& core, const ParsedCommand& command) {
  // Without the IP application (AT+WOPEN=0) the AT# command set does not exist.
  if (!core.settings.application) {
    core.out.result(catalogue::Result::Error);
    return Outcome::Answered;
  }
  if (const CommandHandler* handler = findHashCommand(command.name)) {
    return handler->handler(core, command);
  }
  if (const catalogue::ParameterSpec* spec = catalogue::findParameter(command.name)) {
    return parameterCommand(core, *spec, command);
  }
  return refuse(core, catalogue::CmeError::UnknownCommand);
}

}  // namespace

Outcome execute(ModuleCore& core, const ParsedCommand& command) {
  return command.prefix == '#' ? executeHash(core, command) : executeStandard(core, command);
}

Outcome refuse(ModuleCore& core, catalogue::CmeError code) {
  core.out.cmeError(code);
  return Outcome::Answered;
}

std::optional<int> socketId(const Argument& argument) {
  const std::optional<int> id = catalogue::parseDecimal(argument.text);
  if (!id || *id < catalogue::kFirstSocketId || *id > catalogue::kLastSocketId) {
    return std::nullopt;
  }
  return id;
}

}  // namespace atsharp::reference
