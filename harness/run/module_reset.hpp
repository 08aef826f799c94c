#pragma once
// Bringing a module that is not fresh for each case (a real module, a bench) back to the
// spec's defaults before a case: a bench's reset hook, or AT#DELFLASH and AT+CFUN=1, then
// waiting until it answers AT with OK again. Lenient on purpose: it is not what is tested.

#include <string>

#include "session/module_line.hpp"
#include "targets/target.hpp"

namespace atsharp::harness {

/// Resets the module on @p line per @p plan, recording what went by in the transcript.
/// Returns the problem, or an empty string when the module answers AT with OK again.
std::string resetModule(ModuleLine& line, Transcript& transcript, const ResetPlan& plan,
                        const Timing& timing);

/// Sends @p command and waits until @p deadline for an OK (true), an error, or nothing
/// (false); lines in between pass.
bool commandAnsweredOk(ModuleLine& line, const std::string& command, Deadline deadline);

}  // namespace atsharp::harness
