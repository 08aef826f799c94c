#pragma once
// The actions read a few parameters before they start, to know how long their answer may take
// (REDIALCOUNT, PINGNUM ...) or how to read it (GPRSMODE, POP3HEADERMODE). They read them as
// text with `AT#NAME?`, so as not to depend on the typed parameters.

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/module/module.hpp"

namespace atsharp::detail {

/// The whole number @p parameter holds, as `AT#NAME?` shows it (`#NAME: 3`). Throws ModuleError
/// when refused, ProtocolError when the answer has no such line.
int readWholeSetting(Module& module, catalogue::Param parameter);

}  // namespace atsharp::detail
