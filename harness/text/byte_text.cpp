#include "text/byte_text.hpp"

namespace atsharp::harness {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void appendHex(std::string& out, Byte byte) {
  out += kHexDigits[byte >> 4];
  out += kHexDigits[byte & 0x0f];
}

}  // namespace

std::string escapeBytes(ByteView bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (const Byte byte : bytes) {
    switch (byte) {
      case '\\': out += "\\\\"; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte >= 0x20 && byte < 0x7f) {
          out += static_cast<char>(byte);
        } else {
          out += "\\x";
          appendHex(out, byte);
        }
    }
  }
  return out;
}

namespace {

bool isValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3
                                                                : (lead >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

std::string readableText(std::string_view text) {
  if (!isValidUtf8(text)) return escapeBytes(asBytes(text));
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\n' && c != '\t') {
      out += escapeBytes(ByteView(&byte, 1));
    } else if (byte == 0x7f) {
      out += "\\x7f";
    } else {
      out += c;
    }
  }
  return out;
}

std::string hexBytes(ByteView bytes) {
  std::string out;
  out.reserve(bytes.size() * 3);
  for (const Byte byte : bytes) {
    if (!out.empty()) out += ' ';
    appendHex(out, byte);
  }
  return out;
}

}  // namespace atsharp::harness
