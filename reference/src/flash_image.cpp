// The flash file's format: JSON with a format tag, the values, and a checksum over the values,
// so that a file cut short or altered by hand is recognised rather than half-loaded.

#include "atsharp/reference/flash_image.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>

namespace atsharp::reference {
namespace {

constexpr std::string_view kFormat = "atsharp-flash-1";

// FNV-1a over the values' canonical JSON text (keys sorted, as std::map keeps them).
std::string checksum(const nlohmann::json& values) {
  std::uint64_t hash = 0xcbf29ce484222325u;
  for (char c : values.dump()) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3u;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace

std::string encodeFlashFile(const FlashImage& image) {
  const nlohmann::json values(image);
  const nlohmann::json file{
      {"format", kFormat}, {"values", values}, {"checksum", checksum(values)}};
  return file.dump(2) + "\n";
}

std::variant<FlashImage, FlashDamage> decodeFlashFile(std::string_view text) {
  const nlohmann::json file = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (file.is_discarded()) return FlashDamage{"not valid JSON"};
  if (!file.is_object() || !file.contains("format") || file["format"] != kFormat) {
    return FlashDamage{"not an atsharp flash file (format tag missing or unknown)"};
  }
  if (!file.contains("values") || !file["values"].is_object()) {
    return FlashDamage{"no values"};
  }
  const nlohmann::json& values = file["values"];
  if (!file.contains("checksum") || file["checksum"] != checksum(values)) {
    return FlashDamage{"checksum mismatch"};
  }
  FlashImage image;
  for (const auto& [key, value] : values.items()) {
    if (!value.is_string()) return FlashDamage{"value of " + key + " is not text"};
    image[key] = value.get<std::string>();
  }
  return image;
}

}  // namespace atsharp::reference
