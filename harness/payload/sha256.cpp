#include "payload/sha256.hpp"

#include <openssl/evp.h>

#include "atsharp/error.hpp"

namespace atsharp::harness {

// libcrypto's digest context, freed with it.
struct Sha256::Context {
  struct Free {
    void operator()(EVP_MD_CTX* context) const noexcept { EVP_MD_CTX_free(context); }
  };
  std::unique_ptr<EVP_MD_CTX, Free> evp{EVP_MD_CTX_new()};
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (!context_->evp || EVP_DigestInit_ex(context_->evp.get(), EVP_sha256(), nullptr) != 1) {
    throw Error("libcrypto cannot start a SHA-256 digest");
  }
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(ByteView bytes) {
  if (!digest_.empty() || bytes.empty()) return;
  if (EVP_DigestUpdate(context_->evp.get(), bytes.data(), bytes.size()) != 1) {
    throw Error("libcrypto failed to add bytes to a SHA-256 digest");
  }
}

std::string Sha256::hexDigest() {
  if (!digest_.empty()) return digest_;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(context_->evp.get(), digest, &size) != 1) {
    throw Error("libcrypto failed to end a SHA-256 digest");
  }
  constexpr char kHex[] = "0123456789abcdef";
  for (unsigned int i = 0; i < size; ++i) {
    digest_ += kHex[digest[i] >> 4];
    digest_ += kHex[digest[i] & 0xf];
  }
  return digest_;
}

std::string Sha256::of(ByteView bytes) {
  Sha256 hash;
  hash.update(bytes);
  return hash.hexDigest();
}

}  // namespace atsharp::harness
