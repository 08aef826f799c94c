#pragma once
// A JSON Schema validator for the keywords the project's schemas use (draft 2020-12 wording).
// Debian 12 packages no C++ validator; this one is small, refuses any keyword it does not
// implement (so that a schema never relies on a check that silently does nothing), and is
// cross-checked against python3-jsonschema by the tests.
//
// Assertions: type, enum, const, properties, required, additionalProperties,
// patternProperties, propertyNames, items, minItems, maxItems, uniqueItems, minLength,
// maxLength, pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minProperties,
// allOf, anyOf, oneOf, not, $ref (to "#" and "#/$defs/NAME").
// Annotations, ignored: $schema, $id, $comment, $defs, title, description, default, examples.

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace atsharp::harness {

/// One way an instance breaks its schema.
struct SchemaViolation {
  std::string pointer;  ///< JSON pointer to the offending value ("" for the root)
  std::string message;  ///< what is wrong, in words
};

class JsonSchema {
 public:
  /// Takes @p schema; throws UsageError for a keyword it does not implement, a malformed
  /// keyword value, a $ref it cannot resolve or a pattern std::regex cannot compile.
  explicit JsonSchema(nlohmann::json schema);
  ~JsonSchema();
  JsonSchema(JsonSchema&&) noexcept;
  JsonSchema& operator=(JsonSchema&&) noexcept;

  /// Every violation of @p instance. Where a oneOf or anyOf fails, the alternative whose
  /// `required` properties the instance has (a step's kind, say) is the one reported, so that
  /// a message says "send: ... must be a string" rather than "matches no alternative".
  std::vector<SchemaViolation> validate(const nlohmann::json& instance) const;

  /// The schema itself.
  const nlohmann::json& document() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace atsharp::harness
