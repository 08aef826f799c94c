#pragma once
// The simulated radio below the AT# stack: the SIM and its PIN, the network registration
// (+CREG) and the GPRS attachment (+CGREG, AT+CGATT), as the scenario and the injected events
// make them.

#include <string>

#include "atsharp/reference/radio_event.hpp"
#include "atsharp/reference/scenario.hpp"

namespace atsharp::reference {

class ModuleCore;

class Radio {
 public:
  /// The radio at power-on, as the scenario describes it.
  void powerOn(ModuleCore& core);

  bool simPresent() const noexcept { return simPresent_; }
  /// The SIM is in and needs no PIN (any more).
  bool simReady() const noexcept { return simPresent_ && !pinRequired_; }
  /// +CREG <stat>: 0 not registered, 1 home, 2 searching, 3 denied, 5 roaming.
  int registration() const noexcept { return registration_; }
  bool registered() const noexcept { return registration_ == 1 || registration_ == 5; }
  bool gprsAttached() const noexcept { return gprs_ == 1; }
  /// +CGREG <stat>: 0 not attached, 1 attached, 2 attaching.
  int gprsRegistration() const noexcept { return gprs_; }

  /// AT+CPIN? answer text ("+CPIN: READY"), or an empty string without a SIM.
  std::string pinStatus() const;
  /// AT+CPIN=<pin>: 0 accepted, or the +CME error code (10 no SIM, 16 wrong PIN).
  int enterPin(ModuleCore& core, const std::string& pin);
  /// AT+CGATT=1: 0 when the attachment starts (or is already there), or the +CME error code.
  int attach(ModuleCore& core);
  /// AT+CGATT=0.
  void detach(ModuleCore& core);

  /// The radio's timers.
  void registrationDue(ModuleCore& core);
  void attachDue(ModuleCore& core);

  /// Radio events of the control channel.
  void simPresence(ModuleCore& core, bool present);
  void registrationChange(ModuleCore& core, int status);
  void gprsAttachment(ModuleCore& core, bool attached);

  /// The current +CREG / +CGREG status, reported once when the host turns the reports on
  /// (appendix A.3 and A.4 show it right after the OK).
  void reportRegistration(ModuleCore& core) const;
  void reportGprsRegistration(ModuleCore& core) const;

 private:
  void setRegistration(ModuleCore& core, int status);
  void setGprs(ModuleCore& core, int status);
  void startRegistration(ModuleCore& core);

  bool simPresent_ = true;
  bool pinRequired_ = false;
  int registration_ = 0;
  int gprs_ = 0;
};

}  // namespace atsharp::reference
