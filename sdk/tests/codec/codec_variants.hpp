#pragma once
// The two builds of the codec that the property tests run: the public classes (SSE2 on x86-64)
// and the same loops over the portable SWAR scanner, which the public classes use only where
// SSE2 is missing and which would otherwise go untested on the machines that run the tests.

#include <cstddef>
#include <span>

#include "atsharp/bytes.hpp"
#include "atsharp/codec/dle_decoder.hpp"
#include "atsharp/codec/dle_encoder.hpp"
#include "dle_scan.hpp"

namespace atsharp::test {

/// DleEncoder and DleDecoder as they are.
struct PublicCodec {
  static std::size_t encodeInto(ByteView payload, std::span<Byte> out) {
    return DleEncoder::encodeInto(payload, out);
  }
  using Decoder = DleDecoder;
};

/// The codec loops driven by the scanner @p Scan.
template <class Scan>
struct ScanCodec {
  static std::size_t encodeInto(ByteView payload, std::span<Byte> out) {
    return detail::encodeWith<Scan>(payload, out);
  }

  class Decoder {
   public:
    DleDecoder::Step decode(ByteView input, std::span<Byte> out) {
      return detail::decodeWith<Scan>(state_, input, out);
    }
    bool escapePending() const { return state_.escapePending; }
    bool ended() const { return state_.ended; }
    std::size_t strayEscapes() const { return state_.strayEscapes; }

   private:
    detail::DleDecodeState state_;
  };
};

using SwarCodec = ScanCodec<detail::SwarScan>;

}  // namespace atsharp::test
