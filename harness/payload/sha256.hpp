#pragma once
// SHA-256 (FIPS 180-4), streaming. Data compared "by size and sha256" in a suite, and large
// payloads in a report, are identified by it. The digest is OpenSSL's (libcrypto's EVP
// interface, Debian's libssl-dev): a well-kept implementation rather than one of our own.

#include <memory>
#include <string>

#include "atsharp/bytes.hpp"

namespace atsharp::harness {

class Sha256 {
 public:
  /// Throws atsharp::Error when libcrypto cannot make a digest context (out of memory).
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  /// Adds @p bytes to the message.
  void update(ByteView bytes);
  /// The digest of everything added, in lower-case hex (64 digits). Ends the message: later
  /// calls to update() start nothing new, and hexDigest() gives the same digest again.
  std::string hexDigest();

  /// The digest of @p bytes in one call.
  static std::string of(ByteView bytes);

 private:
  struct Context;
  std::unique_ptr<Context> context_;
  std::string digest_;  ///< once the message ended
};

}  // namespace atsharp::harness
