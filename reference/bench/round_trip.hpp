#pragma once
// One round trip of a payload through a line in data mode: one thread writes the payload
// (DLE-coded or raw) as fast as the line takes it, while the calling thread reads the echo back,
// decodes it and checks every byte. The time is from the first byte written to the last byte
// read back.

#include <chrono>
#include <cstddef>

#include "atsharp/bytes.hpp"
#include "atsharp/transport/transport.hpp"
#include "modem_session.hpp"

namespace atsharp::bench {

struct RoundTrip {
  std::chrono::steady_clock::duration elapsed{};
  std::size_t payload = 0;      ///< payload bytes that went and came back
  std::size_t lineBytes = 0;    ///< bytes the host wrote (the payload after DLE coding)

  /// Payload megabytes (10^6 bytes) a second.
  double megabytesPerSecond() const;
};

/// Sends @p payload through @p line and reads it back through @p session (which reads the same
/// line). @p dleCoded: DLEMODE 1 (escape what is sent, decode what comes), or raw bytes.
/// Throws std::runtime_error when the echo differs, stalls for 30 s, or the line closes; the
/// data stream is then in an unknown state and the line must not be used any further.
RoundTrip roundTrip(Transport& line, ModemSession& session, ByteView payload, bool dleCoded);

}  // namespace atsharp::bench
