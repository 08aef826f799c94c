#pragma once
// The JSON Schemas of suites/ (schema.json, bench.schema.json), compiled into the harness, so
// that `atsharp conform --check` needs no source tree.

#include <string_view>

namespace atsharp::harness {

/// suites/schema.json.
std::string_view suiteSchemaText();
/// suites/bench.schema.json.
std::string_view benchSchemaText();

}  // namespace atsharp::harness
