#include "atsharp/codec/dle_encoder.hpp"

#include <algorithm>
#include <cassert>

#include "atsharp/codec/control_characters.hpp"
#include "dle_scan.hpp"

namespace atsharp {

namespace detail {

template <class Scan>
std::size_t encodeWith(ByteView payload, std::span<Byte> out) noexcept {
  assert(out.size() >= DleEncoder::maxEncodedSize(payload.size()));
  const Byte* in = payload.data();
  const std::size_t size = payload.size();
  std::size_t read = 0;
  std::size_t written = 0;
  while (read < size) {
    // The special byte first: in payload dense in DLE/ETX this escapes byte after byte without
    // a block scan that would find nothing to copy.
    if (isDleSpecial(in[read])) {
      out[written++] = kDle;
      out[written++] = in[read++];
      continue;
    }
    // The output has room for the rest of the input escaped, so for a clean run as well.
    const std::size_t clean = copyCleanRun<Scan>(in + read, size - read, out.data() + written);
    read += clean;
    written += clean;
  }
  return written;
}

template std::size_t encodeWith<SwarScan>(ByteView, std::span<Byte>) noexcept;
#if defined(__SSE2__)
template std::size_t encodeWith<Sse2Scan>(ByteView, std::span<Byte>) noexcept;
#endif

}  // namespace detail

std::size_t DleEncoder::encodeInto(ByteView payload, std::span<Byte> out) noexcept {
  return detail::encodeWith<detail::NativeScan>(payload, out);
}

void DleEncoder::encode(ByteView payload, Bytes& out) {
  // Growing `out` by maxEncodedSize() of the whole payload at once would zero-fill twice the
  // payload in memory only to overwrite it, which costs about as much as the encoding itself.
  // Pieces of this size keep that zero-fill in the L1/L2 cache.
  constexpr std::size_t kPieceSize = 16 * 1024;
  while (!payload.empty()) {
    const ByteView piece = payload.first(std::min(payload.size(), kPieceSize));
    const std::size_t start = out.size();
    out.resize(start + maxEncodedSize(piece.size()));
    const std::size_t written = encodeInto(piece, std::span<Byte>(out).subspan(start));
    out.resize(start + written);
    payload = payload.subspan(piece.size());
  }
}

void DleEncoder::finish(Bytes& out) { out.push_back(kEtx); }

}  // namespace atsharp
