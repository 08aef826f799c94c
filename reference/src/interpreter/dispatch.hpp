#pragma once
// Routes each parsed command to its handler. The handlers are declared as tables, one per
// area (standard commands, displays, the link, settings), each next to its handlers.

#include <span>
#include <string_view>

#include "module_core.hpp"

namespace atsharp::reference {

using Handler = Outcome (*)(ModuleCore&, const ParsedCommand&);

/// A handler and the name it answers to: "+CREG", "E", "S0" (standard commands), or an AT#
/// command name as the catalogue spells it.
struct CommandHandler {
  std::string_view name;
  Handler handler;
};

/// Runs one command of a line.
Outcome execute(ModuleCore& core, const ParsedCommand& command);

// The handler tables.
std::span<const CommandHandler> standardCommands();
std::span<const CommandHandler> displayCommands();
std::span<const CommandHandler> linkCommands();
std::span<const CommandHandler> settingCommands();
std::span<const CommandHandler> serviceCommands();

/// Answers "#CME ERROR: <code>": the command is refused and the line ends.
Outcome refuse(ModuleCore& core, catalogue::CmeError code);
/// A malformed AT# command (34819).
inline Outcome syntaxError(ModuleCore& core) {
  return refuse(core, catalogue::CmeError::SyntaxError);
}
/// An AT# command with a value out of its legal range (34882).
inline Outcome badValue(ModuleCore& core) {
  return refuse(core, catalogue::CmeError::BadArgumentValue);
}

/// The socket id of AT#NAME=id (1 or 2), or nothing when the argument is not one.
std::optional<int> socketId(const Argument& argument);

}  // namespace atsharp::reference
