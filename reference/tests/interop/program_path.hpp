#pragma once
// Where a program is on PATH: the child processes are started with posix_spawn, which wants a
// path, not a name.

#include <string>

namespace atsharp::test {

/// The path of the executable @p name on PATH; "" when there is none.
std::string programPath(const std::string& name);

}  // namespace atsharp::test
