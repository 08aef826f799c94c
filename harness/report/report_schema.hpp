#pragma once
// reports/schema.json, compiled into the harness, so that the report viewers (atsharp report
// show|html|diff|merge) check what they read without a source tree.

#include <string_view>

namespace atsharp::harness {

class JsonSchema;

/// reports/schema.json as text.
std::string_view reportSchemaText();

/// reports/schema.json, compiled once.
const JsonSchema& reportSchema();

}  // namespace atsharp::harness
