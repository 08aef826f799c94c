#pragma once
// Regular expressions (ECMAScript syntax, std::regex) behind a small class: suites match lines
// with them, and this is the one file of the harness that instantiates std::regex (see the
// note on GCC 12 in harness/CMakeLists.txt).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atsharp::harness {

class Regex {
 public:
  /// Compiles @p pattern. Throws UsageError saying why it does not compile.
  explicit Regex(const std::string& pattern);

  /// Whether the whole of @p text matches.
  bool matches(std::string_view text) const;
  /// Whether some part of @p text matches.
  bool search(std::string_view text) const;
  /// The groups of a whole match of @p text: [0] the match, [i] group i ("" when it took
  /// no part); nothing when @p text does not match.
  std::optional<std::vector<std::string>> groups(std::string_view text) const;
  /// How many groups the expression has.
  std::size_t groupCount() const;
  const std::string& pattern() const noexcept { return pattern_; }

 private:
  struct Compiled;
  std::string pattern_;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace atsharp::harness
