#pragma once
// Back in step with the module after a transfer it ended while the host was still sending
// (FTPPUT's data, PUTMAIL's body): the bytes already on their way when the module left data
// mode reached its command mode, as any input would (docs/reference-module.md shows the same
// for a host writing by hand). They may hold a partial line, or even a line the module answers
// (random data with "AT" and a CR in it). Nothing on the line tells those answers from the next
// command's, so the host ends the partial line, sends a command no stray data can produce,
// and drops everything up to that command's answer.

#include "atsharp/module/module.hpp"

namespace atsharp::detail {

/// Ends a partial line, sends AT#VVERSION and reads up to its answer, dropping what came before.
/// Throws TimeoutError when the module does not answer within the Module's command timeout.
void recoverCommandMode(Module& module);

}  // namespace atsharp::detail
