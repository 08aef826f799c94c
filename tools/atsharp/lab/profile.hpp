#pragma once
// A profile: parameter values as a file, what `atsharp config dump` writes and `atsharp config
// apply` reads. YAML (a JSON profile is YAML too): a map from parameter name to value, and for
// the TCP parameters, which hold one value per socket (5.1), a map from socket to value:
//
//     PPPMODE: "1"
//     APNSERV: "internet.example"
//     TCPPORT:
//       1: "2000"
//       2: "0"
//
// Values are text, as AT#NAME? shows them unquoted. A credential shows as the catalogue's mask
// ("****"), which apply takes as "leave the module's value as it is". Any subset of the
// parameters makes a profile.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/module/displays.hpp"
#include "json_output.hpp"

namespace atsharp::cli::lab {

/// One value of a profile.
struct ProfileEntry {
  catalogue::Param parameter;
  std::optional<int> socket;  ///< 1 or 2 for a TCP parameter, none otherwise
  std::string text;
  bool operator==(const ProfileEntry&) const = default;
};

/// The entries in catalogue order (AT#VALL's), socket 1 before socket 2.
using Profile = std::vector<ProfileEntry>;

/// How messages name an entry: "PPPMODE", "TCPPORT of socket 2".
std::string entryName(const ProfileEntry& entry);

/// True when @p entry holds a credential's mask: apply keeps the module's value.
bool isMaskedSecret(const ProfileEntry& entry);

/// @p text as the typed layer writes a legal value of @p parameter (a body's line breaks as
/// CR LF, an address list without blanks). Throws IllegalValueError naming the parameter (the
/// value masked for a credential) and its legal values.
std::string canonicalValue(catalogue::Param parameter, std::string_view text);

/// Reads a profile from @p text (YAML or JSON). Throws UsageError naming @p source and the
/// key for anything that is not a profile: an unknown parameter, one given twice, a TCP
/// parameter not given per socket, a socket other than 1 and 2, a value that is no text.
Profile readProfile(std::string_view text, const std::string& source);

/// Every parameter as @p shown holds it, credentials masked.
Profile profileOf(const AllDisplay& shown);

/// The value of @p entry's parameter (and socket) in @p shown.
std::string shownValue(const AllDisplay& shown, const ProfileEntry& entry);

/// @p profile as YAML, after the comment lines @p comment.
std::string profileYaml(const Profile& profile, const std::vector<std::string>& comment);
/// @p profile as a JSON object.
Json profileJson(const Profile& profile);

}  // namespace atsharp::cli::lab
