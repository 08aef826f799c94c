#include "command_parser.hpp"

#include <cctype>

namespace atsharp::reference {
namespace {

char upper(char c) noexcept { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

bool isNameCharacter(char c) noexcept {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string_view trimmed(std::string_view text) noexcept {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Reads one command line left to right.
class LineParser {
 public:
  explicit LineParser(std::string_view text) : text_(text) {}

  ParsedLine parse() {
    std::vector<ParsedCommand> commands;
    while (skipSpaces(), pos_ < text_.size()) {
      if (text_[pos_] == ';') {
        ++pos_;
        continue;
      }
      std::variant<ParsedCommand, SyntaxError> next =
          (text_[pos_] == '#' || text_[pos_] == '+') ? extended() : basic();
      if (auto* error = std::get_if<SyntaxError>(&next)) return *error;
      commands.push_back(std::get<ParsedCommand>(std::move(next)));
    }
    return commands;
  }

 private:
  void skipSpaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

  bool accept(char c) {
    skipSpaces();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::string name() {
    skipSpaces();
    std::string out;
    while (pos_ < text_.size() && isNameCharacter(text_[pos_])) out += upper(text_[pos_++]);
    return out;
  }

  std::variant<ParsedCommand, SyntaxError> extended() {
    ParsedCommand command;
    command.prefix = text_[pos_++];
    command.name = name();
    if (command.name.empty()) return SyntaxError{command.prefix, "no command name"};
    if (accept('?')) {
      command.form = ParsedCommand::Form::Read;
    } else if (accept('=')) {
      if (accept('?')) {
        command.form = ParsedCommand::Form::Test;
      } else {
        command.form = ParsedCommand::Form::Set;
        return arguments(std::move(command));
      }
    } else if (skipSpaces(), pos_ < text_.size() && text_[pos_] == '"') {
      command.form = ParsedCommand::Form::Set;
      return arguments(std::move(command));
    }
    skipSpaces();
    if (pos_ < text_.size() && text_[pos_] != ';') {
      return SyntaxError{command.prefix, "unexpected '" + std::string(1, text_[pos_]) +
                                             "' after " + command.name};
    }
    return command;
  }

  // The arguments of a set command, up to ';' or the end of the line, split at the commas
  // that are not inside quotes.
  std::variant<ParsedCommand, SyntaxError> arguments(ParsedCommand command) {
    for (;;) {
      std::variant<Argument, SyntaxError> argument = oneArgument(command.prefix);
      if (auto* error = std::get_if<SyntaxError>(&argument)) return *error;
      command.args.push_back(std::get<Argument>(std::move(argument)));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      return command;
    }
  }

  std::variant<Argument, SyntaxError> oneArgument(char prefix) {
    skipSpaces();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const std::size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return SyntaxError{prefix, "a quoted value is not closed"};
      Argument argument{std::string(text_.substr(pos_ + 1, close - pos_ - 1)), true};
      pos_ = close + 1;
      skipSpaces();
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != ';') {
        return SyntaxError{prefix, "text after a closing quote"};
      }
      return argument;
    }
    const std::size_t end = text_.find_first_of(",;\"", pos_);
    const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
    if (stop < text_.size() && text_[stop] == '"') {
      return SyntaxError{prefix, "a quote inside an unquoted value"};
    }
    Argument argument{std::string(trimmed(text_.substr(pos_, stop - pos_))), false};
    pos_ = stop;
    return argument;
  }

  // Basic commands: a letter (or & and a letter) and its digits: E1, V0, Q, Z, S0=2, S0?, &F.
  std::variant<ParsedCommand, SyntaxError> basic() {
    ParsedCommand command;
    const char first = upper(text_[pos_++]);
    if (first == '&') {
      if (pos_ >= text_.size() || !std::isalpha(static_cast<unsigned char>(text_[pos_]))) {
        return SyntaxError{0, "'&' without a command letter"};
      }
      command.name = std::string("&") + upper(text_[pos_++]);
    } else if (std::isalpha(static_cast<unsigned char>(first))) {
      command.name = std::string(1, first);
    } else {
      return SyntaxError{0, "unexpected '" + std::string(1, first) + "'"};
    }
    if (command.name == "S") return sRegister(std::move(command));
    std::string digits;
    while (pos_ < text_.size() && isDigit(text_[pos_])) digits += text_[pos_++];
    if (!digits.empty()) command.args.push_back(Argument{digits, false});
    return command;
  }

  // Sn? reads register n, Sn=v sets it.
  std::variant<ParsedCommand, SyntaxError> sRegister(ParsedCommand command) {
    std::string digits;
    while (pos_ < text_.size() && isDigit(text_[pos_])) digits += text_[pos_++];
    if (digits.empty()) return SyntaxError{0, "S without a register number"};
    command.name += digits;
    if (accept('?')) {
      command.form = ParsedCommand::Form::Read;
    } else if (accept('=')) {
      command.form = ParsedCommand::Form::Set;
      skipSpaces();
      std::string value;
      while (pos_ < text_.size() && isDigit(text_[pos_])) value += text_[pos_++];
      if (value.empty()) return SyntaxError{0, "S register set without a value"};
      command.args.push_back(Argument{value, false});
    }
    return command;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// Where the command line starts: at its first "AT", in any case.
std::optional<std::size_t> commandStart(std::string_view line) noexcept {
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    if (upper(line[i]) == 'A' && upper(line[i + 1]) == 'T') return i + 2;
  }
  return std::nullopt;
}

}  // namespace

ParsedLine parseCommandLine(std::string_view line) {
  const std::optional<std::size_t> start = commandStart(line);
  if (!start) return NotACommandLine{};
  return LineParser(line.substr(*start)).parse();
}

}  // namespace atsharp::reference
