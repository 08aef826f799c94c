// Taking command lines apart.

#include "command_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace atsharp::detail {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string unquote(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

}  // namespace

std::string upperCase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::optional<std::vector<std::string>> argumentsOf(std::string_view commandLine,
                                                    std::string_view name) {
  const std::string head = "AT#" + upperCase(name);
  const std::string_view line = trim(commandLine);
  if (upperCase(line.substr(0, head.size())) != head) return std::nullopt;
  std::string_view rest = trim(line.substr(head.size()));
  if (rest.empty() || rest.front() != '=') return std::nullopt;
  rest.remove_prefix(1);
  std::vector<std::string> arguments;
  for (;;) {
    const std::size_t comma = rest.find(',');
    arguments.push_back(unquote(rest.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return arguments;
}

std::optional<int> wholeNumber(std::string_view text) {
  text = trim(text);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace atsharp::detail
