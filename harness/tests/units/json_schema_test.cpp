// The small JSON Schema validator: each keyword it implements, the messages it gives, and its
// refusal of keywords it does not implement.

#include <doctest/doctest.h>

#include <fstream>

#include "atsharp/error.hpp"
#include "schema/json_schema.hpp"

namespace atsharp::harness {
namespace {

TEST_SUITE_BEGIN("harness");

using Json = nlohmann::json;

std::vector<std::string> problems(const Json& schema, const Json& instance) {
  std::vector<std::string> out;
  for (const SchemaViolation& violation : JsonSchema(schema).validate(instance)) {
    out.push_back(violation.pointer + " " + violation.message);
  }
  return out;
}

TEST_CASE("type") {
  CHECK(problems(Json{{"type", "string"}}, "x").empty());
  CHECK(problems(Json{{"type", "string"}}, 5) ==
        std::vector<std::string>{" must be of type string, not an integer"});
  CHECK(problems(Json{{"type", "integer"}}, 5.0).empty());
  CHECK(problems(Json{{"type", "integer"}}, 5.5).size() == 1);
  CHECK(problems(Json{{"type", Json::array({"string", "null"})}}, nullptr).empty());
  CHECK(problems(Json{{"type", Json::array({"string", "null"})}}, true).size() == 1);
}

TEST_CASE("enum and const") {
  CHECK(problems(Json{{"enum", {"dle", "raw"}}}, "raw").empty());
  CHECK(problems(Json{{"enum", {"dle", "raw"}}}, "x") ==
        std::vector<std::string>{" \"x\" is not one of \"dle\", \"raw\""});
  CHECK(problems(Json{{"const", 1}}, 1.0).empty());
  CHECK(problems(Json{{"const", true}}, false) == std::vector<std::string>{" must be true"});
}

TEST_CASE("object keywords") {
  const Json schema{{"type", "object"},
                    {"required", {"a"}},
                    {"properties", {{"a", {{"type", "integer"}}}}},
                    {"patternProperties", {{"^x-", {{"type", "string"}}}}},
                    {"additionalProperties", false},
                    {"minProperties", 1}};
  CHECK(problems(schema, Json{{"a", 1}, {"x-y", "z"}}).empty());
  CHECK(problems(schema, Json::object()) ==
        std::vector<std::string>{" needs the key \"a\"", " needs at least 1 key(s)"});
  CHECK(problems(schema, Json{{"a", 1}, {"b", 2}}) ==
        std::vector<std::string>{"/b unknown key \"b\" (expected one of a)"});
  CHECK(problems(schema, Json{{"a", 1}, {"x-y", 2}}) ==
        std::vector<std::string>{"/x-y must be of type string, not an integer"});
  const Json names{{"propertyNames", {{"pattern", "^[a-z]+$"}}}};
  CHECK(problems(names, Json{{"ok", 1}}).empty());
  CHECK(problems(names, Json{{"NO", 1}}).size() == 1);
  const Json additional{{"additionalProperties", {{"type", "string"}}}};
  CHECK(problems(additional, Json{{"a", "b"}}).empty());
  CHECK(problems(additional, Json{{"a", 1}}).size() == 1);
}

TEST_CASE("array keywords") {
  const Json schema{{"type", "array"},
                    {"items", {{"type", "integer"}}},
                    {"minItems", 1},
                    {"maxItems", 3},
                    {"uniqueItems", true}};
  CHECK(problems(schema, Json{1, 2}).empty());
  CHECK(problems(schema, Json::array()) == std::vector<std::string>{" needs at least 1 item(s)"});
  CHECK(problems(schema, Json{1, 2, 3, 4}) == std::vector<std::string>{" may hold at most 3 item(s)"});
  CHECK(problems(schema, Json{1, 1}) == std::vector<std::string>{"/1 1 is repeated"});
  CHECK(problems(schema, Json{1, "a"}) ==
        std::vector<std::string>{"/1 must be an integer, not a string"});
}

TEST_CASE("string keywords count characters and not bytes") {
  const Json schema{{"type", "string"}, {"minLength", 2}, {"maxLength", 3}, {"pattern", "^a"}};
  CHECK(problems(schema, "ab").empty());
  CHECK(problems(schema, "a\xc3\xa9").empty());  // two characters, three bytes
  CHECK(problems(schema, "a").size() == 1);
  CHECK(problems(schema, "abcd").size() == 1);
  CHECK(problems(schema, "ba") == std::vector<std::string>{" \"ba\" does not match ^a"});
  CHECK(problems(Json{{"minLength", 1}}, "") == std::vector<std::string>{" must not be empty"});
}

TEST_CASE("patterns are searched and not anchored") {
  CHECK(problems(Json{{"pattern", "b"}}, "abc").empty());
}

TEST_CASE("number keywords") {
  const Json schema{{"minimum", 0}, {"maximum", 10}, {"exclusiveMinimum", -1}, {"exclusiveMaximum", 11}};
  CHECK(problems(schema, 0).empty());
  CHECK(problems(schema, 10.0).empty());
  CHECK(problems(schema, -0.5) == std::vector<std::string>{" must be at least 0"});
  CHECK(problems(Json{{"exclusiveMinimum", 0}}, 0) == std::vector<std::string>{" must be more than 0"});
  CHECK(problems(Json{{"exclusiveMaximum", 5}}, 5) == std::vector<std::string>{" must be less than 5"});
}

TEST_CASE("allOf anyOf oneOf and not") {
  const Json string{{"type", "string"}};
  const Json number{{"type", "number"}};
  CHECK(problems(Json{{"anyOf", {string, number}}}, 1).empty());
  CHECK(problems(Json{{"anyOf", {string, number}}}, true).size() == 1);
  CHECK(problems(Json{{"oneOf", {number, Json{{"type", "integer"}}}}}, 1.5).empty());
  CHECK(problems(Json{{"oneOf", {number, Json{{"type", "integer"}}}}}, 1) ==
        std::vector<std::string>{
            " matches more than one of the allowed forms: {\"type\":\"number\"}; {\"type\":\"integer\"}"});
  CHECK(problems(Json{{"allOf", {string, Json{{"minLength", 2}}}}}, "a").size() == 1);
  CHECK(problems(Json{{"not", string}}, "a").size() == 1);
  CHECK(problems(Json{{"not", string}}, 1).empty());
}

TEST_CASE("a failed oneOf reports the alternative the required keys point at") {
  const Json schema = Json::parse(R"({
    "oneOf": [
      {"$ref": "#/$defs/send"},
      {"$ref": "#/$defs/wait"}
    ],
    "$defs": {
      "send": {"type": "object", "required": ["send"], "additionalProperties": false,
               "properties": {"send": {"type": "string"}}},
      "wait": {"type": "object", "required": ["wait"], "additionalProperties": false,
               "properties": {"wait": {"type": "number"}}}
    }
  })");
  CHECK(problems(schema, Json{{"send", 5}}) ==
        std::vector<std::string>{"/send must be of type string, not an integer"});
  const auto none = problems(schema, Json{{"sned", "AT"}});
  REQUIRE(none.size() == 1);
  CHECK(none[0].rfind(" matches none of the allowed forms: ", 0) == 0);
}

TEST_CASE("titles name the alternatives in messages") {
  const Json schema = Json::parse(R"({"anyOf": [
      {"title": "a string", "type": "string"}, {"title": "a list", "type": "array"}]})");
  CHECK(problems(schema, 5) ==
        std::vector<std::string>{" matches none of the allowed forms: a string; a list"});
}

TEST_CASE("boolean schemas") {
  CHECK(problems(Json{{"properties", {{"a", true}}}}, Json{{"a", 1}}).empty());
  CHECK(problems(Json{{"properties", {{"a", false}}}}, Json{{"a", 1}}) ==
        std::vector<std::string>{"/a no value is allowed here"});
}

TEST_CASE("a keyword the validator does not implement is refused") {
  CHECK_THROWS_AS(JsonSchema(Json{{"if", {{"type", "string"}}}}), UsageError);
  CHECK_THROWS_AS(JsonSchema(Json{{"properties", {{"a", {{"format", "email"}}}}}}), UsageError);
  CHECK_THROWS_AS(JsonSchema(Json{{"$ref", "#/$defs/missing"}}), UsageError);
  CHECK_THROWS_AS(JsonSchema(Json{{"$ref", "other.json#/x"}}), UsageError);
  CHECK_THROWS_AS(JsonSchema(Json{{"pattern", "("}}), UsageError);
  CHECK_NOTHROW(JsonSchema(Json{{"title", "t"}, {"description", "d"}, {"default", 1},
                                {"examples", {1}}, {"$comment", "c"}}));
}

TEST_CASE("the project's schemas are within what the validator implements") {
  // Loading them is the check: an unsupported keyword throws.
  for (const char* file : {"suites/schema.json", "suites/bench.schema.json", "reports/schema.json"}) {
    CAPTURE(file);
    std::ifstream in(std::string(ATSHARP_SOURCE_DIR) + "/" + file);
    REQUIRE(in);
    CHECK_NOTHROW(JsonSchema(Json::parse(in)));
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness
