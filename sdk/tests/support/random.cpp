#include "random.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace atsharp::test {

std::uint64_t testSeed() {
  static const std::uint64_t seed = [] {
    const char* text = std::getenv("ATSHARP_TEST_SEED");
    return text ? std::stoull(text) : std::uint64_t{20050114};  // the spec's date
  }();
  return seed;
}

std::mt19937_64 rng(std::uint64_t stream) {
  std::seed_seq seq{testSeed(), stream};
  return std::mt19937_64(seq);
}

Bytes randomBytes(std::mt19937_64& gen, std::size_t size) {
  std::uniform_int_distribution<int> byte(0, 255);
  Bytes out(size);
  std::ranges::generate(out, [&] { return static_cast<Byte>(byte(gen)); });
  return out;
}

Bytes randomBytesFrom(std::mt19937_64& gen, std::size_t size, std::span<const Byte> alphabet) {
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  Bytes out(size);
  std::ranges::generate(out, [&] { return alphabet[pick(gen)]; });
  return out;
}

std::vector<std::size_t> randomChunkSizes(std::mt19937_64& gen, std::size_t total,
                                          std::size_t maxChunk) {
  std::uniform_int_distribution<std::size_t> size(1, std::max<std::size_t>(1, maxChunk));
  std::vector<std::size_t> sizes;
  while (total > 0) {
    const std::size_t next = std::min(total, size(gen));
    sizes.push_back(next);
    total -= next;
  }
  return sizes;
}

std::vector<ByteView> randomChunks(std::mt19937_64& gen, ByteView bytes, std::size_t maxChunk) {
  std::vector<ByteView> chunks;
  std::size_t offset = 0;
  for (std::size_t size : randomChunkSizes(gen, bytes.size(), maxChunk)) {
    chunks.push_back(bytes.subspan(offset, size));
    offset += size;
  }
  return chunks;
}

std::vector<ByteView> fixedChunks(ByteView bytes, std::size_t size) {
  std::vector<ByteView> chunks;
  for (std::size_t offset = 0; offset < bytes.size(); offset += size) {
    chunks.push_back(bytes.subspan(offset, std::min(size, bytes.size() - offset)));
  }
  return chunks;
}

}  // namespace atsharp::test
