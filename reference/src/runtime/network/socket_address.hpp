#pragma once
// The module's addresses are dotted-decimal IPv4 text; the sockets want Asio's addresses.

#include <boost/asio/ip/address_v4.hpp>
#include <optional>
#include <string>

namespace atsharp::reference {

/// @p text as an IPv4 address; nothing when it is not a dotted quad.
std::optional<boost::asio::ip::address_v4> parseIpv4(const std::string& text);

/// @p text as an address to bind to: "" is any address.
std::optional<boost::asio::ip::address_v4> parseLocalIpv4(const std::string& text);

}  // namespace atsharp::reference
