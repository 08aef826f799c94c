#include "text/latin1_text.hpp"

namespace atsharp::harness {

std::optional<std::string> latin1FromUtf8(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead < 0x80) {
      out += static_cast<char>(lead);
      continue;
    }
    // Only two-byte sequences encode U+0080..U+07FF; of those, U+0080..U+00FF have a lead byte
    // of 0xc2 or 0xc3.
    if ((lead != 0xc2 && lead != 0xc3) || i + 1 >= utf8.size()) return std::nullopt;
    const auto next = static_cast<unsigned char>(utf8[i + 1]);
    if ((next & 0xc0) != 0x80) return std::nullopt;
    out += static_cast<char>(((lead & 0x1f) << 6) | (next & 0x3f));
    ++i;
  }
  return out;
}

}  // namespace atsharp::harness
