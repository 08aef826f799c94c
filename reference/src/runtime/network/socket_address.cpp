#include "socket_address.hpp"

namespace atsharp::reference {

std::optional<boost::asio::ip::address_v4> parseIpv4(const std::string& text) {
  boost::system::error_code error;
  const auto address = boost::asio::ip::make_address_v4(text, error);
  if (error) return std::nullopt;  // inet_pton: four decimal parts, nothing shorter
  return address;
}

std::optional<boost::asio::ip::address_v4> parseLocalIpv4(const std::string& text) {
  if (text.empty()) return boost::asio::ip::address_v4::any();
  return parseIpv4(text);
}

}  // namespace atsharp::reference
