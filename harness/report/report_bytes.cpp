#include "report/report_bytes.hpp"

#include <array>

namespace atsharp::harness {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The names of ASCII's control characters; the spec writes <CR>, <LF>, <DLE> and <ETX> so.
constexpr std::array<const char*, 32> kControlNames{
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "TAB", "LF",
    "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
    "SUB", "SYN", "ETB", "CAN", "EM",  "ESC", "FS",  "GS",  "RS",  "US"};

std::string markedByte(Byte byte) {
  if (byte < kControlNames.size()) return std::string("<") + kControlNames[byte] + ">";
  if (byte == 0x7f) return "<DEL>";
  constexpr char kDigits[] = "0123456789abcdef";
  return std::string("<") + kDigits[byte >> 4] + kDigits[byte & 0x0f] + ">";
}

}  // namespace

Bytes bytesFromHex(std::string_view hex) {
  Bytes out;
  out.reserve(hex.size() / 3 + 1);
  for (std::size_t i = 0; i + 1 < hex.size();) {
    const int high = hexValue(hex[i]);
    const int low = hexValue(hex[i + 1]);
    if (high < 0 || low < 0) {
      ++i;
      continue;
    }
    out.push_back(static_cast<Byte>(high * 16 + low));
    i += 2;
  }
  return out;
}

Bytes bytesFromEscaped(std::string_view text) {
  Bytes out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\\' || i + 1 == text.size()) {
      out.push_back(static_cast<Byte>(c));
      continue;
    }
    const char next = text[i + 1];
    if (next == '\\' || next == 'r' || next == 'n' || next == 't') {
      out.push_back(next == 'r' ? '\r' : next == 'n' ? '\n' : next == 't' ? '\t' : '\\');
      ++i;
    } else if (next == 'x' && i + 3 < text.size() && hexValue(text[i + 2]) >= 0 &&
               hexValue(text[i + 3]) >= 0) {
      out.push_back(static_cast<Byte>(hexValue(text[i + 2]) * 16 + hexValue(text[i + 3])));
      i += 3;
    } else {
      out.push_back('\\');
    }
  }
  return out;
}

std::vector<ShownPiece> showBytes(ByteView bytes, bool markAngle) {
  std::vector<ShownPiece> pieces;
  for (const Byte byte : bytes) {
    const bool printable = byte >= 0x20 && byte < 0x7f && !(markAngle && byte == '<');
    if (printable) {
      if (pieces.empty() || pieces.back().marked) pieces.push_back({"", false});
      pieces.back().text += static_cast<char>(byte);
    } else {
      pieces.push_back({markedByte(byte), true});
    }
  }
  return pieces;
}

std::string shownText(ByteView bytes) {
  std::string out;
  for (const ShownPiece& piece : showBytes(bytes, true)) out += piece.text;
  return out;
}

}  // namespace atsharp::harness
