#pragma once
// Credentials (the catalogue's secret parameters: ISPPW, APNPW, SMTPPW, POP3PW, FTPPW,
// PPPSERVPW) never reach the terminal, a file or a JSON document unmasked, except through
// `atsharp config get NAME --reveal`, where the user asked for that one value by name.

#include <string>
#include <string_view>

namespace atsharp::cli::lab {

/// @p line as it may be shown: a command line that sets a credential (`AT#FTPPW="x"`) or an
/// answer line that shows one (`#FTPPW: "x"`, `#FTPPW = x`, `FTPPW=x`) with the value
/// replaced by the catalogue's mask. Any other line comes back as it is.
std::string maskedLine(std::string_view line);

}  // namespace atsharp::cli::lab
