#pragma once
// What the target says it is: AT#VVERSION (8.1.2) asked once at the start of a run, so that a
// report names the firmware it judged.

#include <optional>
#include <string>

#include "report/run_result.hpp"
#include "targets/target.hpp"

namespace atsharp::harness {

/// The identity, or the problem that kept it unknown.
struct IdentityProbe {
  std::optional<TargetIdentity> identity;
  std::string problem;
  bool unreachable = false;  ///< the line could not be opened or the module never answered
};

/// Opens a module of @p target (resetting it when it is not fresh), asks AT#VVERSION and reads
/// `#VERSION: "<name> <size> <date and time>"` (or `#VERSION = ...`, A.1).
IdentityProbe probeIdentity(Target& target, const Timing& timing);

/// Reads the parts of a #VERSION line; nothing for another line.
std::optional<TargetIdentity> parseVersionLine(const std::string& line);

}  // namespace atsharp::harness
