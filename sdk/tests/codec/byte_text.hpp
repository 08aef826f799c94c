#pragma once
// Bytes as hex text, so that the codec tests state exact bytes readably ("10 03 41") and a
// failed check on Bytes shows the bytes instead of doctest's "{?}".

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <string>

#include "atsharp/bytes.hpp"

namespace atsharp::test {

/// "10 03 41": each byte as two hex digits, space-separated; at most @p limit bytes, then "...".
inline std::string hex(ByteView bytes, std::size_t limit = 4096) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
    if (i > 0) text += ' ';
    text += kDigits[bytes[i] >> 4];
    text += kDigits[bytes[i] & 0xF];
  }
  if (bytes.size() > limit) text += " ...";
  return text;
}

/// Empty when @p actual and @p expected are equal, else where they first differ, with the bytes
/// around that place on both sides: for long payloads, which a failed == would show cut short.
inline std::string difference(ByteView actual, ByteView expected) {
  const auto [a, e] = std::ranges::mismatch(actual, expected);
  if (a == actual.end() && e == expected.end()) return {};
  const auto at = static_cast<std::size_t>(a - actual.begin());
  const std::size_t from = at > 8 ? at - 8 : 0;
  const auto window = [from](ByteView bytes) {
    return hex(bytes.subspan(std::min(from, bytes.size())), 24);
  };
  return "sizes " + std::to_string(actual.size()) + " and " + std::to_string(expected.size()) +
         ", first difference at " + std::to_string(at) + "; from " + std::to_string(from) +
         ": " + window(actual) + " | expected: " + window(expected);
}

}  // namespace atsharp::test

template <>
struct doctest::StringMaker<atsharp::Bytes> {
  static doctest::String convert(const atsharp::Bytes& bytes) {
    // Long payloads are cut: the size and the start are enough to find the rest with a debugger.
    const std::string text =
        std::to_string(bytes.size()) + " bytes: " + atsharp::test::hex(bytes, 48);
    return text.c_str();
  }
};
