#pragma once
// The actions read a few parameters before they start, to know how long their answer may take
// (REDIALCOUNT, PINGNUM ...) or how to read it (POP3HEADERMODE). They read them as text with
// `AT#NAME?`, so as not to depend on the typed parameters.

#include <string_view>

#include "atsharp/module/module.hpp"

namespace atsharp::detail {

/// The whole number parameter @p name (upper case, without `AT#`) holds, as `AT#NAME?` shows it
/// (`#NAME: 3`). Throws ModuleError when refused, ProtocolError when the answer has no such line.
int readWholeSetting(Module& module, std::string_view name);

}  // namespace atsharp::detail
