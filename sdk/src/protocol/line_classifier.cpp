// What a line of the module's output is: echo, result, error, progress, unsolicited or
// information. The order of the checks matters where forms overlap: a bare number is a numeric
// result in ATV0 and a dialed number in ATV1.

#include "line_classifier.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "atsharp/catalogue/results.hpp"
#include "atsharp/catalogue/value_rules.hpp"

namespace atsharp::detail {
namespace {

using catalogue::Result;

bool isSpace(char c) noexcept { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view text) noexcept {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char p, char t) {
           return p == std::toupper(static_cast<unsigned char>(t));
         });
}

bool allDigits(std::string_view text) noexcept {
  return !text.empty() &&
         std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

// A command line the module repeats (ATE1) starts with AT, or is A/ (repeat last command).
bool isEcho(std::string_view line) noexcept {
  return startsWithIgnoringCase(line, "AT") || startsWithIgnoringCase(line, "A/");
}

bool isConnect(Result result) noexcept {
  return result >= Result::Connect300 && result <= Result::Connect14400;
}

// A catalogue message as the event the rest of the SDK expects for it.
Event resultEvent(Result result, bool numeric, std::string_view line) {
  if (result == Result::Ring) return UnsolicitedLine{Unsolicited::Ring, std::string{line}};
  if (result == Result::Timeout) return UnsolicitedLine{Unsolicited::Timeout, std::string{line}};
  if (result == Result::Dialing) return ProgressLine{Progress::Dialing, std::string{line}};
  if (result == Result::PppOk) return ProgressLine{Progress::PppOk, std::string{line}};
  if (isConnect(result)) {
    return ProgressLine{Progress::Connect, std::string{catalogue::spec(result).verbose}};
  }
  return ResultLine{result, numeric};
}

// "#CME ERROR: 34817", "+CME ERROR: 600", "+CME ERROR:600" (1.2 writes it without a space).
std::optional<CmeErrorLine> cmeError(std::string_view line) noexcept {
  constexpr std::string_view kMarker = "CME ERROR:";
  if (line.size() < 1 + kMarker.size() || (line[0] != '#' && line[0] != '+') ||
      line.substr(1, kMarker.size()) != kMarker) {
    return std::nullopt;
  }
  const std::optional<int> code = catalogue::parseDecimal(trimmed(line.substr(1 + kMarker.size())));
  if (!code) return std::nullopt;
  return CmeErrorLine{*code, line[0]};
}

std::optional<Event> catalogueMessage(std::string_view line, ResultFormat format) {
  if (format != ResultFormat::Verbose && allDigits(line) && line.size() <= 5) {
    if (const auto result = catalogue::findNumericResult(*catalogue::parseDecimal(line))) {
      return resultEvent(*result, true, line);
    }
  }
  if (const auto result = catalogue::findVerboseResult(line)) {
    return resultEvent(*result, false, line);
  }
  return std::nullopt;
}

std::optional<Unsolicited> unsolicitedKind(std::string_view line) noexcept {
  if (line.starts_with("+CLIP:")) return Unsolicited::Clip;
  if (line.starts_with("+CREG:")) return Unsolicited::Creg;
  if (line.starts_with("+CGREG:")) return Unsolicited::Cgreg;
  return std::nullopt;
}

std::optional<Progress> progressKind(std::string_view line) noexcept {
  // CONNECT with a speed 9.1 does not list (CONNECT <speed> in 2.2.1.2).
  if (line.starts_with("CONNECT ")) return Progress::Connect;
  if (catalogue::isDottedQuad(line)) return Progress::IpAddress;
  const std::string_view digits = line.starts_with('+') ? line.substr(1) : line;
  if (allDigits(digits)) return Progress::DialedNumber;
  return std::nullopt;
}

}  // namespace

std::optional<Event> classifyLine(std::string_view rawLine, ResultFormat format) {
  const std::string_view line = trimmed(rawLine);
  if (line.empty()) return std::nullopt;
  if (isEcho(line)) return EchoLine{std::string{line}};
  if (auto error = cmeError(line)) return *error;
  if (auto message = catalogueMessage(line, format)) return *std::move(message);
  if (auto kind = unsolicitedKind(line)) return UnsolicitedLine{*kind, std::string{line}};
  if (auto kind = progressKind(line)) return ProgressLine{*kind, std::string{line}};
  return InformationLine{std::string{line}};
}

}  // namespace atsharp::detail
