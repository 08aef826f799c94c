// Taking a display's answer apart.

#include "shown_answer.hpp"

#include "../parameters/shown_value.hpp"
#include "../parameters/value_checks.hpp"

namespace atsharp::detail {
namespace {

bool isBlank(const std::string& line) {
  return line.find_first_not_of(" \t") == std::string::npos;
}

std::string socketSuffix(int socket) {
  return socket == 0 ? std::string() : " of socket " + std::to_string(socket);
}

}  // namespace

ShownAnswer::ShownAnswer(std::span<const std::string> lines, std::string command,
                         bool leadingLine)
    : lines_(lines), command_(std::move(command)) {
  bool first = true;
  for (const std::string& line : lines) {
    // The parser drops empty lines; AT#VALL's block separators are empty lines (8.3.1).
    if (isBlank(line)) continue;
    const std::optional<ShownValue> shown = readShownLine(line);
    if (!shown && first && leadingLine) {
      leading_ = line;
      first = false;
      continue;
    }
    first = false;
    if (!shown) fail("a line that shows no parameter value: \"" + maskedLine(line) + "\"");
    const int socket = shown->socket.value_or(0);
    if (shown->socket && (socket < catalogue::kFirstSocketId || socket > catalogue::kLastSocketId)) {
      fail(std::string(shown->spec->name) + " of socket " + std::to_string(socket) +
           ", which does not exist");
    }
    if (!values_.emplace(std::pair{shown->spec->id, socket}, Shown{shown->text}).second) {
      fail(std::string(shown->spec->name) + socketSuffix(socket) + " is shown twice");
    }
  }
}

const std::string& ShownAnswer::take(catalogue::Param parameter, int socket) {
  const auto found = values_.find({parameter, socket});
  if (found == values_.end()) {
    fail("no #" + std::string(catalogue::spec(parameter).name) + " line" + socketSuffix(socket));
  }
  found->second.taken = true;
  return found->second.text;
}

void ShownAnswer::requireAllTaken() const {
  for (const auto& [key, shown] : values_) {
    if (!shown.taken) {
      fail(std::string(catalogue::spec(key.first).name) + socketSuffix(key.second) +
           " is not shown by this command");
    }
  }
}

void ShownAnswer::fail(const std::string& problem) const {
  throw ProtocolError(command_ + ": " + problem, maskedAnswer(lines_));
}

catalogue::Param DisplayReader::shownParameter(catalogue::Param listed, int combination) {
  // The catalogue lists AT#VMAIL1's parameters; AT#VMAILi shows those of combination i.
  if (catalogue::spec(listed).combination == 0) return listed;
  return *catalogue::inCombination(listed, combination);
}

std::string DisplayReader::masked(const catalogue::ParameterSpec& spec, const std::string& text) {
  return shownInMessages(spec, text);
}

}  // namespace atsharp::detail
