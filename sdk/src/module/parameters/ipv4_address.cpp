// An IPv4 address in dotted decimal.

#include "atsharp/module/ipv4_address.hpp"

#include "atsharp/catalogue/value_rules.hpp"

namespace atsharp {

std::optional<Ipv4Address> Ipv4Address::parse(std::string_view text) {
  // The catalogue decides what a well-formed address is; this only takes it apart.
  if (!catalogue::isDottedQuad(text)) return std::nullopt;
  Ipv4Address address;
  for (std::uint8_t& octet : address.octets_) {
    const std::size_t dot = text.find('.');
    octet = static_cast<std::uint8_t>(*catalogue::parseDecimal(text.substr(0, dot)));
    text.remove_prefix(dot == std::string_view::npos ? text.size() : dot + 1);
  }
  return address;
}

std::string Ipv4Address::toString() const {
  std::string text;
  for (std::uint8_t octet : octets_) {
    if (!text.empty()) text += '.';
    text += std::to_string(octet);
  }
  return text;
}

}  // namespace atsharp
