#pragma once
// --json: each command writes exactly one JSON document on stdout, on one line, with its
// fields in a fixed order (so that scripts and tests can compare it as text).

#include <nlohmann/json.hpp>

#include <iostream>

namespace atsharp::cli::lab {

using Json = nlohmann::ordered_json;

/// Writes @p document on stdout, on one line.
inline void printJson(const Json& document) { std::cout << document.dump() << std::endl; }

}  // namespace atsharp::cli::lab
