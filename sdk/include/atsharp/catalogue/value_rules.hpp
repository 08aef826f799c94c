#pragma once
/// @file
/// The legal values of each parameter (spec 2.1 to 7.1), checked the same way by the SDK before
/// it sends a value and by the reference module when it receives one.

#include <optional>
#include <string>
#include <string_view>

#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::catalogue {

/// Why a value is not legal for a parameter: a sentence that names the parameter, the value and
/// the legal values, e.g. "TCPTXDELAY 30: must be a multiple of 20 from 0 to 32760".
struct Illegal {
  std::string reason;
};

/// Checks one value (already unquoted) against the legal values of @p spec. For an AddressList
/// the value is one address (AT#RECi=... sets a single one). An empty value clears the text
/// kinds that have no default (text, bodies, address lists, phone numbers, host names:
/// docs/spec-decisions.md, "Alphanumeric ASCII text"). Integers, choices, ports, dotted IPv4
/// addresses and CALLSCREENNUM (default "0"; 2.1.3 lists 0, * or a number) refuse it.
std::optional<Illegal> checkValue(const ParameterSpec& spec, std::string_view value);

/// The legal values of @p spec in words: "an integer from 2 to 255", "0, 1, 2 or 3", ...
std::string describeLegalValues(const ParameterSpec& spec);

/// True for a dotted-decimal IPv4 address (four decimal octets of 1 to 3 digits, 0..255).
bool isDottedQuad(std::string_view text) noexcept;

/// The value of a decimal numeral of at most 9 digits, or nothing for anything else.
std::optional<int> parseDecimal(std::string_view text) noexcept;

}  // namespace atsharp::catalogue
