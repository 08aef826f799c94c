// Taking a shown parameter line apart.

#include "shown_value.hpp"

#include <algorithm>

#include "atsharp/catalogue/credentials.hpp"
#include "atsharp/catalogue/value_rules.hpp"

namespace atsharp::detail {
namespace {

bool isSpace(char c) noexcept { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view text) noexcept {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool isNameCharacter(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Takes the leading name off @p rest.
std::string_view takeName(std::string_view& rest) noexcept {
  const auto end = std::ranges::find_if_not(rest, isNameCharacter);
  const std::string_view name = rest.substr(0, static_cast<std::size_t>(end - rest.begin()));
  rest.remove_prefix(name.size());
  return name;
}

// Takes ':' or '=' with the spaces around it off @p rest; false when there is none.
bool takeSeparator(std::string_view& rest) noexcept {
  rest = trimmed(rest);
  if (rest.empty() || (rest.front() != ':' && rest.front() != '=')) return false;
  rest = trimmed(rest.substr(1));
  return true;
}

// Takes '<id>,' off the value of a TCP parameter.
std::optional<int> takeSocket(std::string_view& rest) noexcept {
  const std::size_t comma = rest.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const std::optional<int> id = catalogue::parseDecimal(trimmed(rest.substr(0, comma)));
  if (id) rest = trimmed(rest.substr(comma + 1));
  return id;
}

// The value without its quotes; nothing for a quote that does not enclose the whole value.
std::optional<std::string_view> unquoted(std::string_view value) noexcept {
  if (value.starts_with('"')) {
    if (value.size() < 2 || !value.ends_with('"')) return std::nullopt;
    value = value.substr(1, value.size() - 2);
  }
  if (value.find('"') != std::string_view::npos) return std::nullopt;
  return value;
}

// A display shows each CR LF of a body as the two characters \n (docs/spec-decisions.md #13).
std::string bodyText(std::string_view shown) {
  std::string text;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (shown[i] == '\\' && i + 1 < shown.size() && shown[i + 1] == 'n') {
      text += "\r\n";
      ++i;
    } else {
      text += shown[i];
    }
  }
  return text;
}

}  // namespace

std::optional<ShownValue> readShownLine(std::string_view line) {
  std::string_view rest = trimmed(line);
  if (rest.starts_with('#')) rest.remove_prefix(1);
  const std::string_view name = takeName(rest);
  if (name.empty()) return std::nullopt;
  const catalogue::ParameterSpec* spec = catalogue::findParameter(name);
  if (spec == nullptr || !takeSeparator(rest)) return std::nullopt;
  ShownValue shown{spec, std::nullopt, {}};
  if (spec->indexing == catalogue::Indexing::SocketId) {
    shown.socket = takeSocket(rest);
    if (!shown.socket) return std::nullopt;
  }
  const std::optional<std::string_view> value = unquoted(rest);
  if (!value) return std::nullopt;
  shown.text = spec->kind == catalogue::ValueKind::Body ? bodyText(*value) : std::string(*value);
  return shown;
}

std::string maskedLine(std::string_view line) {
  // By the name alone: a credential's line is masked even when its value is malformed.
  std::string_view rest = trimmed(line);
  if (rest.starts_with('#')) rest.remove_prefix(1);
  const catalogue::ParameterSpec* spec = catalogue::findParameter(takeName(rest));
  if (spec == nullptr || !spec->secret) return std::string(line);
  return "#" + std::string(spec->name) + ": " + std::string(catalogue::kMask);
}

Bytes maskedAnswer(std::span<const std::string> lines) {
  std::string text;
  for (const std::string& line : lines) text += maskedLine(line) + "\r\n";
  return toBytes(text);
}

}  // namespace atsharp::detail
