#pragma once
/// @file
/// Keeping credentials (ISPPW, APNPW, SMTPPW, POP3PW, FTPPW, PPPSERVPW: the parameters marked
/// `secret` in the catalogue) out of logs, error messages and reports.

#include <string>
#include <string_view>
#include <vector>

namespace atsharp::catalogue {

/// What a masked value is replaced with.
inline constexpr std::string_view kMask = "****";

/// @p commandLine with the value of every secret parameter it sets replaced by kMask:
/// `AT#FTPPW="s3cret"` gives `AT#FTPPW=****`, and `AT#FTPUN="u";#FTPPW="p";#FTPPORT=21` gives
/// `AT#FTPUN="u";#FTPPW=****;#FTPPORT=21` (each command of the line counts). Names are matched
/// case-insensitively; any other line comes back as it is.
std::string maskCredentials(std::string_view commandLine);

/// The values @p commandLine gives secret parameters, without their quotes and the spaces
/// around them: `AT#FTPUN="u";#FTPPW="p"` gives {"p"}. For masking them wherever else they
/// appear (a display line, a server's log).
std::vector<std::string> credentialValues(std::string_view commandLine);

}  // namespace atsharp::catalogue
