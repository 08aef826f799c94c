// YAML read as JSON with locations: the YAML 1.2 core schema decides what a plain scalar is,
// quotes keep a string a string, and every value knows its line.

#include <doctest/doctest.h>

#include "document/yaml_document.hpp"
#include "random.hpp"

namespace atsharp::harness {
namespace {

TEST_SUITE_BEGIN("harness");

using Json = nlohmann::json;

TEST_CASE("plain scalars follow the YAML 1.2 core schema") {
  const YamlDocument doc = parseYamlDocument(
      "a: 5\nb: -12\nc: 0x1f\nd: 0o17\ne: 1.5\nf: true\ng: False\nh: ~\ni:\nj: OK\nk: yes\n"
      "l: .inf\nm: 1e3\n",
      "t.yaml");
  CHECK(doc.root["a"] == Json(5));
  CHECK(doc.root["b"] == Json(-12));
  CHECK(doc.root["c"] == Json(31));
  CHECK(doc.root["d"] == Json(15));
  CHECK(doc.root["e"] == Json(1.5));
  CHECK(doc.root["f"] == Json(true));
  CHECK(doc.root["g"] == Json(false));
  CHECK(doc.root["h"].is_null());
  CHECK(doc.root["i"].is_null());
  CHECK(doc.root["j"] == Json("OK"));
  CHECK(doc.root["k"] == Json("yes"));  // YAML 1.1's boolean words are strings in 1.2
  CHECK(doc.root["l"].get<double>() > 1e308);
  CHECK(doc.root["m"] == Json(1000.0));
}

TEST_CASE("quoted and tagged scalars stay strings") {
  const YamlDocument doc =
      parseYamlDocument("a: \"0\"\nb: '5'\nc: !!str 7\nd: \"\\r\\x03\"\n", "t.yaml");
  CHECK(doc.root["a"] == Json("0"));
  CHECK(doc.root["b"] == Json("5"));
  CHECK(doc.root["c"] == Json("7"));
  CHECK(doc.root["d"] == Json(std::string("\r\x03")));
}

TEST_CASE("every value has its line and column") {
  const YamlDocument doc = parseYamlDocument(
      "cases:\n  - id: one\n    steps:\n      - send: AT\n      - expect: OK\n", "s.yaml");
  CHECK(doc.at("/cases/0/steps/1").text() == "s.yaml:5:9");
  CHECK(doc.at("/cases/0/steps/1/expect").text() == "s.yaml:5:17");
  CHECK(doc.at("/cases/0/id").line == 2);
  // A pointer with no value of its own gives its nearest ancestor's place: the list's.
  CHECK(doc.at("/cases/0/steps/7/send").text() == "s.yaml:4:7");
}

TEST_CASE("keys with a slash or a tilde are escaped in pointers") {
  const YamlDocument doc = parseYamlDocument("\"a/b\": 1\n\"c~d\": 2\n", "t.yaml");
  CHECK(doc.locations.count("/a~1b") == 1);
  CHECK(doc.locations.count("/c~0d") == 1);
}

TEST_CASE("a key given twice is an error at its second place") {
  try {
    parseYamlDocument("a: 1\nb: 2\na: 3\n", "t.yaml");
    FAIL("no error");
  } catch (const DocumentError& error) {
    CHECK(error.where().text() == "t.yaml:3:1");
    CHECK(error.problem() == "key \"a\" is given twice");
  }
}

TEST_CASE("malformed YAML is an error with its place") {
  try {
    parseYamlDocument("a: [1, 2\nb: 3\n", "bad.yaml");
    FAIL("no error");
  } catch (const DocumentError& error) {
    CHECK(error.where().file == "bad.yaml");
    CHECK(error.where().line > 0);
  }
}

TEST_CASE("one document per file") {
  CHECK_THROWS_AS(parseYamlDocument("a: 1\n---\nb: 2\n", "t.yaml"), DocumentError);
  CHECK(parseYamlDocument("", "t.yaml").root.is_null());
}

TEST_CASE("a mapping key must be a scalar") {
  CHECK_THROWS_AS(parseYamlDocument("? [1, 2]\n: 3\n", "t.yaml"), DocumentError);
}

TEST_CASE("aliases cannot make a document endless") {
  // An alias of its own ancestor, and the billion laughs: refused, not followed.
  CHECK_THROWS_AS(parseYamlDocument("a: &x [*x]\n", "t.yaml"), DocumentError);
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    const char previous = static_cast<char>(level - 1);
    laughs += std::string(1, level) + ": &" + level + " [*" + previous + ", *" + previous + ", *" +
              previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous +
              ", *" + previous + ", *" + previous + ", *" + previous + "]\n";
  }
  CHECK_THROWS_AS(parseYamlDocument(laughs, "laughs.yaml"), DocumentError);
  // An ordinary alias is fine.
  CHECK(parseYamlDocument("a: &x {k: 1}\nb: *x\n", "t.yaml").root["b"]["k"] == 1);
}

TEST_CASE("arbitrary text never crashes the reader") {
  ATSHARP_SEED_INFO();
  auto generator = test::rng(71);
  const std::string alphabet = "ab:- \n\t[]{}'\"#&*!|>%@`,?~0123456789.\\";
  for (int round = 0; round < 500; ++round) {
    const Bytes picks = test::randomBytesFrom(
        generator, 60, std::span<const Byte>(reinterpret_cast<const Byte*>(alphabet.data()), alphabet.size()));
    try {
      parseYamlDocument(asString(picks), "random.yaml");
    } catch (const DocumentError&) {
      // A refusal with its place is the right answer to nonsense.
    }
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness
