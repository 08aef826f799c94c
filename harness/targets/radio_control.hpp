#pragma once
// Control of a module's simulated radio: the events of the reference module's control channel
// (docs/reference-module.md), an incoming call, GPRS lost, the SIM taken out, ... Only the
// reference module has a radio to control; a target without it has no RadioControl.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace atsharp::harness {

class RadioControl {
 public:
  virtual ~RadioControl() = default;
  /// Injects @p request, a request of the control channel ({"event":"ring",...}); returns
  /// the module's reason when it refused it, nothing when it took it. Throws atsharp::Error
  /// when the channel itself fails.
  virtual std::optional<std::string> inject(const nlohmann::json& request) = 0;
};

}  // namespace atsharp::harness
