// Sample values from the catalogue.

#include "sample_values.hpp"

#include <algorithm>

#include "atsharp/catalogue/value_rules.hpp"

namespace atsharp::test {
namespace {

using catalogue::ParameterSpec;
using catalogue::ValueKind;

// The first candidate that is legal and not the default, skipping @p variant of them.
std::string pick(const ParameterSpec& spec, const std::vector<std::string>& candidates,
                 int variant) {
  std::vector<std::string> usable;
  for (const std::string& candidate : candidates) {
    if (candidate != spec.defaultValue && !catalogue::checkValue(spec, candidate)) {
      usable.push_back(candidate);
    }
  }
  return usable.at(static_cast<std::size_t>(variant) % usable.size());
}

// Printable ASCII but the double quote, starting at a letter: commas, semicolons, '#', ':',
// '=' and spaces inside a value must all survive the trip.
std::string printableText(std::size_t length, int variant) {
  std::string text;
  char c = static_cast<char>('A' + variant);
  while (text.size() < length) {
    text += c;
    c = c == '~' ? ' ' : static_cast<char>(c + 1);
    if (c == '"') ++c;
  }
  return text;
}

std::string hostName(std::size_t length, int variant) {
  std::string name = "host-" + std::to_string(variant);
  while (name.size() + std::string_view(".sub_domain.example").size() <= length) {
    name += ".sub_domain";
  }
  return name + ".example";
}

std::string addressList(int variant) {
  if (variant == 1) return "only@example.com";
  std::string joined;
  for (std::size_t i = 0; i < catalogue::kMaxAddresses; ++i) {
    joined += (i == 0 ? "" : ",") + std::string("user") + std::to_string(i) + "@example.com";
  }
  return joined;
}

std::string number(int value) { return std::to_string(value); }

}  // namespace

std::string legalSample(const ParameterSpec& spec, int variant) {
  switch (spec.kind) {
    case ValueKind::Integer:
      return pick(spec, {number(spec.max), number(spec.min), number(spec.min + spec.step),
                         number(spec.max - spec.step)},
                  variant);
    case ValueKind::Choice: {
      std::vector<std::string> tokens;
      for (const catalogue::Choice& choice : spec.choices) tokens.emplace_back(choice.token);
      std::ranges::reverse(tokens);
      return pick(spec, tokens, variant);
    }
    case ValueKind::Port: return pick(spec, {"65535", "1", "8080"}, variant);
    case ValueKind::Text: return printableText(spec.maxLength, variant);
    case ValueKind::PhoneNumber:
      return "+33" + std::string(spec.maxLength - 3, static_cast<char>('1' + variant));
    case ValueKind::CallScreen: return variant == 0 ? "+33612345678" : "*";
    case ValueKind::Ipv4: return variant == 0 ? "10.20.30.40" : "192.168.1.254";
    case ValueKind::Host: return variant == 0 ? hostName(spec.maxLength, 0) : "192.0.2.7";
    case ValueKind::AddressList: return addressList(variant);
    case ValueKind::Body:
      return variant == 0 ? "First line\r\nSecond line: 1,2;3 = #ok\r\n\r\nafter an empty line"
                          : "one line";
  }
  return {};
}

std::string illegalSample(const ParameterSpec& spec) {
  switch (spec.kind) {
    case ValueKind::Integer:
      return spec.step > 1 ? number(spec.min + spec.step / 2) : number(spec.max + 1);
    case ValueKind::Choice: return "7";
    case ValueKind::Port: return "65536";
    case ValueKind::Text: return printableText(spec.maxLength + 1, 0);
    case ValueKind::PhoneNumber: return "06 12 34";
    case ValueKind::CallScreen: return std::string(spec.maxLength + 1, '5');
    case ValueKind::Ipv4: return "1.2.3";  // A.5.1's placeholder
    case ValueKind::Host: return "bad host!";
    case ValueKind::AddressList: return "a@example.com,quo\"te@example.com";
    case ValueKind::Body: return std::string(spec.maxLength + 1, 'b');
  }
  return {};
}

std::vector<std::pair<catalogue::Param, std::optional<SocketId>>> everyValue() {
  std::vector<std::pair<catalogue::Param, std::optional<SocketId>>> values;
  for (const ParameterSpec& spec : catalogue::kParameters) {
    if (spec.indexing == catalogue::Indexing::SocketId) {
      values.emplace_back(spec.id, SocketId(1));
      values.emplace_back(spec.id, SocketId(2));
    } else {
      values.emplace_back(spec.id, std::nullopt);
    }
  }
  return values;
}

std::string sampleFor(catalogue::Param parameter, std::optional<SocketId> id) {
  return legalSample(catalogue::spec(parameter), id && id->value() == 2 ? 1 : 0);
}

}  // namespace atsharp::test
