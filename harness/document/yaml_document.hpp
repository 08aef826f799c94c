#pragma once
// A YAML file read as JSON, with the source location of every value: suites and benches are
// written in YAML, validated against a JSON Schema, and every message about them names the
// file and line.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "atsharp/error.hpp"
#include "document/source_location.hpp"

namespace atsharp::harness {

/// A file that is not well-formed YAML, or that YAML cannot turn into JSON (a mapping key that
/// is not a scalar, a key given twice, several documents in one file).
class DocumentError : public Error {
 public:
  DocumentError(SourceLocation where, const std::string& what);
  const SourceLocation& where() const noexcept { return where_; }
  /// The message without the location.
  const std::string& problem() const noexcept { return problem_; }

 private:
  SourceLocation where_;
  std::string problem_;
};

/// One YAML document as JSON.
///
/// Plain scalars are resolved by the YAML 1.2 core schema (null, true/false, integers in
/// decimal, 0o octal and 0x hex, floats, .inf, .nan), so `timeout: 5` is a number and
/// `expect: OK` a string; a quoted scalar or one tagged `!!str` is always a string
/// (`expect: "0"`).
struct YamlDocument {
  nlohmann::json root;
  /// The location of the value at each JSON pointer ("" is the root, "/cases/0/steps/2").
  std::map<std::string, SourceLocation> locations;

  /// The location of the value at @p pointer, or of its nearest ancestor that has one.
  SourceLocation at(std::string_view pointer) const;
};

/// Reads @p text; @p fileName names it in locations and errors. Throws DocumentError.
YamlDocument parseYamlDocument(std::string_view text, const std::string& fileName);

/// Reads the file @p path (named @p displayName in locations). Throws DocumentError, also when
/// the file cannot be read.
YamlDocument loadYamlDocument(const std::filesystem::path& path, const std::string& displayName);

/// The JSON pointer of @p key under @p parent, with ~ and / escaped (RFC 6901).
std::string childPointer(std::string_view parent, std::string_view key);
/// The JSON pointer of item @p index under @p parent.
std::string childPointer(std::string_view parent, std::size_t index);

}  // namespace atsharp::harness
