#pragma once
// What a serial device path really names.

#include <optional>
#include <string>

namespace atsharp::detail {

/// @p path with every symbolic link resolved (realpath()), or nothing (errno says why).
std::optional<std::string> resolvedPath(const std::string& path);

/// True when @p path is a Unix98 pty slave: a character device of major 136..143.
bool isPtySlave(const std::string& path);

}  // namespace atsharp::detail
