#include "schema/json_schema.hpp"

#include <cmath>
#include <set>
#include <string_view>

#include "atsharp/error.hpp"
#include "document/yaml_document.hpp"
#include "text/regex.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

const std::set<std::string, std::less<>> kAnnotations{
    "$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples"};

const std::set<std::string, std::less<>> kAssertions{
    "type",          "enum",          "const",         "properties",
    "required",      "additionalProperties",            "patternProperties",
    "propertyNames", "items",         "minItems",      "maxItems",
    "uniqueItems",   "minLength",     "maxLength",     "pattern",
    "minimum",       "maximum",       "exclusiveMinimum", "exclusiveMaximum",
    "minProperties", "allOf",         "anyOf",         "oneOf",
    "not",           "$ref"};

bool isInteger(const Json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();
  return std::isfinite(number) && std::floor(number) == number;
}

bool hasType(const Json& value, std::string_view type) {
  if (type == "null") return value.is_null();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "number") return value.is_number();
  if (type == "integer") return isInteger(value);
  return false;
}

std::string typeName(const Json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "a boolean";
  if (value.is_object()) return "a mapping";
  if (value.is_array()) return "a list";
  if (value.is_string()) return "a string";
  if (isInteger(value)) return "an integer";
  return "a number";
}

std::size_t codePoints(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++count;
  }
  return count;
}

// A JSON value for messages, kept short.
std::string shortText(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

std::string unescapePointerToken(std::string token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

double numberOf(const Json& value) { return value.get<double>(); }

std::string numberText(const Json& value) {
  return isInteger(value) ? std::to_string(static_cast<long long>(numberOf(value)))
                          : value.dump();
}

}  // namespace

struct JsonSchema::Impl {
  Json root;
  std::map<std::string, Regex, std::less<>> patterns;

  void checkSchema(const Json& node, const std::string& where);
  void checkSubschemas(const Json& node, const std::string& where);
  const Json& resolve(const std::string& ref, const std::string& where) const;
  void compilePattern(const std::string& pattern, const std::string& where);
  bool matches(const std::string& pattern, const std::string& text) const;

  void validate(const Json& schema, const Json& instance, const std::string& pointer,
                std::vector<SchemaViolation>& out) const;
  bool valid(const Json& schema, const Json& instance) const {
    std::vector<SchemaViolation> ignored;
    validate(schema, instance, "", ignored);
    return ignored.empty();
  }
  void validateType(const Json& schema, const Json& instance, const std::string& pointer,
                    std::vector<SchemaViolation>& out) const;
  void validateObject(const Json& schema, const Json& instance, const std::string& pointer,
                      std::vector<SchemaViolation>& out) const;
  void validateArray(const Json& schema, const Json& instance, const std::string& pointer,
                     std::vector<SchemaViolation>& out) const;
  void validateString(const Json& schema, const Json& instance, const std::string& pointer,
                      std::vector<SchemaViolation>& out) const;
  void validateNumber(const Json& schema, const Json& instance, const std::string& pointer,
                      std::vector<SchemaViolation>& out) const;
  void validateAlternatives(const Json& schema, const Json& instance, const std::string& pointer,
                            std::vector<SchemaViolation>& out) const;
  const Json* discriminated(const Json& alternatives, const Json& instance) const;
  std::string describe(const Json& alternative) const;
};

void JsonSchema::Impl::compilePattern(const std::string& pattern, const std::string& where) {
  if (patterns.count(pattern)) return;
  try {
    patterns.emplace(pattern, Regex(pattern));
  } catch (const UsageError& bad) {
    throw UsageError("schema " + where + ": " + bad.what());
  }
}

bool JsonSchema::Impl::matches(const std::string& pattern, const std::string& text) const {
  return patterns.find(pattern)->second.search(text);
}

const Json& JsonSchema::Impl::resolve(const std::string& ref, const std::string& where) const {
  if (ref.empty() || ref.front() != '#') {
    throw UsageError("schema " + where + ": only local references (#...) are supported: " + ref);
  }
  const Json* node = &root;
  std::string rest = ref.substr(1);
  while (!rest.empty()) {
    if (rest.front() != '/') throw UsageError("schema " + where + ": malformed $ref " + ref);
    rest.erase(0, 1);
    const std::size_t slash = rest.find('/');
    const std::string token = unescapePointerToken(rest.substr(0, slash));
    rest = slash == std::string::npos ? "" : rest.substr(slash);
    if (!node->is_object() || !node->contains(token)) {
      throw UsageError("schema " + where + ": $ref " + ref + " points at nothing");
    }
    node = &(*node)[token];
  }
  return *node;
}

void JsonSchema::Impl::checkSchema(const Json& node, const std::string& where) {
  if (node.is_boolean()) return;
  if (!node.is_object()) throw UsageError("schema " + where + ": a schema must be an object");
  for (const auto& [key, value] : node.items()) {
    if (!kAnnotations.count(key) && !kAssertions.count(key)) {
      throw UsageError("schema " + where + ": keyword \"" + key + "\" is not supported");
    }
  }
  if (node.contains("pattern")) compilePattern(node["pattern"].get<std::string>(), where);
  if (node.contains("$ref")) resolve(node["$ref"].get<std::string>(), where);
  if (node.contains("required") && !node["required"].is_array()) {
    throw UsageError("schema " + where + ": required must be a list");
  }
  checkSubschemas(node, where);
}

void JsonSchema::Impl::checkSubschemas(const Json& node, const std::string& where) {
  for (const char* key : {"properties", "patternProperties", "$defs"}) {
    if (!node.contains(key)) continue;
    for (const auto& [name, sub] : node[key].items()) {
      if (std::string_view(key) == "patternProperties") compilePattern(name, where);
      checkSchema(sub, childPointer(childPointer(where, key), name));
    }
  }
  for (const char* key : {"additionalProperties", "propertyNames", "items", "not"}) {
    if (node.contains(key)) checkSchema(node[key], childPointer(where, key));
  }
  for (const char* key : {"allOf", "anyOf", "oneOf"}) {
    if (!node.contains(key)) continue;
    std::size_t index = 0;
    for (const Json& sub : node[key]) {
      checkSchema(sub, childPointer(childPointer(where, key), index++));
    }
  }
}

void JsonSchema::Impl::validate(const Json& schema, const Json& instance,
                                const std::string& pointer,
                                std::vector<SchemaViolation>& out) const {
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) out.push_back({pointer, "no value is allowed here"});
    return;
  }
  if (schema.contains("$ref")) {
    validate(resolve(schema["$ref"].get<std::string>(), pointer), instance, pointer, out);
  }
  const std::size_t before = out.size();
  validateType(schema, instance, pointer, out);
  if (out.size() != before) return;  // the rest would only repeat the type mismatch
  if (schema.contains("enum")) {
    bool found = false;
    for (const Json& allowed : schema["enum"]) found = found || allowed == instance;
    if (!found) {
      std::string names;
      for (const Json& allowed : schema["enum"]) {
        names += (names.empty() ? "" : ", ") + shortText(allowed);
      }
      out.push_back({pointer, shortText(instance) + " is not one of " + names});
    }
  }
  if (schema.contains("const") && schema["const"] != instance) {
    out.push_back({pointer, "must be " + shortText(schema["const"])});
  }
  if (instance.is_object()) validateObject(schema, instance, pointer, out);
  if (instance.is_array()) validateArray(schema, instance, pointer, out);
  if (instance.is_string()) validateString(schema, instance, pointer, out);
  if (instance.is_number()) validateNumber(schema, instance, pointer, out);
  if (schema.contains("allOf")) {
    for (const Json& sub : schema["allOf"]) validate(sub, instance, pointer, out);
  }
  if (schema.contains("not") && valid(schema["not"], instance)) {
    out.push_back({pointer, "must not match " + describe(schema["not"])});
  }
  validateAlternatives(schema, instance, pointer, out);
}

void JsonSchema::Impl::validateType(const Json& schema, const Json& instance,
                                    const std::string& pointer,
                                    std::vector<SchemaViolation>& out) const {
  if (!schema.contains("type")) return;
  const Json& type = schema["type"];
  if (type.is_string()) {
    if (!hasType(instance, type.get<std::string>())) {
      out.push_back({pointer, "must be " + std::string(type.get<std::string>() == "integer"
                                                           ? "an integer"
                                                           : "of type " + type.get<std::string>()) +
                                  ", not " + typeName(instance)});
    }
    return;
  }
  std::string names;
  for (const Json& one : type) {
    if (hasType(instance, one.get<std::string>())) return;
    names += (names.empty() ? "" : " or ") + one.get<std::string>();
  }
  out.push_back({pointer, "must be of type " + names + ", not " + typeName(instance)});
}

void JsonSchema::Impl::validateObject(const Json& schema, const Json& instance,
                                      const std::string& pointer,
                                      std::vector<SchemaViolation>& out) const {
  if (schema.contains("required")) {
    for (const Json& name : schema["required"]) {
      if (!instance.contains(name.get<std::string>())) {
        out.push_back({pointer, "needs the key \"" + name.get<std::string>() + "\""});
      }
    }
  }
  if (schema.contains("minProperties") &&
      instance.size() < schema["minProperties"].get<std::size_t>()) {
    out.push_back({pointer, "needs at least " + schema["minProperties"].dump() + " key(s)"});
  }
  for (const auto& [key, value] : instance.items()) {
    const std::string child = childPointer(pointer, key);
    bool described = false;
    if (schema.contains("properties") && schema["properties"].contains(key)) {
      described = true;
      validate(schema["properties"][key], value, child, out);
    }
    if (schema.contains("patternProperties")) {
      for (const auto& [pattern, sub] : schema["patternProperties"].items()) {
        if (!matches(pattern, key)) continue;
        described = true;
        validate(sub, value, child, out);
      }
    }
    if (schema.contains("propertyNames")) {
      std::vector<SchemaViolation> nameProblems;
      validate(schema["propertyNames"], Json(key), child, nameProblems);
      for (auto& problem : nameProblems) {
        out.push_back({child, "the key \"" + key + "\" is not allowed: " + problem.message});
      }
    }
    if (described || !schema.contains("additionalProperties")) continue;
    const Json& additional = schema["additionalProperties"];
    if (additional.is_boolean() && !additional.get<bool>()) {
      std::string known;
      if (schema.contains("properties")) {
        for (const auto& [name, ignored] : schema["properties"].items()) {
          known += (known.empty() ? "" : ", ") + name;
        }
      }
      out.push_back({child, "unknown key \"" + key + "\"" +
                                (known.empty() ? "" : " (expected one of " + known + ")")});
    } else {
      validate(additional, value, child, out);
    }
  }
}

void JsonSchema::Impl::validateArray(const Json& schema, const Json& instance,
                                     const std::string& pointer,
                                     std::vector<SchemaViolation>& out) const {
  if (schema.contains("minItems") && instance.size() < schema["minItems"].get<std::size_t>()) {
    out.push_back({pointer, "needs at least " + schema["minItems"].dump() + " item(s)"});
  }
  if (schema.contains("maxItems") && instance.size() > schema["maxItems"].get<std::size_t>()) {
    out.push_back({pointer, "may hold at most " + schema["maxItems"].dump() + " item(s)"});
  }
  if (schema.value("uniqueItems", false)) {
    for (std::size_t i = 0; i < instance.size(); ++i) {
      for (std::size_t j = i + 1; j < instance.size(); ++j) {
        if (instance[i] == instance[j]) {
          out.push_back({childPointer(pointer, j), shortText(instance[j]) + " is repeated"});
        }
      }
    }
  }
  if (schema.contains("items")) {
    for (std::size_t i = 0; i < instance.size(); ++i) {
      validate(schema["items"], instance[i], childPointer(pointer, i), out);
    }
  }
}

void JsonSchema::Impl::validateString(const Json& schema, const Json& instance,
                                      const std::string& pointer,
                                      std::vector<SchemaViolation>& out) const {
  const std::string& text = instance.get_ref<const std::string&>();
  const std::size_t length = codePoints(text);
  if (schema.contains("minLength") && length < schema["minLength"].get<std::size_t>()) {
    out.push_back({pointer, length == 0 ? "must not be empty"
                                        : "must be at least " + schema["minLength"].dump() +
                                              " characters long"});
  }
  if (schema.contains("maxLength") && length > schema["maxLength"].get<std::size_t>()) {
    out.push_back({pointer, "must be at most " + schema["maxLength"].dump() + " characters long"});
  }
  if (schema.contains("pattern") && !matches(schema["pattern"].get<std::string>(), text)) {
    out.push_back({pointer, shortText(instance) + " does not match " +
                                schema["pattern"].get<std::string>()});
  }
}

void JsonSchema::Impl::validateNumber(const Json& schema, const Json& instance,
                                      const std::string& pointer,
                                      std::vector<SchemaViolation>& out) const {
  const double value = numberOf(instance);
  if (schema.contains("minimum") && value < numberOf(schema["minimum"])) {
    out.push_back({pointer, "must be at least " + numberText(schema["minimum"])});
  }
  if (schema.contains("maximum") && value > numberOf(schema["maximum"])) {
    out.push_back({pointer, "must be at most " + numberText(schema["maximum"])});
  }
  if (schema.contains("exclusiveMinimum") && value <= numberOf(schema["exclusiveMinimum"])) {
    out.push_back({pointer, "must be more than " + numberText(schema["exclusiveMinimum"])});
  }
  if (schema.contains("exclusiveMaximum") && value >= numberOf(schema["exclusiveMaximum"])) {
    out.push_back({pointer, "must be less than " + numberText(schema["exclusiveMaximum"])});
  }
}

// The alternative an instance evidently meant: the only one whose required keys it has all of,
// or else the only one whose type it has.
const Json* JsonSchema::Impl::discriminated(const Json& alternatives, const Json& instance) const {
  const Json* byKeys = nullptr;
  int keyMatches = 0;
  const Json* byType = nullptr;
  int typeMatches = 0;
  for (const Json& alternative : alternatives) {
    const Json* target = &alternative;
    while (target->is_object() && target->contains("$ref")) {
      target = &resolve((*target)["$ref"].get<std::string>(), "");
    }
    if (!target->is_object()) continue;
    if (instance.is_object() && target->contains("required") && !(*target)["required"].empty()) {
      bool all = true;
      for (const Json& name : (*target)["required"]) {
        all = all && instance.contains(name.get<std::string>());
      }
      if (all) {
        byKeys = &alternative;
        ++keyMatches;
      }
    }
    std::vector<SchemaViolation> typeProblems;
    validateType(*target, instance, "", typeProblems);
    if (typeProblems.empty()) {
      byType = &alternative;
      ++typeMatches;
    }
  }
  if (keyMatches == 1) return byKeys;
  if (keyMatches == 0 && typeMatches == 1) return byType;
  return nullptr;
}

std::string JsonSchema::Impl::describe(const Json& alternative) const {
  const Json* target = &alternative;
  while (target->is_object() && target->contains("$ref") && !target->contains("title")) {
    target = &resolve((*target)["$ref"].get<std::string>(), "");
  }
  if (target->is_object() && target->contains("title")) {
    return (*target)["title"].get<std::string>();
  }
  return shortText(*target);
}

void JsonSchema::Impl::validateAlternatives(const Json& schema, const Json& instance,
                                            const std::string& pointer,
                                            std::vector<SchemaViolation>& out) const {
  for (const char* key : {"anyOf", "oneOf"}) {
    if (!schema.contains(key)) continue;
    const Json& alternatives = schema[key];
    int validCount = 0;
    std::string validNames;
    for (const Json& alternative : alternatives) {
      if (!valid(alternative, instance)) continue;
      ++validCount;
      validNames += (validNames.empty() ? "" : "; ") + describe(alternative);
    }
    if (validCount > 1 && std::string_view(key) == "oneOf") {
      out.push_back({pointer, "matches more than one of the allowed forms: " + validNames});
    }
    if (validCount > 0) continue;
    if (const Json* meant = discriminated(alternatives, instance)) {
      validate(*meant, instance, pointer, out);
      continue;
    }
    std::string names;
    for (const Json& alternative : alternatives) {
      names += (names.empty() ? "" : "; ") + describe(alternative);
    }
    out.push_back({pointer, "matches none of the allowed forms: " + names});
  }
}

JsonSchema::JsonSchema(Json schema) : impl_(std::make_unique<Impl>()) {
  impl_->root = std::move(schema);
  impl_->checkSchema(impl_->root, "");
}

JsonSchema::~JsonSchema() = default;
JsonSchema::JsonSchema(JsonSchema&&) noexcept = default;
JsonSchema& JsonSchema::operator=(JsonSchema&&) noexcept = default;

std::vector<SchemaViolation> JsonSchema::validate(const Json& instance) const {
  std::vector<SchemaViolation> out;
  impl_->validate(impl_->root, instance, "", out);
  return out;
}

const Json& JsonSchema::document() const noexcept { return impl_->root; }

}  // namespace atsharp::harness
