// URCs as the lines the module sends, for logs.

#include "atsharp/module/urc.hpp"

namespace atsharp {
namespace {

struct Describe {
  std::string operator()(const RingUrc& ring) const {
    return ring.caller ? "RING (+CLIP: \"" + *ring.caller + "\")" : "RING";
  }
  std::string operator()(const RegistrationUrc& registration) const {
    const bool gprs = registration.network == RegistrationUrc::Network::Gprs;
    return std::string(gprs ? "+CGREG: " : "+CREG: ") + std::to_string(registration.status);
  }
  std::string operator()(const GprsLostUrc&) const { return "#CME ERROR: 35841"; }
  std::string operator()(const SimRemovedUrc&) const { return "#CME ERROR: 35871"; }
  std::string operator()(const CallEndedUrc&) const { return "NO CARRIER"; }
  std::string operator()(const InactivityTimeoutUrc&) const { return "TIMEOUT"; }
};

}  // namespace

std::string describe(const Urc& urc) { return std::visit(Describe{}, urc); }

}  // namespace atsharp
