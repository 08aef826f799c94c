#pragma once
// Reading the command lines the Module sends: which command, which socket, which value. The
// module reads commands case-insensitively (appendix A writes AT#otcp=1), so does the Module.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atsharp::detail {

std::string upperCase(std::string_view text);

/// The arguments of `AT#NAME=a,b` when @p commandLine is that command (any case, spaces around
/// the arguments dropped, quotes removed); nothing for another command or a read (`AT#NAME?`).
std::optional<std::vector<std::string>> argumentsOf(std::string_view commandLine,
                                                    std::string_view name);

/// The whole number @p text holds, or nothing.
std::optional<int> wholeNumber(std::string_view text);

}  // namespace atsharp::detail
