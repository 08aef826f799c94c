#pragma once
// Seeded randomness for property tests. Every run uses the same seed unless ATSHARP_TEST_SEED
// says otherwise, so a failure is reproducible: the seed is printed with every failed check.

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "atsharp/bytes.hpp"

namespace atsharp::test {

/// The seed of this run: ATSHARP_TEST_SEED if set, else a fixed one.
std::uint64_t testSeed();

/// A generator seeded with testSeed() mixed with @p stream, so that each test draws its own
/// sequence. Logs the seed through doctest's INFO mechanism is the caller's job (see SEED_INFO).
std::mt19937_64 rng(std::uint64_t stream);

/// @p size bytes drawn uniformly over all 256 values.
Bytes randomBytes(std::mt19937_64& gen, std::size_t size);

/// Bytes drawn from @p alphabet.
Bytes randomBytesFrom(std::mt19937_64& gen, std::size_t size, std::span<const Byte> alphabet);

/// Cuts @p total bytes into chunk sizes of 1..maxChunk, drawn at random (the sizes sum to total).
std::vector<std::size_t> randomChunkSizes(std::mt19937_64& gen, std::size_t total,
                                          std::size_t maxChunk);

/// The views of @p bytes cut at the sizes of randomChunkSizes.
std::vector<ByteView> randomChunks(std::mt19937_64& gen, ByteView bytes, std::size_t maxChunk);

/// The views of @p bytes cut into pieces of exactly @p size (the last may be shorter).
std::vector<ByteView> fixedChunks(ByteView bytes, std::size_t size);

}  // namespace atsharp::test

/// Puts the run's seed in the context of every check that follows in the scope.
#define ATSHARP_SEED_INFO() INFO("ATSHARP_TEST_SEED=", ::atsharp::test::testSeed())
