#pragma once
// Measurement 1: data-mode throughput through a real pty. The host pushes a payload into the
// module's pty in data mode (AT#OTCP), the module sends it to an echo peer on 127.0.0.1 and
// brings the echo back; the baseline is socat relaying a pty to the same peer, which is the
// same path (pty, one relaying process, loopback TCP) without a module in it.

#include <cstddef>
#include <iosfwd>
#include <vector>

namespace atsharp::bench {

struct ThroughputOptions {
  std::size_t payloadBytes = std::size_t{16} << 20;
  int rounds = 5;
};

/// Payload megabytes (10^6 bytes) a second of each round, per configuration.
struct ThroughputResults {
  std::vector<double> moduleDle;  ///< DLEMODE 1: escaped both ways
  std::vector<double> moduleRaw;  ///< DLEMODE 0: raw both ways
  std::vector<double> socat;      ///< the baseline, raw
};

/// Runs the rounds, the three configurations taking turns so that a change of the machine's
/// load touches all three alike; prints one line per round on @p log. Throws on a failure.
ThroughputResults measureThroughput(const ThroughputOptions& options, std::ostream& log);

/// The median of @p values (not empty).
double median(std::vector<double> values);

}  // namespace atsharp::bench
