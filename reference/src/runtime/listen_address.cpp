#include "listen_address.hpp"

#include <boost/asio/ip/address_v4.hpp>

#include <charconv>

#include "atsharp/error.hpp"

namespace atsharp::reference {
namespace {

[[noreturn]] void refuse(std::string_view text, const std::string& why) {
  throw UsageError("listen address \"" + std::string(text) + "\": " + why);
}

std::uint16_t parsePort(std::string_view text, std::string_view port) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || error != std::errc{} || end != port.data() + port.size() || value > 65535) {
    refuse(text,
           "bad port \"" + std::string(port) + "\" (expected 0 to 65535; 0 picks a free one)");
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

ListenAddress parseListenAddress(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    refuse(text, "expected HOST:PORT, as in 127.0.0.1:2000");
  }
  std::string host(text.substr(0, colon));
  const std::uint16_t port = parsePort(text, text.substr(colon + 1));
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code error;
  const auto address = boost::asio::ip::make_address_v4(host, error);
  if (error || (address.to_uint() >> 24) != 127) {
    refuse(text, "\"" + host +
                     "\" is not a loopback IPv4 address (the module serves 127.0.0.0/8 only: "
                     "its line has no authentication)");
  }
  return {address.to_string(), port};
}

}  // namespace atsharp::reference
