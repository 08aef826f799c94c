#pragma once
/// @file
/// Keeping credentials (ISPPW, APNPW, SMTPPW, POP3PW, FTPPW, PPPSERVPW: the parameters marked
/// `secret` in the catalogue) out of logs, error messages and reports.

#include <string>
#include <string_view>

namespace atsharp::catalogue {

/// What a masked value is replaced with.
inline constexpr std::string_view kMask = "****";

/// @p commandLine with the value of a secret parameter replaced by kMask: `AT#FTPPW="s3cret"`
/// gives `AT#FTPPW=****`. Names are matched case-insensitively; any other line comes back as
/// it is.
std::string maskCredentials(std::string_view commandLine);

}  // namespace atsharp::catalogue
