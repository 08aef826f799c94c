#pragma once
// The values of the 67 parameters, as the module holds them: text, as displayed (unquoted).
// TCP parameters hold one value per socket id; RECi and CCRECi hold up to ten addresses,
// joined with commas.

#include <array>
#include <string>
#include <string_view>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/reference/flash_image.hpp"

namespace atsharp::reference {

class ParameterStore {
 public:
  /// All parameters at the spec's defaults.
  ParameterStore();

  /// The value of @p param (of socket @p socket for the TCP parameters, 1 or 2).
  const std::string& value(catalogue::Param param, int socket = 1) const;

  /// Sets a value already checked against the catalogue's legal values.
  void set(catalogue::Param param, std::string value, int socket = 1);

  /// Every parameter back to the spec's default.
  void resetToDefaults();

  /// The values as a flash image ("NAME" or "NAME/socket" keys).
  FlashImage image() const;

  /// Takes the values of @p image; names it does not hold keep their defaults, and values that
  /// are not legal for their parameter (a flash written by another version) are skipped.
  /// Returns how many entries were skipped.
  int load(const FlashImage& image);

 private:
  std::string& slot(catalogue::Param param, int socket);

  // One slot per parameter, and a second one for the socket-2 values of the TCP parameters.
  std::array<std::string, catalogue::kParameterCount> values_;
  std::array<std::string, catalogue::kParameterCount> socket2_;
};

/// The key of a parameter in a flash image: "PPPMODE", or "TCPPORT/2" for a socket value.
std::string flashKey(const catalogue::ParameterSpec& spec, int socket);

}  // namespace atsharp::reference
