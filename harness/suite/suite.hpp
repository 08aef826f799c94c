#pragma once
// A suite as loaded: the spec section it replays, what it requires of a target, its defaults,
// its blocks, and its cases with their steps. See suites/README.md for the format.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "document/source_location.hpp"
#include "steps/step.hpp"
#include "suite/duration.hpp"
#include "suite/line_pattern.hpp"
#include "suite/template_text.hpp"

namespace atsharp::harness {

/// The place in the spec a suite or case replays. A case names rows of the spec by their ids
/// in suites/coverage/spec-rows.yaml ("5.4.2/otcp-dns-failure"); a suite names a section.
struct SpecReference {
  std::string document;  ///< "WM_ASW_OAT_UGD_011-004" unless the suite says otherwise
  std::string section;   ///< "5.4.2" (a row's: the part of its id before the '/')
  std::string row;       ///< the row's id, empty for a suite's section
};

inline constexpr const char* kSpecDocument = "WM_ASW_OAT_UGD_011-004";

struct SuiteDefaults {
  std::optional<Duration> timeout;  ///< a step's timeout when it gives none
  std::string lineEnding = "\r";    ///< what send appends to a command line (S3)
  /// Whether the module echoes at the start of a case; unset: as the target says (ATE1 for a
  /// fresh or reset module).
  std::optional<bool> echo;
  std::vector<LinePattern> ignore;  ///< unsolicited lines every step lets pass
  std::vector<LinePattern> failOn;  ///< lines that fail any step at once
};

struct CaseSpec {
  std::string id;
  std::string title;
  SourceLocation source;
  std::vector<SpecReference> spec;
  std::vector<std::string> tags;
  /// The capabilities the case needs: its own, the suite's, and those its steps imply.
  std::set<std::string> requirements;
  /// One set of values per run of the case; empty: the case runs once.
  std::vector<Vars> params;
  std::optional<std::string> xfail;  ///< the reason the case is expected to fail
  Vars vars;
  std::vector<LinePattern> ignore;
  std::vector<LinePattern> failOn;
  nlohmann::json scenario;  ///< the suite's scenario with the case's over it (null: none)
  std::vector<StepPtr> steps;
};

struct Suite {
  std::string name;  ///< "harness/data_mode": the file's path under its root, without .yaml
  std::string file;  ///< the file, as reports name it
  std::string title;
  std::string description;
  SpecReference spec;
  std::set<std::string> requirements;
  std::vector<std::string> tags;
  Vars vars;
  SuiteDefaults defaults;
  nlohmann::json scenario;
  /// The blocks the suite can call; the tables of imported files are kept alive here.
  std::shared_ptr<BlockTable> blocks;
  std::vector<std::shared_ptr<BlockTable>> importedBlocks;
  std::vector<StepPtr> setup;
  std::vector<StepPtr> teardown;
  std::vector<CaseSpec> cases;
};

/// A row id: "5.4.2/otcp-dns-failure", of section 5.4.2.
SpecReference rowSpec(const std::string& id, const std::string& document);

/// The rows one run of @p spec covers: its row ids with the run's variables (@p params, the
/// case's and the suite's vars) put in. Throws UnknownVariable.
std::vector<SpecReference> specOfRun(const Suite& suite, const CaseSpec& spec,
                                     const Vars& params);

/// The variables every case has: target, time_scale, suite, case, and those of the module
/// (module_ip, module_gsm_ip, gateway_ip, gsm_peer_ip) when the target knows them.
const std::set<std::string>& builtinVariables();

/// The capabilities a suite may require.
const std::set<std::string>& knownCapabilities();

}  // namespace atsharp::harness
