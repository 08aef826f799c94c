#pragma once
/// @file
/// What the module's parameter flash holds: every parameter value, as text.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace atsharp::reference {

/// The saved parameter values, keyed by parameter name ("PPPMODE"), or name and socket id for
/// the TCP parameters ("TCPPORT/2"). A value is the text the module shows for it, unquoted.
using FlashImage = std::map<std::string, std::string>;

/// The image as the text of a flash file: JSON with a format tag and a checksum over the values,
/// so that a truncated or altered file is told from a good one.
std::string encodeFlashFile(const FlashImage& image);

/// Why a flash file's text could not be read back.
struct FlashDamage {
  std::string reason;
};

/// The image a flash file's text holds, or why it is damaged (not JSON, wrong format tag,
/// checksum mismatch, values that are not text). Never throws for any input.
std::variant<FlashImage, FlashDamage> decodeFlashFile(std::string_view text);

}  // namespace atsharp::reference
