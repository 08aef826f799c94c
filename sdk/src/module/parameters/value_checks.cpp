// The checks behind every value type and Module::setText.

#include "value_checks.hpp"

#include "atsharp/catalogue/credentials.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/values.hpp"

namespace atsharp::detail {
namespace {

using catalogue::ParameterSpec;

// A mail combination's parameters share their rules; a value made without knowing which one it
// is for is named as the spec names the family (3.1.5: "RECi").
std::string familyName(const ParameterSpec& spec) {
  std::string name(spec.name);
  if (spec.combination != 0) name.back() = 'i';
  return name;
}

// The catalogue's reason reads `NAME "value": why`; the why is kept, the rest written again with
// the name and the value the message may show.
std::string reasonWhy(const ParameterSpec& spec, std::string_view value,
                      const std::string& reason) {
  const std::string prefix = std::string(spec.name) + " \"" + std::string(value) + "\": ";
  if (reason.starts_with(prefix)) return reason.substr(prefix.size());
  return "must be " + catalogue::describeLegalValues(spec);
}

[[noreturn]] void throwIllegal(const ParameterSpec& spec, std::string_view name,
                               std::string_view value, const std::string& why) {
  const std::string shown = shownInMessages(spec, value);
  throw IllegalValueError(std::string(name), shown,
                          std::string(name) + " \"" + shown + "\": " + why);
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string shownInMessages(const ParameterSpec& spec, std::string_view value) {
  return spec.secret ? std::string(catalogue::kMask) : std::string(value);
}

void refuseIllegal(const ParameterSpec& spec, std::string_view name, std::string_view value) {
  if (const auto illegal = catalogue::checkValue(spec, value)) {
    throwIllegal(spec, name, value, reasonWhy(spec, value, illegal->reason));
  }
}

std::vector<std::string> checkedAddressList(const ParameterSpec& spec, std::string_view name,
                                            std::vector<std::string> addresses) {
  std::vector<std::string> kept;
  for (const std::string& address : addresses) {
    const std::string_view bare = trimmed(address);
    if (!bare.empty()) kept.emplace_back(bare);
  }
  if (kept.size() > catalogue::kMaxAddresses) {
    std::string joined;
    for (const std::string& address : kept) joined += (joined.empty() ? "" : ",") + address;
    throwIllegal(spec, name, joined,
                 "holds at most " + std::to_string(catalogue::kMaxAddresses) +
                     " addresses (this list has " + std::to_string(kept.size()) + ")");
  }
  for (const std::string& address : kept) refuseIllegal(spec, name, address);
  return kept;
}

std::string normalisedBody(std::string_view text) {
  std::string body;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      body += "\r\n";
    } else {
      body += text[i];
    }
  }
  if (body.ends_with("\r\n")) body.resize(body.size() - 2);
  return body;
}

void requireLegal(catalogue::Param key, std::string_view text) {
  const ParameterSpec& spec = catalogue::spec(key);
  refuseIllegal(spec, familyName(spec), text);
}

bool isLegal(catalogue::Param key, std::string_view text) noexcept {
  try {
    return !catalogue::checkValue(catalogue::spec(key), text);
  } catch (...) {
    return false;  // only an allocation of the reason can fail: not legal then, to be safe
  }
}

int defaultNumber(catalogue::Param parameter) noexcept {
  return catalogue::parseDecimal(catalogue::spec(parameter).defaultValue).value_or(0);
}

std::vector<std::string> checkedAddresses(catalogue::Param key,
                                          std::vector<std::string> addresses) {
  const ParameterSpec& spec = catalogue::spec(key);
  return checkedAddressList(spec, familyName(spec), std::move(addresses));
}

std::vector<std::string> splitAddresses(std::string_view text) {
  std::vector<std::string> addresses;
  if (trimmed(text).empty()) return addresses;
  for (;;) {
    const std::size_t comma = text.find(',');
    addresses.emplace_back(trimmed(text.substr(0, comma)));
    if (comma == std::string_view::npos) return addresses;
    text.remove_prefix(comma + 1);
  }
}

std::string checkedBody(catalogue::Param key, std::string_view text) {
  std::string body = normalisedBody(text);
  requireLegal(key, body);
  return body;
}

}  // namespace atsharp::detail
