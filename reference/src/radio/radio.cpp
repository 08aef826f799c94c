#include "radio.hpp"

#include "../interpreter/module_core.hpp"
#include "../interpreter/standard_errors.hpp"

namespace atsharp::reference {

// A module whose SIM needs no PIN is registered from power-on, as if it had been on for a
// while: a healthy network needs no waiting. After a PIN or a new SIM, registration takes the
// scenario's registration delay.
void Radio::powerOn(ModuleCore& core) {
  simPresent_ = core.scenario.sim.present;
  pinRequired_ = core.scenario.sim.pin.has_value();
  registration_ = 0;
  gprs_ = 0;
  if (simReady()) registrationDue(core);
}

std::string Radio::pinStatus() const {
  return pinRequired_ ? "+CPIN: SIM PIN" : "+CPIN: READY";
}

// A ready SIM takes a PIN as well (appendix A.3 enters one on the default, PIN-less scenario).
int Radio::enterPin(ModuleCore& core, const std::string& pin) {
  if (!simPresent_) return cme27007::kSimNotInserted;
  if (!pinRequired_) return 0;
  if (pin != *core.scenario.sim.pin) return cme27007::kIncorrectPassword;
  pinRequired_ = false;
  startRegistration(core);
  return 0;
}

void Radio::startRegistration(ModuleCore& core) {
  if (core.scenario.network.registrationDelay.count() == 0) {
    registrationDue(core);
    return;
  }
  setRegistration(core, 2);  // searching
  core.timers.arm(TimerId::Registration, core.now + core.scenario.network.registrationDelay);
}

void Radio::registrationDue(ModuleCore& core) {
  setRegistration(core, core.scenario.network.registration);
  if (registered() && core.scenario.gprs.attached) setGprs(core, 1);
}

int Radio::attach(ModuleCore& core) {
  if (!registered()) return cme27007::kNoNetworkService;
  if (!core.scenario.gprs.attachAllowed) return cme27007::kGprsNotAllowed;
  if (gprs_ != 0) return 0;
  // Appendix A.4: +CGREG: 2 (searching), then +CGREG: 1 once attached.
  setGprs(core, 2);
  core.timers.arm(TimerId::Attach, core.now + core.scenario.gprs.attachDelay);
  return 0;
}

void Radio::attachDue(ModuleCore& core) {
  if (registered()) setGprs(core, 1);
}

void Radio::detach(ModuleCore& core) {
  core.timers.cancel(TimerId::Attach);
  setGprs(core, 0);
}

void Radio::simPresence(ModuleCore& core, bool present) {
  if (present == simPresent_) return;
  simPresent_ = present;
  if (!present) {
    // The IP application reports the removal (9.2, 35871); the radio goes with the SIM.
    core.timers.cancel(TimerId::Registration);
    setRegistration(core, 0);
    core.out.unsolicited("#CME ERROR: " + std::to_string(catalogue::value(catalogue::CmeError::SimRemoved)));
    return;
  }
  pinRequired_ = core.scenario.sim.pin.has_value();
  if (simReady()) startRegistration(core);
}

void Radio::registrationChange(ModuleCore& core, int status) {
  core.timers.cancel(TimerId::Registration);
  setRegistration(core, status);
}

void Radio::gprsAttachment(ModuleCore& core, bool attached) {
  core.timers.cancel(TimerId::Attach);
  setGprs(core, attached && registered() ? 1 : 0);
}

void Radio::setRegistration(ModuleCore& core, int status) {
  if (status == registration_) return;
  registration_ = status;
  if (core.settings.cregReports > 0) reportRegistration(core);
  if (!registered()) {
    setGprs(core, 0);
    core.link.radioLost(core);
  }
}

void Radio::setGprs(ModuleCore& core, int status) {
  if (status == gprs_) return;
  const bool wasAttached = gprsAttached();
  gprs_ = status;
  if (core.settings.cgregReports > 0) reportGprsRegistration(core);
  if (wasAttached && !gprsAttached()) core.link.gprsLost(core);
}

void Radio::reportRegistration(ModuleCore& core) const {
  core.out.unsolicited("+CREG: " + std::to_string(registration_));
}

void Radio::reportGprsRegistration(ModuleCore& core) const {
  core.out.unsolicited("+CGREG: " + std::to_string(gprs_));
}

}  // namespace atsharp::reference
