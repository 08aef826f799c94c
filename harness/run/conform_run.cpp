#include "run/conform_run.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include "atsharp/error.hpp"
#include "run/case_runner.hpp"
#include "run/target_identity.hpp"
#include "suite/suite_loader.hpp"
#include "targets/hook_command.hpp"

namespace atsharp::harness {
namespace {

constexpr auto kPowerCycleTimeout = std::chrono::seconds(180);

RunProblem suiteProblem(const SuiteError& error) {
  return RunProblem{"suite", error.problem(), error.where()};
}

std::optional<std::string> powerCycle(Target& target) {
  const std::string hook = target.powerCycle();
  if (hook.empty()) return std::nullopt;
  const HookResult result = runHook(hook, kPowerCycleTimeout);
  if (result.ok) return std::nullopt;
  return "the power-cycle hook failed (status " + std::to_string(result.status) + "): " +
         result.output;
}

}  // namespace

LoadedSuites loadSuites(const std::vector<std::filesystem::path>& roots,
                        const StepRegistry& registry, const JsonSchema& schema,
                        const std::set<std::string>* knownRows) {
  LoadedSuites loaded;
  const SuiteLoader loader(registry, schema, knownRows);
  const std::vector<SuiteSource> sources = findSuiteFiles(roots);
  loaded.suites.reserve(sources.size());
  for (const SuiteSource& source : sources) {
    loaded.files.push_back(source.file);
    if (auto suite = loader.load(source, loaded.problems)) {
      loaded.suites.push_back(std::move(*suite));
    }
  }
  return loaded;
}

RunResult runSuites(const LoadedSuites& suites, Target& target, const RunOptions& options,
                    const CaseFinished& finished) {
  RunResult result;
  result.runId = options.runId;
  result.toolVersion = options.toolVersion;
  result.targetUrl = target.url();
  const Timing timing = target.timing();
  result.timeScale = timing.timeScale;
  result.timeoutMargin = std::chrono::duration<double>(timing.margin).count();
  result.capabilities = target.capabilities();
  if (target.reachesLoopback()) {
    for (const auto& provider : options.services) result.capabilities.insert(provider->capability());
  }
  result.bench = target.benchDescription();
  result.secrets = target.secrets();
  for (const auto& provider : options.services) {
    for (const std::string& secret : provider->secrets()) result.secrets.insert(secret);
  }
  result.suiteFiles = suites.files;
  result.filters = options.filters;
  if (options.shard) result.shard = std::pair(options.shard->index, options.shard->count);
  result.started = std::chrono::system_clock::now();
  result.monotonicStart = Clock::now();
  for (const SuiteError& problem : suites.problems) result.problems.push_back(suiteProblem(problem));

  std::vector<CaseFilter> filters;
  for (const std::string& filter : options.filters) filters.push_back(parseFilter(filter));
  std::vector<CaseInstance> selected;
  for (const CaseInstance& instance : expandCases(suites.suites)) {
    if (isSelected(instance, filters)) selected.push_back(instance);
  }
  // Nothing to run is never a pass: a filter that matches nothing is a mistake to report.
  if (selected.empty()) {
    result.problems.push_back({"harness", "no case is selected: the suites hold none, or the "
                                          "filters match none", std::nullopt});
  }
  if (options.shard) selected = shardOf(selected, *options.shard);
  const int jobs = std::max(1, std::min({options.jobs, target.maxJobs(),
                                         static_cast<int>(std::max<std::size_t>(selected.size(), 1))}));
  result.jobs = jobs;

  if (auto problem = powerCycle(target)) {
    result.problems.push_back({"target", *problem, std::nullopt});
  }
  if (options.probeIdentity) {
    const IdentityProbe probe = probeIdentity(target, timing);
    result.identity = probe.identity;
    result.identityProblem = probe.problem;
    if (probe.unreachable) {
      result.problems.push_back({"target", "the target " + target.url() + " cannot be used: " +
                                               probe.problem, std::nullopt});
      result.finished = std::chrono::system_clock::now();
      return result;
    }
  }

  result.cases.resize(selected.size());
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex mutex;
  const auto work = [&](int job) {
    CaseRunner runner(target, timing, options.services);
    while (true) {
      const std::size_t index = next++;
      if (index >= selected.size()) return;
      CaseResult outcome = runner.run(selected[index], job);
      // A line that broke may need the bench to power-cycle the module.
      if (outcome.failure && outcome.failure->failure == FailureClass::Transport) {
        if (auto problem = powerCycle(target)) {
          std::lock_guard lock(mutex);
          result.problems.push_back({"target", *problem, std::nullopt});
        }
      }
      std::lock_guard lock(mutex);
      result.cases[index] = std::move(outcome);
      ++done;
      if (finished) finished(result.cases[index], done, selected.size());
    }
  };
  std::vector<std::thread> workers;
  for (int job = 1; job < jobs; ++job) workers.emplace_back(work, job);
  work(0);
  for (std::thread& worker : workers) worker.join();
  result.finished = std::chrono::system_clock::now();
  return result;
}

}  // namespace atsharp::harness
