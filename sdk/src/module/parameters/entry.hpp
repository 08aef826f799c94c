#pragma once
// The text entry of AT#BODYi, AT#RECiADD and AT#CCRECiADD (3.1.5, 3.1.7): the command line,
// then the text, then Ctrl-Z; the module answers once the entry ended.

#include <string_view>

#include "atsharp/module/module.hpp"

namespace atsharp::detail {

/// Sends @p commandLine, then @p text and Ctrl-Z, and waits for the module's answer. Throws
/// ModuleError when the module refuses the text (34882, 34881 for an entry too long).
void writeEntry(Module& module, std::string_view commandLine, std::string_view text);

}  // namespace atsharp::detail
