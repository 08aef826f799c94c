// Legal values of the parameters (spec 2.1 to 7.1).

#include "atsharp/catalogue/value_rules.hpp"

#include <algorithm>
#include <string>

namespace atsharp::catalogue {
namespace {

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view text) noexcept {
  return !text.empty() && std::ranges::all_of(text, isDigit);
}

// "Alphanumeric ASCII text": printable ASCII. A double quote is refused because every display
// command shows string values between double quotes, where it could not be told from the end.
bool isTextCharacter(char c) noexcept { return c >= 0x20 && c <= 0x7E && c != '"'; }

// RECi and CCRECi keep up to ten addresses, shown joined with commas: an address has none.
bool isAddressCharacter(char c) noexcept { return isTextCharacter(c) && c != ','; }

// A mail body is entered over several lines (3.1.7), so it may hold CR and LF as well.
bool isBodyCharacter(char c) noexcept { return isTextCharacter(c) || c == '\r' || c == '\n'; }

bool isHostNameCharacter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' ||
         c == '.' || c == '_';
}

std::optional<Illegal> illegal(const ParameterSpec& spec, std::string_view value,
                               std::string_view why) {
  std::string reason{spec.name};
  reason += " \"";
  reason += value;
  reason += "\": ";
  reason += why;
  return Illegal{std::move(reason)};
}

std::optional<Illegal> checkLength(const ParameterSpec& spec, std::string_view value) {
  if (value.size() <= spec.maxLength) return std::nullopt;
  return illegal(spec, value, describeLegalValues(spec) + " (this one has " +
                                  std::to_string(value.size()) + " characters)");
}

std::optional<Illegal> checkCharacters(const ParameterSpec& spec, std::string_view value,
                                       bool (*allowed)(char) noexcept) {
  if (auto tooLong = checkLength(spec, value)) return tooLong;
  if (std::ranges::all_of(value, allowed)) return std::nullopt;
  return illegal(spec, value, describeLegalValues(spec));
}

std::optional<Illegal> checkInteger(const ParameterSpec& spec, std::string_view value) {
  const std::optional<int> number = parseDecimal(value);
  if (!number || *number < spec.min || *number > spec.max || *number % spec.step != 0) {
    return illegal(spec, value, "must be " + describeLegalValues(spec));
  }
  return std::nullopt;
}

std::optional<Illegal> checkPort(const ParameterSpec& spec, std::string_view value) {
  // "From 1 to 5 digits"; "numbers above 65,535 are illegal"; "Port number 0 is illegal".
  if (value.size() > 5) return illegal(spec, value, "must be " + describeLegalValues(spec));
  return checkInteger(spec, value);
}

std::optional<Illegal> checkChoice(const ParameterSpec& spec, std::string_view value) {
  if (std::ranges::find(spec.choices, value, &Choice::token) != spec.choices.end()) {
    return std::nullopt;
  }
  return illegal(spec, value, "must be " + describeLegalValues(spec));
}

std::optional<Illegal> checkPhoneNumber(const ParameterSpec& spec, std::string_view value) {
  if (auto tooLong = checkLength(spec, value)) return tooLong;
  const std::string_view digits = value.starts_with('+') ? value.substr(1) : value;
  if (value.empty() || allDigits(digits)) return std::nullopt;
  return illegal(spec, value, "must be " + describeLegalValues(spec));
}

// 2.1.3 lists 0, * and a number (or text): the empty string is none of them, and unlike the
// text parameters CALLSCREENNUM has a default ("0") that an empty value would not restore.
std::optional<Illegal> checkCallScreen(const ParameterSpec& spec, std::string_view value) {
  if (value.empty()) return illegal(spec, value, "must be " + describeLegalValues(spec));
  return checkCharacters(spec, value, isTextCharacter);
}

std::optional<Illegal> checkIpv4(const ParameterSpec& spec, std::string_view value) {
  if (isDottedQuad(value)) return std::nullopt;
  return illegal(spec, value, "must be " + describeLegalValues(spec));
}

std::optional<Illegal> checkHost(const ParameterSpec& spec, std::string_view value) {
  if (auto tooLong = checkLength(spec, value)) return tooLong;
  // Digits and dots only is meant as an address, and must then be a well-formed one.
  const bool looksNumeric =
      std::ranges::all_of(value, [](char c) { return isDigit(c) || c == '.'; });
  if (value.empty() || (looksNumeric ? isDottedQuad(value)
                                     : std::ranges::all_of(value, isHostNameCharacter))) {
    return std::nullopt;
  }
  return illegal(spec, value, "must be " + describeLegalValues(spec));
}

}  // namespace

std::optional<int> parseDecimal(std::string_view text) noexcept {
  if (!allDigits(text) || text.size() > 9) return std::nullopt;
  int number = 0;
  for (char c : text) number = number * 10 + (c - '0');
  return number;
}

bool isDottedQuad(std::string_view text) noexcept {
  for (int octet = 0; octet < 4; ++octet) {
    const std::size_t dot = text.find('.');
    const bool last = octet == 3;
    if (last != (dot == std::string_view::npos)) return false;
    const std::string_view digits = text.substr(0, dot);
    const std::optional<int> number = digits.size() <= 3 ? parseDecimal(digits) : std::nullopt;
    if (!number || *number > 255) return false;
    if (!last) text.remove_prefix(dot + 1);
  }
  return true;
}

std::optional<Illegal> checkValue(const ParameterSpec& spec, std::string_view value) {
  switch (spec.kind) {
    case ValueKind::Integer: return checkInteger(spec, value);
    case ValueKind::Choice: return checkChoice(spec, value);
    case ValueKind::Port: return checkPort(spec, value);
    case ValueKind::Text: return checkCharacters(spec, value, isTextCharacter);
    case ValueKind::CallScreen: return checkCallScreen(spec, value);
    case ValueKind::AddressList: return checkCharacters(spec, value, isAddressCharacter);
    case ValueKind::Body: return checkCharacters(spec, value, isBodyCharacter);
    case ValueKind::PhoneNumber: return checkPhoneNumber(spec, value);
    case ValueKind::Ipv4: return checkIpv4(spec, value);
    case ValueKind::Host: return checkHost(spec, value);
  }
  return illegal(spec, value, "has an unknown kind of value");
}

std::string describeLegalValues(const ParameterSpec& spec) {
  const std::string max = std::to_string(spec.maxLength);
  switch (spec.kind) {
    case ValueKind::Integer: {
      std::string words = spec.step > 1 ? "a multiple of " + std::to_string(spec.step) + " "
                                        : std::string{"an integer "};
      return words + "from " + std::to_string(spec.min) + " to " + std::to_string(spec.max);
    }
    case ValueKind::Port: return "a port number from 1 to 65535";
    case ValueKind::Choice: {
      std::string words;
      for (std::size_t i = 0; i < spec.choices.size(); ++i) {
        if (i > 0) words += i + 1 == spec.choices.size() ? " or " : ", ";
        words += spec.choices[i].token;
      }
      return words;
    }
    case ValueKind::Text: return "ASCII text of at most " + max + " characters, without '\"'";
    case ValueKind::AddressList:
      return "an e-mail address of at most " + max + " characters, without '\"' or ','";
    case ValueKind::Body: return "text of at most " + max + " characters, without '\"'";
    case ValueKind::CallScreen:
      return "0 (nobody), * (everybody) or a number of at most " + max + " characters";
    case ValueKind::PhoneNumber:
      return "a phone number (digits, an optional leading +) of at most " + max + " characters";
    case ValueKind::Ipv4: return "a dotted-decimal IPv4 address (xxx.xxx.xxx.xxx)";
    case ValueKind::Host:
      return "a dotted-decimal IPv4 address or a host name of at most " + max + " characters";
  }
  return "unknown";
}

}  // namespace atsharp::catalogue
