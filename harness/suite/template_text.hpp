#pragma once
// Text with {{name}} references to variables: suite and case vars, params, the target's
// values (module_ip, ...), the bench's (bench.apn, ...) and what capture steps captured.
// Literal parts and values are bytes (see text/latin1_text.hpp).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/error.hpp"

namespace atsharp::harness {

/// Variable values by name, as bytes.
using Vars = std::map<std::string, std::string, std::less<>>;

/// A reference to a variable that has no value where the text is used.
class UnknownVariable : public Error {
 public:
  explicit UnknownVariable(const std::string& name)
      : Error("no variable \"" + name + "\" is defined here"), name_(name) {}
  const std::string& name() const noexcept { return name_; }

 private:
  std::string name_;
};

/// How a value is put into the text.
enum class Insert {
  AsIs,          ///< the value's bytes
  RegexLiteral,  ///< escaped, so that a regular expression matches the value literally
};

class TemplateText {
 public:
  TemplateText() = default;
  /// Parses @p bytes (already Latin-1): `{{ name }}` (spaces optional) is a reference; names
  /// are letters, digits, `_`, `.` and `-`, not starting with a digit. Throws UsageError for
  /// an unclosed `{{` or a malformed name.
  explicit TemplateText(std::string bytes);

  /// The text with every reference replaced. Throws UnknownVariable.
  std::string render(const Vars& vars, Insert insert = Insert::AsIs) const;
  /// The names referenced, in order.
  std::vector<std::string> names() const;
  /// As written in the suite.
  const std::string& source() const noexcept { return source_; }
  bool hasReferences() const noexcept;

 private:
  struct Part {
    bool reference;
    std::string text;  // literal bytes, or the name
  };
  std::string source_;
  std::vector<Part> parts_;
};

/// @p text with every character a regular expression gives a meaning to escaped.
std::string escapeRegex(std::string_view text);

}  // namespace atsharp::harness
