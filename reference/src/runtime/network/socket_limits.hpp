#pragma once
// The bounds of SocketNetwork's waits. The ones a module has as its own behaviour (how long its
// stack waits for a TCP peer to answer, how long its resolver waits for a DNS server) are
// module time: SocketNetwork maps them to real time with its time scale (atTimeScale(),
// module_waits.hpp), like every other timer of the module, so that a test of 37964 or of a DNS
// server that is down takes milliseconds at a small scale. The linger of a closed socket is a
// bound of the host, in real time. Tests pass shorter ones to reach the timeout paths quickly.

#include <chrono>

namespace atsharp::reference {

struct SocketLimits {
  /// A TCP connect without an answer fails (37964) after this. Module time.
  std::chrono::milliseconds connectTimeout{30'000};
  /// A DNS server that does not answer is given up after this (then the next server): with
  /// one try per server, a resolution ends within servers x dnsTimeout, about what the module's
  /// command may keep its host waiting. Module time.
  std::chrono::milliseconds dnsTimeout{1'000};
  /// Tries per server (c-ares' ARES_OPT_TRIES).
  int dnsTries = 1;
  /// After close(), queued bytes and the FIN have this long to leave before the socket is
  /// dropped: a peer that never reads cannot hold a socket forever. Host bound, real time: the
  /// module no longer sees the socket.
  std::chrono::milliseconds closeLinger{30'000};
};

}  // namespace atsharp::reference
