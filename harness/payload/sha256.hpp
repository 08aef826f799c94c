#pragma once
// SHA-256 (FIPS 180-4), streaming. Data compared "by size and sha256" in a suite, and large
// payloads in a report, are identified by it. None of the project's dependencies offers it
// (Boost has SHA-1 only, in a detail namespace).

#include <array>
#include <cstdint>
#include <string>

#include "atsharp/bytes.hpp"

namespace atsharp::harness {

class Sha256 {
 public:
  Sha256();
  /// Adds @p bytes to the message.
  void update(ByteView bytes);
  /// The digest of everything added, in lower-case hex (64 digits). Ends the message: later
  /// calls to update() start nothing new.
  std::string hexDigest();

  /// The digest of @p bytes in one call.
  static std::string of(ByteView bytes);

 private:
  void compress(const Byte* block);

  std::array<std::uint32_t, 8> state_;
  std::array<Byte, 64> block_{};
  std::size_t blockUsed_ = 0;
  std::uint64_t totalBytes_ = 0;
};

}  // namespace atsharp::harness
