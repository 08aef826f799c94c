#include "atsharp/codec/dle_decoder.hpp"

#include <cassert>

#include "atsharp/codec/control_characters.hpp"
#include "dle_scan.hpp"

namespace atsharp {

namespace detail {

namespace {

/// The payload byte that an escaping DLE stands before. Anything but DLE or ETX there is a
/// stray escape: counted, and taken as the byte itself (see DleDecoder).
Byte unescape(DleDecodeState& state, Byte escaped) noexcept {
  if (!isDleSpecial(escaped)) {
    ++state.strayEscapes;
  }
  state.escapePending = false;
  return escaped;
}

}  // namespace

template <class Scan>
DleDecoder::Step decodeWith(DleDecodeState& state, ByteView input,
                            std::span<Byte> out) noexcept {
  assert(out.size() >= input.size());
  if (state.ended) {
    return {};  // the rest of the stream belongs to command mode until reset()
  }
  const Byte* in = input.data();
  const std::size_t size = input.size();
  std::size_t read = 0;
  std::size_t written = 0;
  while (read < size) {
    // Pending first: the DLE may have been the last byte of the previous chunk.
    if (state.escapePending) {
      out[written++] = unescape(state, in[read++]);
      continue;
    }
    switch (in[read]) {
      case kDle:
        state.escapePending = true;
        ++read;
        break;
      case kEtx:
        state.ended = true;
        return {.consumed = read + 1, .produced = written, .ended = true};
      default: {
        // Decoding never writes ahead of reading, so `out` has room for the rest of the input.
        const std::size_t clean =
            copyCleanRun<Scan>(in + read, size - read, out.data() + written);
        read += clean;
        written += clean;
      }
    }
  }
  return {.consumed = read, .produced = written, .ended = false};
}

template DleDecoder::Step decodeWith<SwarScan>(DleDecodeState&, ByteView,
                                               std::span<Byte>) noexcept;
#if defined(__SSE2__)
template DleDecoder::Step decodeWith<Sse2Scan>(DleDecodeState&, ByteView,
                                               std::span<Byte>) noexcept;
#endif

}  // namespace detail

DleDecoder::Step DleDecoder::decode(ByteView input, std::span<Byte> out) noexcept {
  detail::DleDecodeState state{
      .escapePending = escapePending_, .ended = ended_, .strayEscapes = strayEscapes_};
  const Step step = detail::decodeWith<detail::NativeScan>(state, input, out);
  escapePending_ = state.escapePending;
  ended_ = state.ended;
  strayEscapes_ = state.strayEscapes;
  return step;
}

}  // namespace atsharp
