#include "payloads.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "random.hpp"

namespace atsharp::test {

Bytes randomPayload(std::size_t size, std::uint64_t stream) {
  auto gen = rng(stream);
  Bytes bytes = randomBytes(gen, size);
  // Every value for sure, at random places: the random part alone could miss one.
  Bytes values(256);
  std::iota(values.begin(), values.end(), Byte{0});
  std::shuffle(values.begin(), values.end(), gen);
  std::copy_n(values.begin(), std::min(size, values.size()), bytes.begin());
  std::shuffle(bytes.begin(), bytes.end(), gen);
  return bytes;
}

std::string harmlessLines(std::size_t size) {
  std::string text;
  char line[64];
  for (int number = 1; text.size() < size; ++number) {
    std::snprintf(line, sizeof line, "line %06d 0123456789 xyz\r\n", number);
    text += line;
  }
  return text;
}

std::string difference(ByteView expected, ByteView actual) {
  const auto [wrong, _] = std::mismatch(expected.begin(), expected.end(), actual.begin(),
                                        actual.end());
  if (wrong == expected.end() && expected.size() == actual.size()) return {};
  const auto at = static_cast<std::size_t>(wrong - expected.begin());
  std::string text = std::to_string(actual.size()) + " bytes where " +
                     std::to_string(expected.size()) + " were expected";
  if (at < expected.size() && at < actual.size()) {
    char detail[96];
    std::snprintf(detail, sizeof detail, "; the first difference at offset %zu: 0x%02X, not 0x%02X",
                  at, actual[at], expected[at]);
    text += detail;
  } else {
    text += "; the same up to the end of the shorter";
  }
  return text;
}

}  // namespace atsharp::test
