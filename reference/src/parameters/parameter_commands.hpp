#pragma once
// Reading and setting parameters: AT#NAME?, AT#NAME=value, the TCP parameters' AT#NAME=id and
// AT#NAME=id,value (5.1), and the multi-line entries of AT#BODYi, AT#RECiADD and AT#CCRECiADD
// (3.1.5, 3.1.7).

#include "atsharp/catalogue/parameters.hpp"
#include "../interpreter/command_line_reader.hpp"
#include "../interpreter/module_core.hpp"

namespace atsharp::reference {

/// Runs a command whose name is a parameter's.
Outcome parameterCommand(ModuleCore& core, const catalogue::ParameterSpec& spec,
                         const ParsedCommand& command);

/// Ends an entry: stores what was typed and answers OK, or answers the error.
void takeEntry(ModuleCore& core, EntryTarget target, const ReaderEvent& event);

}  // namespace atsharp::reference
