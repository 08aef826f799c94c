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

}  // namespace

std::string maskCredentials(std::string_view commandLine) {
  std::string_view rest = commandLine;
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (!startsWithNoCase(rest, "AT#")) return std::string(commandLine);
  rest.remove_prefix(3);
  const std::size_t equals = rest.find('=');
  if (equals == std::string_view::npos) return std::string(commandLine);
  const ParameterSpec* spec = findParameter(rest.substr(0, equals));
  if (spec == nullptr || !spec->secret) return std::string(commandLine);
  const std::size_t valueStart = commandLine.size() - rest.size() + equals + 1;
  return std::string(commandLine.substr(0, valueStart)) + std::string(kMask);
}

}  // namespace atsharp::catalogue
