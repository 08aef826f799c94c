#pragma once
// The link to the Internet: GSM data calls with PPP, GPRS sessions, incoming calls with their
// answer modes and callbacks, and the states AT#VSTATE reports (2.2, 8.2).

#include <optional>
#include <string>

#include "atsharp/catalogue/errors.hpp"
#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/catalogue/results.hpp"
#include "atsharp/reference/module.hpp"
#include "atsharp/reference/radio_event.hpp"

namespace atsharp::reference {

class ModuleCore;
struct ParsedCommand;
enum class Outcome;

/// True for a parameter the link reads (AT#CONNECTIONSTART, AT#ACCEPT): it may not change
/// while the link is active (37123).
bool linkReads(catalogue::Param param);

class Link {
 public:
  LinkState state(const ModuleCore& core) const;
  /// Connected, or on the way: the parameters the link reads may not change (37123).
  bool active() const noexcept { return phase_ != Phase::Idle; }
  bool connected() const noexcept { return phase_ == Phase::Connected; }

  /// The addresses AT#DISPLAYIP shows, once connected.
  const std::string& myAddress() const noexcept { return myAddress_; }
  const std::string& peerAddress() const noexcept { return peerAddress_; }
  bool overGprs() const noexcept { return overGprs_; }

  /// AT#CONNECTIONSTART, AT#CONNECTIONSTOP, AT#ACCEPT.
  Outcome start(ModuleCore& core);
  Outcome stop(ModuleCore& core);
  Outcome accept(ModuleCore& core);

  /// Radio events and the radio's state changes.
  void incomingCall(ModuleCore& core, const IncomingCall& call);
  void hangUp(ModuleCore& core);
  void gprsLost(ModuleCore& core);
  /// The radio went away (SIM removed, registration lost): the link drops.
  void radioLost(ModuleCore& core);
  /// What GSM calls to a number give from now on (control channel).
  void setDialOutcome(ModuleCore& core, const DialOutcome& outcome);

  /// Data went over the link (the services of part 2): PHYTIMEOUT starts again.
  void activity(ModuleCore& core);

  /// The link's timers.
  void stepDue(ModuleCore& core);
  void redialDue(ModuleCore& core);
  void ringDue(ModuleCore& core);
  void callbackDue(ModuleCore& core);
  void inactivityDue(ModuleCore& core);

  /// Back to idle at once (AT+CFUN=1).
  void reset(ModuleCore& core);

 private:
  enum class Phase {
    Idle,
    Dialing,         ///< a GSM call is being dialed (or waits REDIALDELAY to redial)
    Answering,       ///< an incoming call is being answered (before CONNECT)
    Authenticating,  ///< CONNECT came, PPP runs
    Activating,      ///< a GPRS session is being activated
    Connected,
    Disconnecting,
  };
  /// Who waits for the outcome: a host command (its lines are its answer), or nobody (the
  /// lines are unsolicited: an AT#ACCEPT already answered OK, an automatic answer, a callback).
  enum class Waiter { Command, Nobody };

  void say(ModuleCore& core, const std::string& text);
  void sayResult(ModuleCore& core, catalogue::Result result);
  void finishWith(ModuleCore& core);
  void fail(ModuleCore& core, catalogue::CmeError code);

  void dial(ModuleCore& core, const std::string& number);
  void dialOutcome(ModuleCore& core);
  void callFailed(ModuleCore& core, catalogue::Result result);
  void connectCall(ModuleCore& core, int speed);
  void pppDone(ModuleCore& core);
  void activationDone(ModuleCore& core);
  void connected(ModuleCore& core);
  void beginGsm(ModuleCore& core, const std::string& number, Waiter waiter);
  void beginGprs(ModuleCore& core, Waiter waiter);
  void answer(ModuleCore& core, Waiter waiter);
  void disconnect(ModuleCore& core, Waiter waiter);
  void toIdle(ModuleCore& core);
  bool callAuthorized(const ModuleCore& core) const;
  void ring(ModuleCore& core);
  void scheduleCallback(ModuleCore& core, int mode);
  void stopRinging(ModuleCore& core);
  void armInactivity(ModuleCore& core);
  void cancelSteps(ModuleCore& core);
  void endServices(ModuleCore& core);
  bool pppAsServer(const ModuleCore& core) const;

  Phase phase_ = Phase::Idle;
  Waiter waiter_ = Waiter::Nobody;
  bool overGprs_ = false;
  bool incoming_ = false;   // the call being set up or connected is an incoming one
  std::string number_;      // the number being dialed
  int attempts_ = 0;        // call attempts so far (the first one counts)
  std::string myAddress_;
  std::string peerAddress_;

  std::optional<IncomingCall> ringing_;
  int rings_ = 0;
  std::optional<std::string> callbackNumber_;  // set when a callback is due
};

}  // namespace atsharp::reference
