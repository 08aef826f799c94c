#pragma once
/// @file
/// The simulated world of a reference module: the SIM, the network, what a call to each number
/// gives, how GPRS activation and PPP go, and how long each step takes. Loaded from a YAML file;
/// the defaults are a healthy network in which the spec's appendix A flows work as written.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "atsharp/reference/module_time.hpp"

namespace atsharp::reference {

/// What dialing a number gives (2.2.3.2).
struct CallOutcome {
  enum class Kind { Connect, Busy, NoAnswer, NoCarrier };
  Kind kind = Kind::Connect;
  int speed = 9600;  ///< for Connect: the CONNECT <speed> line
};

/// How a PPP negotiation ends (2.2.1, 2.2.3, 9.2). The error code depends on the module's
/// role, which PPPMODE decides: a failure is 37120 as a client and 37121 as a server, a timeout
/// 38980 and 38981.
enum class PppOutcome { Success, Failed, Timeout };

/// How a GPRS activation ends (2.2.3.2).
enum class ActivationOutcome {
  Success,
  Refused,  ///< 35866: "the GPRS session can not be established"
  Aborted,  ///< 35868: "aborted GPRS connection, check APN parameters"
};

struct Scenario {
  struct Software {
    /// AT#VVERSION's file name (8.1.2) and the first line of AT#VALL.
    std::string name = "eDsoft-W302_V03.00";
    std::string size = "67826";
    std::string built = "Jan 14 2005 12:00:00";
  } software;

  struct Sim {
    bool present = true;
    /// The PIN the SIM asks for; none: the SIM asks for none.
    std::optional<std::string> pin;
  } sim;

  struct Network {
    /// +CREG <stat> once the SIM is ready: 1 home, 5 roaming, 0 not registered, 3 denied.
    int registration = 1;
    ModuleTime registrationDelay{1000};
    /// The port the DNS servers DNSSERV1 and DNSSERV2 answer on (53 on a real network; tests
    /// use an unprivileged one).
    int dnsPort = 53;
  } network;

  struct Gprs {
    bool attachAllowed = true;
    /// Attached at power-on (otherwise the host attaches with AT+CGATT=1, appendix A.4).
    bool attached = false;
    ModuleTime attachDelay{500};
    ActivationOutcome activation = ActivationOutcome::Success;
    ModuleTime activationDelay{500};
    /// The address the network gives the module, and the gateway AT#DISPLAYIP shows.
    std::string address = "127.0.0.2";
    std::string gateway = "127.0.0.1";
    /// When set, the APN the network knows: another APNSERV aborts the activation (35868).
    std::optional<std::string> apn;
  } gprs;

  struct Gsm {
    /// What a call to a number gives; numbers not listed give defaultOutcome.
    std::map<std::string, CallOutcome> numbers;
    CallOutcome defaultOutcome;
    ModuleTime dialDelay{2000};
    PppOutcome ppp = PppOutcome::Success;
    ModuleTime pppDelay{1000};
    /// The address the PPP peer gives the module (client mode), and the peer's.
    std::string address = "127.0.0.3";
    std::string peer = "127.0.0.1";
    /// When set, the ISP account: a PPP client logging in with other ISPUN/ISPPW fails.
    std::optional<std::string> ispUser;
    std::optional<std::string> ispPassword;
  } gsm;

  struct Incoming {
    /// How long answering takes before CONNECT, and the CONNECT speed of an answered call.
    ModuleTime answerDelay{1000};
    int speed = 9600;
    ModuleTime ringInterval{5000};
    PppOutcome ppp = PppOutcome::Success;
  } incoming;

  /// How long AT#CONNECTIONSTOP and a dropped link stay in DISCONNECTING.
  ModuleTime disconnectDelay{300};
};

/// Reads a scenario from YAML text; keys left out keep their defaults. Throws
/// atsharp::UsageError naming the key and what is wrong for anything it cannot take.
Scenario parseScenario(std::string_view yaml);

/// Reads a scenario file (parseScenario of its contents).
Scenario loadScenario(const std::filesystem::path& file);

}  // namespace atsharp::reference
