#pragma once
// What the harness runs cases against: the built-in reference module, or a module on a line
// (serial port, serial-over-TCP bridge) described by a target URL and maybe a bench file.

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "atsharp/transport/transport.hpp"
#include "steps/step.hpp"
#include "suite/duration.hpp"
#include "suite/template_text.hpp"
#include "targets/radio_control.hpp"

namespace atsharp::harness {

/// A module ready for one case.
class CaseModule {
 public:
  virtual ~CaseModule() = default;
  virtual Transport& line() = 0;
  /// The radio control, or null when the target has none.
  virtual RadioControl* radio() = 0;
  /// The module's variables (module_ip, ...), where the target knows them.
  virtual Vars vars() const = 0;
  /// A short description for reports: "reference module at 127.0.0.4".
  virtual std::string describe() const = 0;
};

/// What a case asks of its module.
struct ModuleRequest {
  nlohmann::json scenario;  ///< the reference module's scenario (null: the default one)
  int job = 0;              ///< the worker running the case (0 .. jobs-1)
  /// The capabilities the case requires (offered: the case would be skipped otherwise); some
  /// decide how the module is made (`silent-network`).
  std::set<std::string> requirements = {};
};

/// How a module that is not fresh for each case is brought back to its defaults.
struct ResetPlan {
  std::string hook;                   ///< a shell command (a bench's reset hook), or empty
  std::vector<std::string> commands;  ///< AT commands, each answered by OK
  Duration settle{2, true};           ///< then wait this long before asking for AT/OK
};

class Target {
 public:
  virtual ~Target() = default;
  /// The target URL ("ref", "serial:/dev/ttyUSB0?baud=115200").
  virtual std::string url() const = 0;
  virtual Timing timing() const = 0;
  virtual std::set<std::string> capabilities() const = 0;
  /// How many cases may run at once (each on a module of its own).
  virtual int maxJobs() const = 0;
  /// Whether the module starts fresh (the spec's defaults, ATE1) for each case on its own;
  /// otherwise reset() says how to bring it back.
  virtual bool freshPerCase() const = 0;
  virtual ResetPlan reset() const { return {}; }
  /// A shell command that power-cycles the module (a bench's hook), or empty.
  virtual std::string powerCycle() const { return {}; }
  /// Whether the module's network reaches this host's loopback, where the harness starts its
  /// fixture servers (the reference module, or a module behind a bench's own network).
  virtual bool reachesLoopback() const { return false; }
  /// Whether the module echoes at the start of a case.
  virtual bool echoAtStart() const { return true; }
  /// Values that must never appear in a report (a bench's secrets).
  virtual std::set<std::string> secrets() const { return {}; }
  /// The bench as the report shows it (secrets masked), or null.
  virtual nlohmann::json benchDescription() const { return nullptr; }
  /// Opens a module for a case. Throws atsharp::Error (TransportError: the line cannot be
  /// opened; another Error: the module cannot be started).
  virtual std::unique_ptr<CaseModule> open(const ModuleRequest& request) = 0;
};

}  // namespace atsharp::harness
