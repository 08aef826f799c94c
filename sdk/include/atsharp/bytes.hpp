#pragma once
/// @file
/// The byte vocabulary shared by every layer: what goes over the serial line is bytes, not text,
/// because data mode carries all 256 values.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atsharp {

using Byte = std::uint8_t;
/// A read-only window on bytes owned by someone else.
using ByteView = std::span<const Byte>;
/// Bytes owned by the holder.
using Bytes = std::vector<Byte>;

/// The bytes of a string, without copying.
inline ByteView asBytes(std::string_view text) noexcept {
  return {reinterpret_cast<const Byte*>(text.data()), text.size()};
}

/// The bytes as a string (for lines and diagnostics), copying.
inline std::string asString(ByteView bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

/// Bytes from a string, copying.
inline Bytes toBytes(std::string_view text) {
  const ByteView view = asBytes(text);
  return {view.begin(), view.end()};
}

}  // namespace atsharp
