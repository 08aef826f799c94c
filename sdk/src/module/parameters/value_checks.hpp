#pragma once
// Checking a value against the catalogue before it is sent, and saying why it is refused: the
// catalogue's reason (checkValue), with the parameter named as the caller knows it and a
// credential masked.

#include <string>
#include <string_view>
#include <vector>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/module/errors.hpp"

namespace atsharp::detail {

/// @p value as it may appear in a message: kMask for a credential.
std::string shownInMessages(const catalogue::ParameterSpec& spec, std::string_view value);

/// Throws IllegalValueError naming @p name unless @p value is legal for @p spec.
void refuseIllegal(const catalogue::ParameterSpec& spec, std::string_view name,
                   std::string_view value);

/// @p addresses trimmed, without empty entries, checked for @p spec (at most kMaxAddresses,
/// each legal); errors name @p name.
std::vector<std::string> checkedAddressList(const catalogue::ParameterSpec& spec,
                                            std::string_view name,
                                            std::vector<std::string> addresses);

/// A body's line breaks (CR, LF or CR LF) as CR LF, a final one dropped (3.1.7: the module
/// keeps what is typed that way).
std::string normalisedBody(std::string_view text);

}  // namespace atsharp::detail
