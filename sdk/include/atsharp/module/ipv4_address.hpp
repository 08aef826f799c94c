#pragma once
/// @file
/// An IPv4 address, the value of PPPMYIP, PPPPEERIP, DNSSERV1 and DNSSERV2 (spec 2.1.14,
/// 2.1.15, 3.1.17, 3.1.18: "32-bit number in dotted-decimal notation") and of the addresses
/// AT#DISPLAYIP shows (2.3). Made of four octets, it cannot hold a malformed address.

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atsharp {

class Ipv4Address {
 public:
  /// 0.0.0.0, the spec's default of every address parameter ("no address").
  constexpr Ipv4Address() = default;
  constexpr Ipv4Address(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
      : octets_{a, b, c, d} {}

  /// The address written in dotted decimal (xxx.xxx.xxx.xxx, each octet 1 to 3 digits, as the
  /// catalogue's isDottedQuad reads it); nothing for anything else.
  static std::optional<Ipv4Address> parse(std::string_view text);

  /// Dotted decimal without leading zeros: "10.0.0.1".
  std::string toString() const;
  constexpr const std::array<std::uint8_t, 4>& octets() const noexcept { return octets_; }
  /// True for 0.0.0.0.
  constexpr bool isUnspecified() const noexcept { return *this == Ipv4Address(); }

  constexpr auto operator<=>(const Ipv4Address&) const = default;

 private:
  std::array<std::uint8_t, 4> octets_{};
};

}  // namespace atsharp
