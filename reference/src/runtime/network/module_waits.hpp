#pragma once
// The network's waits that are the module's own behaviour (a connect that is not answered, a
// DNS server or an FTP or mail server that keeps quiet) run in module time, like the spec's
// timers: at a time scale of 0.01, the 30 s a TCP connect may take are 300 ms of real time.
// The network code works in real time; these turn the module's waits into it once, when a
// SocketNetwork or TransferNetwork is made. Unlike a spec timer, such a wait races a real peer,
// so that it never becomes shorter than a loaded machine may take to carry an answer.

#include <chrono>

#include "socket_limits.hpp"
#include "transfer_limits.hpp"

namespace atsharp::reference {

/// The shortest real wait for a peer's answer (see module_waits.cpp).
inline constexpr std::chrono::milliseconds kShortestPeerWait{100};
/// The shortest real wait for a transfer's connection and login: servers answer a refused
/// login late on purpose (dovecot after half a second or more), and the module must still hear
/// the refusal, as it would at full time.
inline constexpr std::chrono::milliseconds kShortestLoginWait{2'000};

/// @p wait of module time as real time at @p timeScale (real seconds per module second),
/// rounded up to whole milliseconds, so that a wait never ends before its module time; and
/// never shorter than @p shortest, since it races a real peer's answer.
/// Throws UsageError for a scale that is not a positive number.
std::chrono::milliseconds realWait(std::chrono::milliseconds wait, double timeScale,
                                   std::chrono::milliseconds shortest = kShortestPeerWait);

/// @p limits with their module-time waits in real time at @p timeScale; the host's bounds (the
/// close linger) unchanged.
SocketLimits atTimeScale(SocketLimits limits, double timeScale);

/// @p limits with their waits in real time at @p timeScale, the login's never shorter than
/// kShortestLoginWait; the memory bounds unchanged.
TransferLimits atTimeScale(TransferLimits limits, double timeScale);

}  // namespace atsharp::reference
