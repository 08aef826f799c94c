// Reading a numeric parameter with `AT#NAME?`.

#include "setting_reader.hpp"

#include <string>

#include "../command_text.hpp"

namespace atsharp::detail {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '"')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '"')) text.remove_suffix(1);
  return text;
}

}  // namespace

int readWholeSetting(Module& module, catalogue::Param parameter) {
  const std::string name(catalogue::spec(parameter).name);
  const std::string command = "AT#" + name + "?";
  const Reply reply = module.command(command);
  // The module shows `#NAME: value`; a module that writes `#NAME = value` is read alike.
  const std::string prefix = "#" + name;
  for (const std::string& line : reply.lines) {
    if (!upperCase(line).starts_with(prefix)) continue;
    const std::size_t separator = line.find_first_not_of(' ', prefix.size());
    if (separator == std::string::npos || (line[separator] != ':' && line[separator] != '=')) {
      continue;  // another parameter whose name starts with this one's
    }
    if (const std::optional<int> value = wholeNumber(trimmed(line.substr(separator + 1)))) {
      return *value;
    }
  }
  std::string shown;
  for (const std::string& line : reply.lines) shown += line + "\n";
  throw ProtocolError(command + ": the answer shows no value", toBytes(shown));
}

}  // namespace atsharp::detail
