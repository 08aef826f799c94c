// Masking the value of a secret parameter in a command line.

#include "atsharp/catalogue/credentials.hpp"

#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::catalogue {
namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (lower(text[i]) != lower(prefix[i])) return false;
  }
  return true;
}

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Where a secret parameter's value stands in a command line: [begin, end).
struct ValueSpan {
  std::size_t begin;
  std::size_t end;
};

// The end of the command that starts at @p from: the next ';' outside quotes, or the line's end.
std::size_t commandEnd(std::string_view line, std::size_t from) {
  bool quoted = false;
  for (std::size_t i = from; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ';' && !quoted) return i;
  }
  return line.size();
}

// The values set by the `#NAME=value` commands of @p line that name a secret parameter. A line
// may hold several commands (V.250: `AT#FTPUN="u";#FTPPW="p"`): each one counts.
std::vector<ValueSpan> secretValues(std::string_view line) {
  std::vector<ValueSpan> spans;
  std::size_t at = 0;
  while (at < line.size() && isSpace(line[at])) ++at;
  if (!startsWithNoCase(line.substr(at), "AT")) return spans;
  at += 2;
  while (at < line.size()) {
    const std::size_t end = commandEnd(line, at);
    std::size_t i = at;
    while (i < end && isSpace(line[i])) ++i;
    if (i < end && line[i] == '#') {
      const std::size_t nameStart = ++i;
      while (i < end && isNameChar(line[i])) ++i;
      const ParameterSpec* spec = findParameter(line.substr(nameStart, i - nameStart));
      while (i < end && isSpace(line[i])) ++i;
      if (spec != nullptr && spec->secret && i < end && line[i] == '=') spans.push_back({i + 1, end});
    }
    at = end + 1;
  }
  return spans;
}

}  // namespace

std::string maskCredentials(std::string_view commandLine) {
  std::string out;
  std::size_t copied = 0;
  for (const ValueSpan& span : secretValues(commandLine)) {
    out += commandLine.substr(copied, span.begin - copied);
    out += kMask;
    copied = span.end;
  }
  out += commandLine.substr(copied);
  return out;
}

std::vector<std::string> credentialValues(std::string_view commandLine) {
  std::vector<std::string> values;
  for (const ValueSpan& span : secretValues(commandLine)) {
    std::string_view value = commandLine.substr(span.begin, span.end - span.begin);
    while (!value.empty() && (isSpace(value.front()) || value.front() == '"')) value.remove_prefix(1);
    while (!value.empty() && (isSpace(value.back()) || value.back() == '"' ||
                              value.back() == '\r' || value.back() == '\n')) {
      value.remove_suffix(1);
    }
    if (!value.empty()) values.emplace_back(value);
  }
  return values;
}

}  // namespace atsharp::catalogue
