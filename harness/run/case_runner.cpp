#include "run/case_runner.hpp"

#include <deque>
#include <thread>
#include <sstream>

#include "atsharp/error.hpp"
#include "run/module_reset.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness {
namespace {

/// Unwinds the steps after the first failure has been recorded.
struct StepsStopped {};

/// How long to wait before opening a line again that was still taken.
constexpr auto kReopenPause = std::chrono::milliseconds(200);

std::string missingCapabilities(const std::set<std::string>& needed,
                                const std::set<std::string>& offered) {
  std::string missing;
  for (const std::string& capability : needed) {
    if (!offered.count(capability)) missing += (missing.empty() ? "" : ", ") + capability;
  }
  return missing;
}

std::string scaleText(double scale) {
  std::ostringstream out;
  out << scale;
  return out.str();
}

// One case in progress: the module, the line, the state, the records.
class CaseRun {
 public:
  CaseRun(const CaseInstance& instance, CaseModule& module, const CaseServices& services,
          Transcript& transcript, const Timing& timing, bool echoAtStart)
      : instance_(instance),
        module_(module),
        services_(services),
        transcript_(transcript),
        timing_(timing),
        line_(module.line(), transcript, LineSettings{}) {
    line_.settings().echo = instance.suite->defaults.echo.value_or(echoAtStart);
    ignore_ = instance.suite->defaults.ignore;
    ignore_.insert(ignore_.end(), instance.spec->ignore.begin(), instance.spec->ignore.end());
    failOn_ = instance.suite->defaults.failOn;
    failOn_.insert(failOn_.end(), instance.spec->failOn.begin(), instance.spec->failOn.end());
    timing_.defaultTimeout = instance.suite->defaults.timeout.value_or(timing.defaultTimeout);
  }

  ModuleLine& line() { return line_; }
  std::deque<StepRecord>& records() { return records_; }
  const std::optional<CaseFailure>& failure() const { return failure_; }

  void setVariables(Vars vars) { state_.vars = std::move(vars); }

  void fail(CaseFailure failure) {
    if (!failure_) failure_ = std::move(failure);
  }

  /// Runs @p steps as @p phase; false when one failed (the steps after it are not run).
  bool runPhase(const std::vector<StepPtr>& steps, const std::string& phase) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
      try {
        runStep(*steps[i], phase, {});
      } catch (const StepsStopped&) {
        skipPhase(steps, phase, i + 1);
        return false;
      }
    }
    return true;
  }

  /// Records @p steps from @p first on as not run.
  void skipPhase(const std::vector<StepPtr>& steps, const std::string& phase,
                 std::size_t first = 0) {
    for (std::size_t i = first; i < steps.size(); ++i) {
      StepRecord& record = records_.emplace_back();
      record.index = static_cast<int>(records_.size()) - 1;
      record.phase = phase;
      record.kind = std::string(steps[i]->kind());
      record.source = steps[i]->common().source;
      record.note = steps[i]->common().note;
      record.summary = steps[i]->summary();
      record.status = StepStatus::NotRun;
    }
  }

  /// After a failure: what the module still sends is passed over, so that the teardown starts
  /// on a quiet line.
  void drain() {
    line_.awaitQuiet(std::chrono::milliseconds(50), Clock::now() + std::chrono::seconds(1));
    line_.discardReceived(EntryKind::Discarded);
  }

  /// After the last step: lines nobody expected fail the case (unsolicited ones pass).
  void checkNothingLeft() {
    std::this_thread::sleep_for(timing_.settle);
    StepRecord& record = newRecord("end", "end");
    record.summary = "nothing more comes";
    record.source = instance_.spec->source;
    const bool numeric = !line_.settings().verbose;
    const std::vector<ResolvedPattern> ignore = resolveAll(ignore_, state_.vars);
    std::vector<std::string> unexpected;
    for (const ReceivedLine& received : line_.availableLines()) {
      const bool ignored = firstMatch(ignore, received.text, numeric) != nullptr;
      if (!unexpected.empty() || !ignored) {
        unexpected.push_back(asString(line_.bytes(received.begin, received.end)));
      }
      line_.consume(received, ignored && unexpected.empty() ? EntryKind::Unsolicited
                                                             : EntryKind::Line);
    }
    if (line_.received() > line_.cursor()) {
      unexpected.push_back(asString(line_.bytes(line_.cursor(), line_.received())));
      line_.discardReceived(EntryKind::Line);
    }
    record.ended = Clock::now();
    if (unexpected.empty()) {
      record.status = StepStatus::Passed;
      return;
    }
    record.status = StepStatus::Failed;
    record.failure = FailureClass::Mismatch;
    record.message = "the module sent " + quotedLine(unexpected.front()) +
                     (unexpected.size() > 1 ? " and more" : "") +
                     " after the case's last step, where nothing more belongs";
    for (const std::string& bytes : unexpected) record.diff.push_back({'+', bytes, true});
    fail(CaseFailure{FailureClass::Mismatch, record.message, record.index, "end",
                     instance_.spec->source});
  }

 private:
  StepRecord& newRecord(const std::string& phase, const std::string& kind) {
    StepRecord& record = records_.emplace_back();
    record.index = static_cast<int>(records_.size()) - 1;
    record.phase = phase;
    record.kind = kind;
    record.started = Clock::now();
    transcript_.setStep(record.index);
    return record;
  }

  void runStep(const Step& step, const std::string& phase,
               const std::vector<SourceLocation>& calledFrom) {
    StepRecord& record = newRecord(phase, std::string(step.kind()));
    record.source = step.common().source;
    record.calledFrom = calledFrom;
    record.note = step.common().note;
    record.summary = step.summary();
    const BlockRunner runBlock = [&](const Block& block, const Vars& arguments,
                                     const SourceLocation& callSite) {
      runBlockSteps(block, arguments, phase, calledFrom, callSite);
    };
    StepContext context(line_, transcript_, state_, timing_, module_.radio(), services_, ignore_,
                        failOn_, record, step, runBlock);
    std::optional<std::pair<FailureClass, std::string>> failed;
    try {
      step.run(context);
    } catch (const StepFailure& failure) {
      failed.emplace(failure.failure(), failure.what());
    } catch (const StepsStopped&) {
      // A step of the block this call runs failed; it is the case's failure.
      record.status = StepStatus::Failed;
      record.message = "a step of the block failed";
      record.ended = Clock::now();
      throw;
    } catch (const UnknownVariable& unknown) {
      failed.emplace(FailureClass::Harness, unknown.what());
    } catch (const Error& error) {
      failed.emplace(FailureClass::Harness, error.what());
    } catch (const std::exception& error) {
      failed.emplace(FailureClass::Harness, std::string("the harness failed: ") + error.what());
    }
    record.ended = Clock::now();
    if (!failed) {
      record.status = StepStatus::Passed;
      return;
    }
    record.status = StepStatus::Failed;
    record.failure = failed->first;
    record.message = failed->second;
    record.pending = line_.bytes(line_.cursor(), line_.received());
    FailureClass failure = failed->first;
    // A failure while preparing the module or cleaning up is not the product's failure.
    if ((phase == "setup" || phase == "teardown") && isProductFailure(failure)) {
      failure = FailureClass::Setup;
    }
    fail(CaseFailure{failure, failed->second, record.index, phase, record.source});
    throw StepsStopped{};
  }

  void runBlockSteps(const Block& block, const Vars& arguments, const std::string& phase,
                     std::vector<SourceLocation> calledFrom, const SourceLocation& callSite) {
    calledFrom.push_back(callSite);
    // Arguments are variables inside the block; the caller's values come back afterwards.
    std::map<std::string, std::optional<std::string>> saved;
    for (const auto& [name, value] : arguments) {
      const auto found = state_.vars.find(name);
      saved[name] = found == state_.vars.end() ? std::nullopt : std::optional(found->second);
      state_.vars[name] = value;
    }
    const auto restore = [&] {
      for (const auto& [name, value] : saved) {
        if (value) {
          state_.vars[name] = *value;
        } else {
          state_.vars.erase(name);
        }
      }
    };
    try {
      for (const StepPtr& step : block.steps) runStep(*step, phase, calledFrom);
    } catch (...) {
      restore();
      throw;
    }
    restore();
  }

  const CaseInstance& instance_;
  CaseModule& module_;
  const CaseServices& services_;
  Transcript& transcript_;
  Timing timing_;
  ModuleLine line_;
  CaseState state_;
  std::vector<LinePattern> ignore_;
  std::vector<LinePattern> failOn_;
  std::deque<StepRecord> records_;
  std::optional<CaseFailure> failure_;
};

CaseResult skeleton(const CaseInstance& instance) {
  CaseResult result;
  result.id = instance.id;
  result.suite = instance.suite->name;
  result.suiteFile = instance.suite->file;
  result.caseId = instance.spec->id;
  result.title = instance.spec->title;
  result.source = instance.spec->source;
  result.spec = instance.rows;
  if (result.spec.empty()) result.spec.push_back(instance.suite->spec);
  result.tags = instance.tags();
  result.requirements = instance.spec->requirements;
  if (instance.paramIndex) result.params = instance.params;
  result.xfailReason = instance.spec->xfail;
  return result;
}

// The case's status from its failure and its xfail mark.
void settle(CaseResult& result, const std::optional<CaseFailure>& failure) {
  result.failure = failure;
  if (!failure) {
    if (result.xfailReason) {
      result.status = CaseStatus::Failed;
      result.failure = CaseFailure{FailureClass::Mismatch,
                                   "the case passed, but it is marked xfail (" +
                                       *result.xfailReason +
                                       "): the module now does what the suite expects; remove "
                                       "the mark",
                                   std::nullopt, "case", result.source};
    } else {
      result.status = CaseStatus::Passed;
    }
    return;
  }
  if (!isProductFailure(failure->failure)) {
    result.status = CaseStatus::Error;
  } else {
    result.status = result.xfailReason ? CaseStatus::Xfail : CaseStatus::Failed;
  }
}

}  // namespace

CaseRunner::CaseRunner(Target& target, Timing timing,
                       std::vector<std::shared_ptr<CaseServiceProvider>> services)
    : target_(target), timing_(timing), services_(std::move(services)) {}

std::set<std::string> CaseRunner::offered() const {
  std::set<std::string> capabilities = target_.capabilities();
  if (!target_.reachesLoopback()) return capabilities;
  for (const auto& provider : services_) capabilities.insert(provider->capability());
  return capabilities;
}

// The case's variables, later layers over earlier ones: the module's, the services', the
// built-in ones, the suite's, the case's, its params.
Vars CaseRunner::variablesOf(const CaseInstance& instance, const CaseModule& module,
                             const CaseServices& services) const {
  Vars vars = module.vars();
  for (const auto& [name, value] : services.vars()) vars[name] = value;
  vars["target"] = target_.url();
  vars["time_scale"] = scaleText(timing_.timeScale);
  vars["suite"] = instance.suite->name;
  vars["case"] = instance.spec->id;
  for (const Vars* layer : {&instance.suite->vars, &instance.spec->vars, &instance.params}) {
    for (const auto& [name, value] : *layer) vars[name] = value;
  }
  return vars;
}

// Starts the services the case requires; the failure, when one cannot start.
std::optional<CaseFailure> CaseRunner::startServices(const CaseInstance& instance, int job,
                                                     CaseServices& services) const {
  for (const auto& provider : services_) {
    // A bench that offers a capability itself (a public FTP server) needs no local service.
    if (!target_.reachesLoopback() ||
        !instance.spec->requirements.count(provider->capability())) {
      continue;
    }
    try {
      services.add(provider->capability(), provider->start(ServiceRequest{job}));
    } catch (const std::exception& failure) {
      return CaseFailure{FailureClass::Setup,
                         provider->capability() + " cannot be started: " + failure.what(),
                         std::nullopt, "open", {}};
    }
  }
  return std::nullopt;
}

// The case's scenario with what its services need laid over it, on a target that takes
// scenarios (elsewhere the bench's network is what it is).
nlohmann::json CaseRunner::scenarioWith(const nlohmann::json& scenario,
                                        const CaseServices& services) const {
  const nlohmann::json needed = services.scenario();
  if (!needed.is_object() || !target_.capabilities().count("scenario")) return scenario;
  nlohmann::json out = scenario.is_object() ? scenario : nlohmann::json::object();
  out.merge_patch(needed);
  return out;
}

CaseResult CaseRunner::run(const CaseInstance& instance, int job) {
  CaseResult result = skeleton(instance);
  result.job = job;
  result.timeScale = timing_.timeScale;
  result.started = Clock::now();
  result.transcriptStart = result.started;
  const std::string missing = missingCapabilities(instance.spec->requirements, offered());
  if (!missing.empty()) {
    result.status = CaseStatus::Skipped;
    result.skipReason = "the target " + target_.url() + " does not offer " + missing;
    result.ended = Clock::now();
    return result;
  }
  Transcript transcript(result.started);
  // The services first: the module's world may have to name them (the DNS servers' port).
  CaseServices services;
  if (auto failure = startServices(instance, job, services)) {
    settle(result, failure);
    result.ended = Clock::now();
    return result;
  }
  const nlohmann::json scenario = scenarioWith(instance.spec->scenario, services);
  std::unique_ptr<CaseModule> module;
  try {
    module = target_.open(ModuleRequest{scenario, job, instance.spec->requirements});
  } catch (const TransportError& failure) {
    settle(result, CaseFailure{FailureClass::Transport, failure.what(), std::nullopt, "open", {}});
    result.ended = Clock::now();
    return result;
  } catch (const std::exception& failure) {
    settle(result, CaseFailure{FailureClass::Setup,
                               std::string("the module cannot be started: ") + failure.what(),
                               std::nullopt, "open", {}});
    result.ended = Clock::now();
    return result;
  }
  result.module = module->describe();
  std::optional<CaseFailure> failure;
  std::vector<StepRecord> records;
  {
    auto run = std::make_unique<CaseRun>(instance, *module, services, transcript, timing_,
                                         target_.echoAtStart());
    run->line().start();
    bool ready = true;
    if (!target_.freshPerCase()) {
      std::string problem = resetModule(run->line(), transcript, target_.reset(), timing_);
      // A line that closes at once may still be held by the previous case's connection (a
      // bridge serves one client at a time): once more, after a moment.
      if (!problem.empty() && run->line().end().closed) {
        run.reset();
        std::this_thread::sleep_for(kReopenPause);
        try {
          module = target_.open(ModuleRequest{scenario, job, instance.spec->requirements});
          run = std::make_unique<CaseRun>(instance, *module, services, transcript, timing_,
                                          target_.echoAtStart());
          run->line().start();
          problem = resetModule(run->line(), transcript, target_.reset(), timing_);
        } catch (const TransportError& failure) {
          settle(result, CaseFailure{FailureClass::Transport, failure.what(), std::nullopt,
                                     "open", {}});
          result.ended = Clock::now();
          return result;
        }
      }
      if (!problem.empty()) {
        run->fail(CaseFailure{FailureClass::Setup, problem, std::nullopt, "reset", {}});
        ready = false;
      }
    }
    run->setVariables(variablesOf(instance, *module, services));
    CaseRun& steps = *run;
    if (!ready) {
      steps.skipPhase(instance.suite->setup, "setup");
      steps.skipPhase(instance.spec->steps, "case");
    } else if (!steps.runPhase(instance.suite->setup, "setup")) {
      steps.skipPhase(instance.spec->steps, "case");
    } else if (steps.runPhase(instance.spec->steps, "case")) {
      steps.checkNothingLeft();
    }
    const bool passedSoFar = !steps.failure();
    if (!passedSoFar) steps.drain();
    steps.runPhase(instance.suite->teardown, "teardown");
    if (passedSoFar && steps.failure()) {
      CaseFailure teardown = *steps.failure();
      teardown.message = "teardown: " + teardown.message;
      failure = teardown;
    } else {
      failure = steps.failure();
    }
    steps.line().recordUnconsumed();
    steps.line().stop();
    for (StepRecord& record : steps.records()) records.push_back(std::move(record));
  }
  services.clear();
  module.reset();
  // What each step read, from the transcript.
  result.transcript = transcript.entries();
  for (const TranscriptEntry& entry : result.transcript) {
    if (entry.direction != Direction::Rx || entry.step < 0 ||
        entry.step >= static_cast<int>(records.size()) || entry.kind == EntryKind::Unconsumed) {
      continue;
    }
    Bytes& received = records[static_cast<std::size_t>(entry.step)].received;
    received.insert(received.end(), entry.bytes.begin(), entry.bytes.end());
  }
  result.steps = std::move(records);
  settle(result, failure);
  result.ended = Clock::now();
  return result;
}

}  // namespace atsharp::harness
