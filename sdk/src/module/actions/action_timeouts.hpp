#pragma once
// How long the actions wait for the module when the caller does not say. A real module's own
// timers and the network's end any action that stops moving; these bounds are only there so
// that a module that stopped answering is not waited for forever. They are generous (a
// timeout that fires before the module's own error hides the error) and derived from the
// parameters where the spec makes the duration depend on them.

#include <chrono>

#include "atsharp/module/module.hpp"

namespace atsharp::detail {

/// One GSM call attempt (dialing, CONNECT, PPP negotiation) or one GPRS activation. The
/// network's timers give up within this: a GPRS activation is retried for at most 150 s
/// (3GPP TS 24.008, T3380 five times), a call's set-up and PPP take well under a minute each.
inline constexpr Milliseconds kConnectionAttempt{180'000};

/// AT#CONNECTIONSTOP: the PPP termination and the hang-up (the DISCONNECTING state).
inline constexpr Milliseconds kConnectionStop{30'000};

/// A silence in a conversation with a server (FTP, SMTP, POP3). The module's own limits end a
/// stalled one first: 30 s to connect and log in, 60 s for any reply, 120 s of a download
/// moving no byte (docs/reference-module.md, "Limits").
inline constexpr Milliseconds kServerSilence{180'000};

/// Before the first ping request: the name lookup through DNSSERV1 then DNSSERV2.
inline constexpr Milliseconds kPingLookup{30'000};

/// 3.4.2: the module ends an AT#PUTMAIL body after 50 s without a byte from the host.
inline constexpr Milliseconds kPutMailInactivity{50'000};

/// AT#CONNECTIONSTART over GSM: 1 + @p redialCount attempts, @p redialDelaySeconds apart
/// (2.1.4, 2.1.5).
constexpr Milliseconds gsmConnectionTimeout(int redialCount, int redialDelaySeconds) {
  return (1 + redialCount) * kConnectionAttempt +
         redialCount * std::chrono::duration_cast<Milliseconds>(
                           std::chrono::seconds(redialDelaySeconds));
}

/// AT#PING: @p pingNum requests, @p pingDelaySeconds apart, each waiting as long for its reply
/// (7.1.1, 7.1.2), after the name lookup.
constexpr Milliseconds pingTimeout(int pingNum, int pingDelaySeconds) {
  return kPingLookup + pingNum * std::chrono::duration_cast<Milliseconds>(
                                     std::chrono::seconds(pingDelaySeconds));
}

}  // namespace atsharp::detail
