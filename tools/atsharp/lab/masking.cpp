#include "masking.hpp"

#include <cctype>

#include "atsharp/catalogue/credentials.hpp"
#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::cli::lab {
namespace {

bool isNameCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// An answer line shows a value as `#NAME: value`, `#NAME = value`, `#NAME : value` or
// `NAME=value` (docs/spec-decisions.md #7): the name, blanks, then ':' or '='.
std::string maskedAnswerLine(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && line[at] == ' ') ++at;
  if (at < line.size() && line[at] == '#') ++at;
  const std::size_t nameStart = at;
  while (at < line.size() && isNameCharacter(line[at])) ++at;
  const catalogue::ParameterSpec* spec =
      catalogue::findParameter(line.substr(nameStart, at - nameStart));
  if (spec == nullptr || !spec->secret) return std::string(line);
  while (at < line.size() && line[at] == ' ') ++at;
  if (at >= line.size() || (line[at] != ':' && line[at] != '=')) return std::string(line);
  // The separator and the blanks after it stay; the value goes.
  ++at;
  while (at < line.size() && line[at] == ' ') ++at;
  return std::string(line.substr(0, at)) + std::string(catalogue::kMask);
}

}  // namespace

std::string maskedLine(std::string_view line) {
  std::string masked = catalogue::maskCredentials(line);
  if (masked != line) return masked;
  return maskedAnswerLine(line);
}

}  // namespace atsharp::cli::lab
