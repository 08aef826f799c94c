#pragma once
/// @file
/// An in-memory connected pair of transports, for tests: what one end writes the other reads.

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "atsharp/transport/transport.hpp"

namespace atsharp {

/// How a MemoryTransport pair behaves.
struct MemoryTransportOptions {
  /// Bytes buffered per direction, at least 1. A write waits for room (back-pressure) until its
  /// deadline, like a serial line whose peer does not read.
  std::size_t capacity = 64 * 1024;
  /// Largest number of bytes one read returns, at least 1. A small value makes fragmented input
  /// the normal case in tests (as Zephyr's mock pipe does).
  std::size_t maxReadChunk = std::numeric_limits<std::size_t>::max();
};

namespace detail {
struct MemoryLink;
}

/// One end of an in-memory pair. Thread-safe (one mutex and condition variables per pair):
/// one reader and one writer per end at once, close() from any thread.
///
/// Closing either end ends the pair: the closed end's reads and writes return Closed at once;
/// the other end's reads return what is still buffered for it, then Closed, and its writes
/// return Closed.
class MemoryTransport final : public Transport {
 public:
  /// A connected pair: `auto [a, b] = MemoryTransport::pair(options);`.
  /// Throws UsageError for a capacity or maxReadChunk of 0.
  static std::pair<std::unique_ptr<MemoryTransport>, std::unique_ptr<MemoryTransport>> pair(
      const MemoryTransportOptions& options = {});

  /// Closes this end.
  ~MemoryTransport() override;

  IoResult write(ByteView bytes, Deadline deadline) override;
  IoResult read(std::span<Byte> buffer, Deadline deadline) override;
  void close() override;
  /// "memory:a" or "memory:b".
  std::string describe() const override;

 private:
  /// One end of @p link; pair() makes both.
  MemoryTransport(std::shared_ptr<detail::MemoryLink> link, int side);

  std::shared_ptr<detail::MemoryLink> link_;
  int side_;  // 0 for a, 1 for b: the index of the direction this end reads
};

}  // namespace atsharp
