// Name and code look-ups over the catalogue tables.

#include <algorithm>
#include <cctype>

#include "atsharp/catalogue/commands.hpp"
#include "atsharp/catalogue/errors.hpp"
#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/catalogue/results.hpp"

namespace atsharp::catalogue {
namespace {

// Command and parameter names are case-insensitive (appendix A writes AT#PPPmode, AT#otcp).
bool equalsIgnoringCase(std::string_view a, std::string_view b) noexcept {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
  });
}

template <typename Table>
auto findByName(const Table& table, std::string_view name) noexcept -> decltype(&table[0]) {
  const auto it = std::ranges::find_if(
      table, [&](const auto& entry) { return equalsIgnoringCase(entry.name, name); });
  return it == table.end() ? nullptr : &*it;
}

}  // namespace

const ParameterSpec* findParameter(std::string_view name) noexcept {
  return findByName(kParameters, name);
}

const CommandSpec* findCommand(std::string_view name) noexcept {
  return findByName(kCommands, name);
}

std::optional<Param> inCombination(Param anyMember, int combination) noexcept {
  const ParameterSpec& member = spec(anyMember);
  if (member.combination == 0 || combination < kFirstCombination ||
      combination > kLastCombination) {
    return std::nullopt;
  }
  // The combinations are declared as three blocks of the same four parameters.
  constexpr int kBlock = static_cast<int>(Param::Body2) - static_cast<int>(Param::Body1);
  const int offset = (combination - member.combination) * kBlock;
  return static_cast<Param>(static_cast<int>(anyMember) + offset);
}

std::optional<Result> findVerboseResult(std::string_view line) noexcept {
  const auto it = std::ranges::find(kResults, line, &ResultSpec::verbose);
  if (it != kResults.end()) return it->id;
  // 4.3.2 (AT#FTPPUT) spells it without "Info"; 9.1 and every other table use the full name.
  if (line == "Ok_WaitingForData") return Result::WaitingForData;
  return std::nullopt;
}

std::optional<Result> findNumericResult(int code) noexcept {
  if (code < 0) return std::nullopt;
  const auto it = std::ranges::find(kResults, code, &ResultSpec::numeric);
  if (it == kResults.end()) return std::nullopt;
  return it->id;
}

const ErrorSpec* findError(int code) noexcept {
  if (code == value(CmeError::NotAllowedByEmbeddedApplication)) {
    return &kNotAllowedByEmbeddedApplication;
  }
  const auto it = std::ranges::find(kErrors, static_cast<CmeError>(code), &ErrorSpec::code);
  return it == kErrors.end() ? nullptr : &*it;
}

}  // namespace atsharp::catalogue
