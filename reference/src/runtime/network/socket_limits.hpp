#pragma once
// The real-time bounds of SocketNetwork's waits. They are real time (not module time) because
// they stand for what a peer or a DNS server takes, which no time scale speeds up; tests pass
// shorter ones to reach the timeout paths quickly.

#include <chrono>

namespace atsharp::reference {

struct SocketLimits {
  /// A TCP connect without an answer fails (37964) after this.
  std::chrono::milliseconds connectTimeout{30'000};
  /// A DNS server that does not answer is given up after this (then the next server): with
  /// one try per server, a resolution ends within servers x dnsTimeout, about what the module's
  /// command may keep its host waiting.
  std::chrono::milliseconds dnsTimeout{1'000};
  /// Tries per server (c-ares' ARES_OPT_TRIES).
  int dnsTries = 1;
  /// After close(), queued bytes and the FIN have this long to leave before the socket is
  /// dropped: a peer that never reads cannot hold a socket forever.
  std::chrono::milliseconds closeLinger{30'000};
};

}  // namespace atsharp::reference
