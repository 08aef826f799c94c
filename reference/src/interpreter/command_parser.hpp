#pragma once
// Parses a command line (V.250) into its commands: basic ones (E1, V0, S0=2), extended ones
// (+CREG=1, #PPPMODE?, #TCPPORT=1,23), several on a line separated by ';'.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace atsharp::reference {

/// One argument of a set command, unquoted.
struct Argument {
  std::string text;
  bool quoted = false;
  bool operator==(const Argument&) const = default;
};

struct ParsedCommand {
  /// '#' (AT# command set), '+' (standard extended commands), or 0 for a basic command.
  char prefix = 0;
  /// Upper case: "PPPMODE", "CREG", or a basic command's letter(s): "E", "S0", "&F".
  std::string name;
  enum class Form {
    Action,  ///< AT#VSTATE, ATE1 (a basic command's digits are its argument)
    Read,    ///< AT#PPPMODE?, ATS0?
    Set,     ///< AT#PPPMODE=1, ATS0=2
    Test,    ///< AT+CREG=?
  };
  Form form = Form::Action;
  std::vector<Argument> args;
  bool operator==(const ParsedCommand&) const = default;
};

/// What is wrong with a line; the prefix of the command it is in decides the answer
/// (#CME ERROR: 34819 for an AT# command, ERROR otherwise).
struct SyntaxError {
  char prefix = 0;
  std::string why;
};

/// A line that is no command line: it holds no "AT" (V.250: the module ignores it).
struct NotACommandLine {};

using ParsedLine = std::variant<std::vector<ParsedCommand>, SyntaxError, NotACommandLine>;

/// Parses @p line (without its CR).
///
/// Names are case-insensitive (appendix A writes AT#PPPmode, AT#otcp); spaces outside quoted
/// strings are ignored, as the spec's own syntax lines have them ("AT#OTCP =1"); an unquoted
/// value keeps its inner spaces. A quoted value right after a name is taken as its value
/// (appendix A.6.1 writes AT#SENDERADDR"module@domain.com").
ParsedLine parseCommandLine(std::string_view line);

}  // namespace atsharp::reference
