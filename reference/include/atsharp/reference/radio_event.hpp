#pragma once
/// @file
/// What can happen to the simulated radio at run time: the events the control channel (or the
/// in-process API) injects into a reference module.

#include <optional>
#include <string>
#include <variant>

#include "atsharp/reference/scenario.hpp"

namespace atsharp::reference {

/// The kind of an incoming call (ANSWERMODE > 0 answers data calls only: 35869 for others).
enum class CallType { Data, Voice, Fax };

/// An incoming call: RING every ring interval (with +CLIP when enabled) until it is answered,
/// the caller hangs up (HangUp), or @p rings rings have sounded (0: no limit).
struct IncomingCall {
  std::optional<std::string> caller;  ///< the caller's number; none: the network gives no CLI
  CallType type = CallType::Data;
  int rings = 0;
};

/// The remote side of the call hangs up: it stops ringing, or an established GSM call drops
/// (NO CARRIER).
struct HangUp {};

/// The network ends the GPRS session (spec 9.2, 35841).
struct GprsSessionLost {};

/// The SIM is taken out (35871) or put back.
struct SimPresence {
  bool present;
};

/// The network registration status changes (+CREG <stat>: 0 not registered, 1 home,
/// 2 searching, 3 denied, 5 roaming).
struct Registration {
  int status;
};

/// The GPRS attachment is lost (+CGREG: 0) or regained (+CGREG: 1) from the network side.
struct GprsAttachment {
  bool attached;
};

/// What GSM calls to @p number give from now on (empty number: every number the scenario does
/// not list).
struct DialOutcome {
  std::string number;
  CallOutcome outcome;
};

/// Everything the control channel can inject.
using RadioEvent = std::variant<IncomingCall, HangUp, GprsSessionLost, SimPresence, Registration,
                                GprsAttachment, DialOutcome>;

}  // namespace atsharp::reference
