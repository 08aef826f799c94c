#pragma once
// The step kinds a suite may use, by name. The engine's own kinds are registered by
// withBuiltins(); other parts of the project (the fixture servers' steps) add theirs with
// add(), each with the capabilities its steps require (fixtures.ftp, ...), so that a case
// using them is skipped, with the reason, on a target that cannot offer them.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "steps/step.hpp"

namespace atsharp::harness {

/// What a step's parser may need besides the step itself.
struct StepParseContext {
  std::filesystem::path folder;          ///< the suite file's folder (payload files)
  const BlockTable* blocks = nullptr;    ///< the blocks the file can call
  SourceLocation where;                  ///< the step's place in its file
  std::string lineEnding = "\r";         ///< what send appends to a command line
};

/// Builds a step of one kind from the value of its key (@p value) and the whole step mapping
/// (@p step, for options of its own such as forbid's `for`). Throws UsageError.
using StepParser = std::function<StepPtr(const nlohmann::json& value, const nlohmann::json& step,
                                         StepCommon common, const StepParseContext& context)>;

class StepRegistry {
 public:
  /// The keys every step may have besides its kind.
  static const std::set<std::string>& commonKeys();

  /// A registry of the engine's kinds: send, expect, expect_final, expect_all, forbid,
  /// capture, send_data, expect_data, close, wait, quiet, inject, call, fail_on.
  static StepRegistry withBuiltins();

  /// Registers @p kind. @p options are the keys its steps may have besides the common ones.
  void add(const std::string& kind, StepParser parser, std::set<std::string> options = {});
  bool has(const std::string& kind) const { return kinds_.count(kind) > 0; }
  /// Declares the variables a capability's service gives a case ({{ftp.host}} for
  /// fixtures.ftp), so that the loader knows them in the cases that require it.
  void offerVariables(const std::string& capability, std::set<std::string> names);
  /// The variables the services of @p capabilities give.
  std::set<std::string> offeredVariables(const std::set<std::string>& capabilities) const;
  std::vector<std::string> kinds() const;

  /// Parses one step mapping. Throws UsageError naming what is wrong.
  StepPtr parse(const nlohmann::json& step, const StepParseContext& context) const;

 private:
  struct Kind {
    StepParser parser;
    std::set<std::string> options;
  };
  std::map<std::string, Kind> kinds_;
  std::map<std::string, std::set<std::string>> offered_;
};

/// The common keys of a step mapping. Throws UsageError.
StepCommon parseStepCommon(const nlohmann::json& step);

}  // namespace atsharp::harness
