// YAML to JSON with locations. yaml-cpp gives every scalar as text; the YAML 1.2 core schema
// decides what a plain scalar is, so that the JSON Schema sees numbers and booleans where the
// author wrote them and strings where the author quoted.

#include "document/yaml_document.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cstdlib>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

#include "text/regex.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

SourceLocation locationOf(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return SourceLocation{file, 0, 0};
  return SourceLocation{file, mark.line + 1, mark.column + 1};
}

bool isOneOf(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* word : words) {
    if (text == word) return true;
  }
  return false;
}

std::optional<Json> integerOf(const std::string& text) {
  static const Regex decimal("[-+]?[0-9]+");
  static const Regex octal("0o[0-7]+");
  static const Regex hex("0x[0-9a-fA-F]+");
  int base = 10;
  std::string digits = text;
  if (octal.matches(text)) {
    base = 8;
    digits = text.substr(2);
  } else if (hex.matches(text)) {
    base = 16;
    digits = text.substr(2);
  } else if (!decimal.matches(text)) {
    return std::nullopt;
  }
  if (!digits.empty() && digits.front() == '+') digits.erase(0, 1);
  std::int64_t value = 0;
  const auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (error != std::errc() || end != digits.data() + digits.size()) {
    // Beyond 64 bits: still a number, as a float (a schema range check refuses it).
    return Json(std::strtod(text.c_str(), nullptr));
  }
  return Json(value);
}

std::optional<Json> floatOf(const std::string& text) {
  static const Regex number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (number.matches(text)) return Json(std::strtod(text.c_str(), nullptr));
  if (isOneOf(text, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
    return Json(std::numeric_limits<double>::infinity());
  }
  if (isOneOf(text, {"-.inf", "-.Inf", "-.INF"})) {
    return Json(-std::numeric_limits<double>::infinity());
  }
  if (isOneOf(text, {".nan", ".NaN", ".NAN"})) return Json(std::nan(""));
  return std::nullopt;
}

// The YAML 1.2 core schema's resolution of a plain scalar.
Json resolvePlainScalar(const std::string& text) {
  if (isOneOf(text, {"", "~", "null", "Null", "NULL"})) return Json(nullptr);
  if (isOneOf(text, {"true", "True", "TRUE"})) return Json(true);
  if (isOneOf(text, {"false", "False", "FALSE"})) return Json(false);
  if (auto integer = integerOf(text)) return *integer;
  if (auto real = floatOf(text)) return *real;
  return Json(text);
}

bool isPlain(const YAML::Node& node) { return node.Tag() == "?" || node.Tag().empty(); }

class Converter {
 public:
  Converter(std::string file, YamlDocument& document)
      : file_(std::move(file)), document_(document) {}

  Json convert(const YAML::Node& node, const std::string& pointer) {
    // An alias may point at its own ancestor, or repeat a large part many times: bounds keep
    // such a file from taking the harness's memory.
    if (++nodes_ > kMaxNodes || depth_ >= kMaxDepth) {
      throw DocumentError(locationOf(node.Mark(), file_),
                          "the document is too large or nests too deep (an alias of its own "
                          "ancestor?)");
    }
    struct Nesting {
      int& depth;
      explicit Nesting(int& value) : depth(++value) {}
      ~Nesting() { --depth; }
    } nesting(depth_);
    document_.locations[pointer] = locationOf(node.Mark(), file_);
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return Json(nullptr);
      case YAML::NodeType::Scalar:
        return isPlain(node) ? resolvePlainScalar(node.Scalar()) : Json(node.Scalar());
      case YAML::NodeType::Sequence:
        return convertSequence(node, pointer);
      case YAML::NodeType::Map:
        return convertMap(node, pointer);
    }
    return Json(nullptr);
  }

 private:
  Json convertSequence(const YAML::Node& node, const std::string& pointer) {
    Json array = Json::array();
    std::size_t index = 0;
    for (const YAML::Node& item : node) {
      array.push_back(convert(item, childPointer(pointer, index++)));
    }
    return array;
  }

  Json convertMap(const YAML::Node& node, const std::string& pointer) {
    Json object = Json::object();
    std::set<std::string> seen;
    for (const auto& entry : node) {
      const YAML::Node& key = entry.first;
      if (key.Type() != YAML::NodeType::Scalar) {
        throw DocumentError(locationOf(key.Mark(), file_), "a mapping key must be a plain value");
      }
      const std::string name = key.Scalar();
      if (!seen.insert(name).second) {
        throw DocumentError(locationOf(key.Mark(), file_), "key \"" + name + "\" is given twice");
      }
      const std::string child = childPointer(pointer, name);
      Json value = convert(entry.second, child);
      // A key without a value has no mark of its own: point at the key.
      if (entry.second.Mark().is_null()) {
        document_.locations[child] = locationOf(key.Mark(), file_);
      }
      object[name] = std::move(value);
    }
    return object;
  }

  static constexpr int kMaxDepth = 64;
  static constexpr std::size_t kMaxNodes = 200000;

  std::string file_;
  YamlDocument& document_;
  int depth_ = 0;
  std::size_t nodes_ = 0;
};

// yaml-cpp's events, ignored: only the number of documents matters here.
struct IgnoredEvents final : YAML::EventHandler {
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// How many documents @p text holds, counting to 2 at most. yaml-cpp 0.7's LoadAll never ends on
// some malformed input (a lone ","): its parser reports a new document without moving on, so
// the documents are counted with a bound, and the first is read by Load.
std::size_t documentsIn(const std::string& text) {
  std::istringstream input(text);
  YAML::Parser parser(input);
  IgnoredEvents events;
  std::size_t count = 0;
  while (count < 2 && parser.HandleNextDocument(events)) ++count;
  return count;
}

}  // namespace

DocumentError::DocumentError(SourceLocation where, const std::string& what)
    : Error(where.text() + ": " + what), where_(std::move(where)), problem_(what) {}

SourceLocation YamlDocument::at(std::string_view pointer) const {
  std::string path(pointer);
  while (true) {
    if (auto found = locations.find(path); found != locations.end()) return found->second;
    if (path.empty()) return SourceLocation{};
    path.erase(path.rfind('/'));
  }
}

std::string childPointer(std::string_view parent, std::string_view key) {
  std::string out(parent);
  out += '/';
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string childPointer(std::string_view parent, std::size_t index) {
  return std::string(parent) + "/" + std::to_string(index);
}

YamlDocument parseYamlDocument(std::string_view text, const std::string& fileName) {
  const std::string source(text);
  YAML::Node root;
  try {
    if (documentsIn(source) > 1) {
      throw DocumentError(SourceLocation{fileName, 0, 0},
                          "a file holds one YAML document, this one more (a '---' or a stray ',' "
                          "at its top level?)");
    }
    root = YAML::Load(source);
  } catch (const YAML::Exception& bad) {
    throw DocumentError(locationOf(bad.mark, fileName), bad.msg);
  }
  YamlDocument document;
  if (!root.IsDefined() || root.IsNull()) {
    document.root = nullptr;
    document.locations[""] = SourceLocation{fileName, 1, 1};
    if (!root.IsDefined()) return document;
  }
  Converter converter(fileName, document);
  try {
    document.root = converter.convert(root, "");
  } catch (const YAML::Exception& bad) {
    throw DocumentError(locationOf(bad.mark, fileName), bad.msg);
  }
  return document;
}

YamlDocument loadYamlDocument(const std::filesystem::path& path, const std::string& displayName) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DocumentError(SourceLocation{displayName, 0, 0}, "cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return parseYamlDocument(text.str(), displayName);
}

}  // namespace atsharp::harness
