#pragma once
// A step of a case: what it is (its kind), what every step may say (timeout, ignore, fail_on,
// mark, after, note), and what it works with while it runs (StepContext). The kinds are
// registered in a StepRegistry, so that steps of other parts of the project (the fixtures'
// steps) plug in without the engine knowing them.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "document/source_location.hpp"
#include "session/module_line.hpp"
#include "steps/case_services.hpp"
#include "steps/failure.hpp"
#include "steps/step_record.hpp"
#include "suite/duration.hpp"
#include "suite/line_pattern.hpp"
#include "suite/template_text.hpp"
#include "targets/radio_control.hpp"
#include "transcript/transcript.hpp"

namespace atsharp::harness {

/// `after: {mark: NAME, min: DURATION, max: DURATION}`: when what the step matched must
/// arrive, counted from a mark, in module time.
struct TimingCheck {
  std::string mark;
  std::optional<Duration> min;
  std::optional<Duration> max;
};

/// What every step may say besides its kind.
struct StepCommon {
  SourceLocation source;
  std::string note;
  std::optional<Duration> timeout;
  std::vector<LinePattern> ignore;
  std::vector<LinePattern> failOn;
  std::string mark;                  ///< names the moment of this step (see StepContext::mark)
  std::optional<TimingCheck> after;
};

class StepContext;

class Step {
 public:
  explicit Step(StepCommon common) : common_(std::move(common)) {}
  virtual ~Step() = default;
  Step(const Step&) = delete;
  Step& operator=(const Step&) = delete;

  const StepCommon& common() const noexcept { return common_; }
  /// The kind's name, as a suite writes it: "send".
  virtual std::string_view kind() const noexcept = 0;
  /// What the step does, in a few words, for progress output and reports.
  virtual std::string summary() const = 0;
  /// Runs the step. Throws StepFailure (after filling the record's expected and diff).
  virtual void run(StepContext& context) const = 0;
  /// Adds the capabilities the step needs of a target (inject: radio-control).
  virtual void addRequirements(std::set<std::string>& /*capabilities*/) const {}
  /// Adds the variables the step reads and those it defines (capture), for --check.
  virtual void addVariables(std::set<std::string>& /*reads*/,
                            std::set<std::string>& /*defines*/) const {}

 private:
  StepCommon common_;
};

using StepPtr = std::shared_ptr<const Step>;

/// A named list of steps that `call` runs (a suite's or an imported file's `blocks`).
struct Block {
  std::string name;
  SourceLocation source;
  std::vector<StepPtr> steps;
};
using BlockTable = std::map<std::string, std::shared_ptr<const Block>, std::less<>>;

/// How the target's time relates to real time, and the defaults of waiting.
struct Timing {
  double timeScale = 1.0;                        ///< real seconds per module second
  Clock::duration margin = std::chrono::seconds(3);  ///< added to every step timeout, unscaled
  Duration defaultTimeout{10, false};            ///< a step's timeout when it gives none
  /// How long the line may still bring something after a case's last step before the harness
  /// looks for lines nobody expected.
  Clock::duration settle = std::chrono::milliseconds(20);
};

/// What lives through one case.
struct CaseState {
  Vars vars;
  std::vector<LinePattern> armedFailOn;  ///< added by fail_on steps
  std::map<std::string, Clock::time_point, std::less<>> marks;
};

/// Runs the steps of a block for a call step.
using BlockRunner = std::function<void(const Block& block, const Vars& arguments,
                                       const SourceLocation& callSite)>;

/// What a running step works with.
class StepContext {
 public:
  StepContext(ModuleLine& line, Transcript& transcript, CaseState& state, const Timing& timing,
              RadioControl* radio, const CaseServices& services,
              const std::vector<LinePattern>& ignore, const std::vector<LinePattern>& failOn,
              StepRecord& record, const Step& step, BlockRunner runBlock);

  ModuleLine& line;
  Transcript& transcript;
  CaseState& state;
  const Timing& timing;
  RadioControl* radio;
  /// The case's services (fixtures), for the steps that need them.
  const CaseServices& services;
  StepRecord& record;
  const Step& step;
  BlockRunner runBlock;

  Vars& vars() noexcept { return state.vars; }
  /// The step's timeout (or the default) in real time: scaled, plus the target's margin.
  Clock::duration timeout() const;
  Deadline deadline() const { return Clock::now() + timeout(); }
  /// The unsolicited lines that may pass: the suite's and case's, and the step's own.
  std::vector<ResolvedPattern> ignorePatterns() const;
  /// The lines that fail the step at once: the suite's and case's, fail_on steps', the step's.
  std::vector<ResolvedPattern> failOnPatterns() const;
  /// Records the step's mark (when it has one) at @p at.
  void mark(Clock::time_point at);
  /// Checks the step's `after` for something that arrived at @p at; throws StepFailure.
  void checkTiming(Clock::time_point at);
  /// Module seconds between two moments, at the target's time scale.
  double moduleSeconds(Clock::duration realTime) const;

 private:
  const std::vector<LinePattern>& baseIgnore_;
  const std::vector<LinePattern>& baseFailOn_;
};

}  // namespace atsharp::harness
