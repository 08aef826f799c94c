#include "steps/step.hpp"

#include <sstream>

namespace atsharp::harness {

StepContext::StepContext(ModuleLine& line, Transcript& transcript, CaseState& state,
                         const Timing& timing, RadioControl* radio,
                         const CaseServices& services, const std::vector<LinePattern>& ignore,
                         const std::vector<LinePattern>& failOn, StepRecord& record,
                         const Step& step, BlockRunner runBlock)
    : line(line),
      transcript(transcript),
      state(state),
      timing(timing),
      radio(radio),
      services(services),
      record(record),
      step(step),
      runBlock(std::move(runBlock)),
      baseIgnore_(ignore),
      baseFailOn_(failOn) {}

Clock::duration StepContext::timeout() const {
  const Duration& given = step.common().timeout ? *step.common().timeout : timing.defaultTimeout;
  return std::chrono::duration_cast<Clock::duration>(given.realTime(timing.timeScale)) +
         timing.margin;
}

std::vector<ResolvedPattern> StepContext::ignorePatterns() const {
  std::vector<ResolvedPattern> out = resolveAll(baseIgnore_, state.vars);
  for (ResolvedPattern& pattern : resolveAll(step.common().ignore, state.vars)) {
    out.push_back(std::move(pattern));
  }
  return out;
}

std::vector<ResolvedPattern> StepContext::failOnPatterns() const {
  std::vector<ResolvedPattern> out = resolveAll(baseFailOn_, state.vars);
  const std::vector<LinePattern>* lists[] = {&state.armedFailOn, &step.common().failOn};
  for (const std::vector<LinePattern>* list : lists) {
    for (ResolvedPattern& pattern : resolveAll(*list, state.vars)) out.push_back(std::move(pattern));
  }
  return out;
}

void StepContext::mark(Clock::time_point at) {
  if (!step.common().mark.empty()) state.marks[step.common().mark] = at;
}

double StepContext::moduleSeconds(Clock::duration realTime) const {
  return std::chrono::duration<double>(realTime).count() / timing.timeScale;
}

void StepContext::checkTiming(Clock::time_point at) {
  const auto& check = step.common().after;
  if (!check) return;
  const auto found = state.marks.find(check->mark);
  if (found == state.marks.end()) {
    throw StepFailure(FailureClass::Harness,
                      "after: no step before this one has the mark \"" + check->mark + "\"");
  }
  const double elapsed = moduleSeconds(at - found->second);
  std::ostringstream text;
  text.precision(3);
  text << std::fixed << elapsed;
  if (check->min && !check->min->real && elapsed < check->min->seconds) {
    throw StepFailure(FailureClass::Mismatch,
                      "it came " + text.str() + " s (module time) after \"" + check->mark +
                          "\", earlier than the " + check->min->text() + " the spec gives");
  }
  if (check->max && !check->max->real && elapsed > check->max->seconds) {
    throw StepFailure(FailureClass::Mismatch,
                      "it came " + text.str() + " s (module time) after \"" + check->mark +
                          "\", later than " + check->max->text());
  }
  const double realElapsed = std::chrono::duration<double>(at - found->second).count();
  if (check->min && check->min->real && realElapsed < check->min->seconds) {
    throw StepFailure(FailureClass::Mismatch, "it came earlier than " + check->min->text());
  }
  if (check->max && check->max->real && realElapsed > check->max->seconds) {
    throw StepFailure(FailureClass::Mismatch, "it came later than " + check->max->text());
  }
}

}  // namespace atsharp::harness
