#pragma once
/// @file
/// Unsolicited result codes: what the module says on its own, at any moment, also between a
/// command and its answer. atsharp::Module hands each to the callbacks registered with
/// Module::onUrc and never puts one into a command's result.

#include <optional>
#include <string>
#include <variant>

namespace atsharp {

/// An incoming call (RING, spec 2.2.1). `caller` is the number of the `+CLIP:` line that
/// followed the RING (with AT+CLIP=1), when the network gave one.
struct RingUrc {
  std::optional<std::string> caller;
  bool operator==(const RingUrc&) const = default;
};

/// A network registration change: `+CREG: <stat>` (GSM) or `+CGREG: <stat>` (GPRS). stat is
/// 0 not registered, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming.
struct RegistrationUrc {
  enum class Network { Gsm, Gprs };
  Network network;
  int status;
  bool operator==(const RegistrationUrc&) const = default;
};

/// The network ended the GPRS session (`#CME ERROR: 35841` while no command waited for it).
struct GprsLostUrc {
  bool operator==(const GprsLostUrc&) const = default;
};

/// The SIM was taken out (`#CME ERROR: 35871` while no command waited for it).
struct SimRemovedUrc {
  bool operator==(const SimRemovedUrc&) const = default;
};

/// A GSM call ended on its own (`NO CARRIER` while no command waited for it).
struct CallEndedUrc {
  bool operator==(const CallEndedUrc&) const = default;
};

/// PHYTIMEOUT minutes without activity ended the communication (`TIMEOUT`, spec 2.1.6).
struct InactivityTimeoutUrc {
  bool operator==(const InactivityTimeoutUrc&) const = default;
};

/// Any unsolicited report.
using Urc = std::variant<RingUrc, RegistrationUrc, GprsLostUrc, SimRemovedUrc, CallEndedUrc,
                         InactivityTimeoutUrc>;

/// The URC's line as the module sends it, for logs: "RING", "+CREG: 1", "#CME ERROR: 35841".
std::string describe(const Urc& urc);

}  // namespace atsharp
