#include "report/report_to_result.hpp"

#include "report/report_bytes.hpp"
#include "report/report_view.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

// Monotonic times of the report are seconds since a case (or the run) started; any origin will
// do for the writers, which only take differences.
const Clock::time_point kOrigin = Clock::time_point{} + std::chrono::hours(1);

Clock::time_point at(Clock::time_point origin, double seconds) {
  return origin + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

std::string escaped(const Json& text) { return asString(bytesFromEscaped(textOrEmpty(text))); }

// The enum whose name (as the writers spell it, from their own name functions) is @p name.
template <typename Enum, typename Namer>
Enum byName(const std::string& name, Namer namer, std::initializer_list<Enum> values) {
  for (const Enum value : values) {
    if (namer(value) == name) return value;
  }
  return *values.begin();
}

FailureClass failureClass(const Json& name) {
  return byName(name.get<std::string>(), failureClassName,
                {FailureClass::Harness, FailureClass::Mismatch, FailureClass::Timeout,
                 FailureClass::Transport, FailureClass::Setup});
}

SourceLocation location(const Json& where) {
  return {where.at("file").get<std::string>(), where.at("line").get<int>(),
          where.at("column").get<int>()};
}

StepRecord stepOf(const Json& step, Clock::time_point origin) {
  StepRecord record;
  record.index = step.at("index").get<int>();
  record.phase = step.at("phase").get<std::string>();
  record.kind = step.at("kind").get<std::string>();
  record.source = location(step.at("source"));
  for (const Json& site : step.at("called_from")) record.calledFrom.push_back(location(site));
  record.note = textOrEmpty(step.at("note"));
  record.summary = step.at("summary").get<std::string>();
  const std::string status = step.at("status").get<std::string>();
  record.status = status == "passed"   ? StepStatus::Passed
                  : status == "failed" ? StepStatus::Failed
                                       : StepStatus::NotRun;
  if (step.at("failure_class").is_string()) record.failure = failureClass(step.at("failure_class"));
  record.message = textOrEmpty(step.at("message"));
  for (const Json& item : step.at("expected")) {
    const bool exact = item.at("exact").get<bool>();
    record.expected.push_back(
        {exact ? asString(bytesFromHex(textOrEmpty(item.at("hex")))) : escaped(item.at("text")), exact});
  }
  for (const Json& line : step.at("diff")) {
    record.diff.push_back({line.at("op").get<std::string>().front(), escaped(line.at("text")),
                           line.at("exact").get<bool>()});
  }
  record.received = bytesOf(step.at("received"));
  if (step.at("pending").is_object()) record.pending = bytesOf(step.at("pending"));
  if (step.at("started_s").is_number()) {
    record.started = at(origin, step.at("started_s").get<double>());
    record.ended = step.at("elapsed_s").is_number()
                       ? at(record.started, step.at("elapsed_s").get<double>())
                       : record.started;
  }
  for (const auto& [name, value] : step.at("captured").items()) record.captured[name] = escaped(value);
  return record;
}

TranscriptEntry entryOf(const Json& entry, Clock::time_point origin) {
  TranscriptEntry out;
  out.at = at(origin, entry.at("t").get<double>());
  out.until = at(origin, entry.at("t_end").get<double>());
  const std::string direction = entry.at("dir").get<std::string>();
  out.direction = direction == "tx" ? Direction::Tx : direction == "rx" ? Direction::Rx : Direction::Event;
  out.kind = byName(entry.at("kind").get<std::string>(), entryKindName,
                    {EntryKind::Note, EntryKind::Command, EntryKind::Bytes, EntryKind::Data,
                     EntryKind::Close, EntryKind::Echo, EntryKind::Line, EntryKind::Unsolicited,
                     EntryKind::Discarded, EntryKind::Unconsumed, EntryKind::Inject,
                     EntryKind::Fixture});
  if (out.direction == Direction::Event) {
    out.text = escaped(entry.at("text"));
  } else {
    out.bytes = bytesOf(entry);
    if (entry.at("truncated").get<bool>()) {
      const Bytes tail = bytesFromHex(textOrEmpty(entry.at("tail_hex")));
      out.bytes.insert(out.bytes.end(), tail.begin(), tail.end());
    }
  }
  if (entry.at("payload_size").is_number()) out.payloadSize = entry.at("payload_size").get<std::size_t>();
  out.step = entry.at("step").is_number() ? entry.at("step").get<int>() : -1;
  out.fault = entry.at("fault").get<bool>();
  return out;
}

CaseResult caseOf(const Json& oneCase, Clock::time_point runStart) {
  CaseResult result;
  result.id = oneCase.at("id").get<std::string>();
  result.suite = oneCase.at("suite").get<std::string>();
  result.suiteFile = oneCase.at("suite_file").get<std::string>();
  result.caseId = oneCase.at("case").get<std::string>();
  result.title = oneCase.at("title").get<std::string>();
  result.source = location(oneCase.at("source"));
  for (const Json& spec : oneCase.at("spec")) {
    result.spec.push_back({spec.at("document").get<std::string>(),
                           spec.at("section").get<std::string>(), textOrEmpty(spec.at("row"))});
  }
  result.tags = oneCase.at("tags").get<std::vector<std::string>>();
  for (const Json& requirement : oneCase.at("requires")) result.requirements.insert(requirement.get<std::string>());
  if (oneCase.at("params").is_object()) {
    result.params.emplace();
    for (const auto& [name, value] : oneCase.at("params").items()) (*result.params)[name] = escaped(value);
  }
  result.status = byName(oneCase.at("status").get<std::string>(), caseStatusName,
                         {CaseStatus::Error, CaseStatus::Passed, CaseStatus::Failed,
                          CaseStatus::Skipped, CaseStatus::Xfail});
  const Json& failure = oneCase.at("failure");
  if (failure.is_object()) {
    CaseFailure why;
    why.failure = failureClass(failure.at("class"));
    why.message = failure.at("message").get<std::string>();
    if (failure.at("step").is_number()) why.step = failure.at("step").get<int>();
    why.phase = failure.at("phase").get<std::string>();
    if (failure.at("source").is_object()) why.source = location(failure.at("source"));
    result.failure = std::move(why);
  }
  if (oneCase.at("xfail_reason").is_string()) result.xfailReason = oneCase.at("xfail_reason").get<std::string>();
  if (oneCase.at("skip_reason").is_string()) result.skipReason = oneCase.at("skip_reason").get<std::string>();
  result.started = at(runStart, oneCase.at("started_s").get<double>());
  result.ended = at(result.started, oneCase.at("duration_s").get<double>());
  result.job = oneCase.at("job").get<int>();
  result.module = textOrEmpty(oneCase.at("module"));
  result.timeScale = oneCase.at("time_scale").get<double>();
  result.transcriptStart = result.started;
  for (const Json& step : oneCase.at("steps")) result.steps.push_back(stepOf(step, result.transcriptStart));
  for (const Json& entry : oneCase.at("transcript")) {
    result.transcript.push_back(entryOf(entry, result.transcriptStart));
  }
  return result;
}

}  // namespace

RunResult runResultFromReport(const Json& report) {
  RunResult result;
  result.runId = report.at("run_id").get<std::string>();
  result.toolVersion = report.at("tool").at("version").get<std::string>();
  const Json& target = report.at("target");
  result.targetUrl = target.at("url").get<std::string>();
  result.timeScale = target.at("time_scale").get<double>();
  result.timeoutMargin = target.at("timeout_margin_s").get<double>();
  for (const Json& capability : target.at("capabilities")) result.capabilities.insert(capability.get<std::string>());
  if (target.at("identity").is_object()) {
    const Json& identity = target.at("identity");
    result.identity = TargetIdentity{identity.at("version_line").get<std::string>(),
                                     identity.at("software").get<std::string>(),
                                     identity.at("size").get<std::string>(),
                                     identity.at("built").get<std::string>()};
  }
  result.identityProblem = textOrEmpty(target.at("identity_problem"));
  result.bench = report.at("bench");
  const Json& selection = report.at("selection");
  result.suiteFiles = selection.at("suites").get<std::vector<std::string>>();
  result.filters = selection.at("filters").get<std::vector<std::string>>();
  if (selection.at("shard").is_object()) {
    result.shard = std::pair(selection.at("shard").at("index").get<int>(),
                             selection.at("shard").at("count").get<int>());
  }
  result.jobs = selection.at("jobs").get<int>();
  result.started = timeFromIso(report.at("started_at").get<std::string>());
  result.finished = timeFromIso(report.at("finished_at").get<std::string>());
  result.monotonicStart = kOrigin;
  for (const Json& problem : report.at("problems")) {
    std::optional<SourceLocation> where;
    if (problem.at("source").is_object()) where = location(problem.at("source"));
    result.problems.push_back({problem.at("kind").get<std::string>(),
                               problem.at("message").get<std::string>(), where});
  }
  for (const Json& oneCase : report.at("cases")) result.cases.push_back(caseOf(oneCase, kOrigin));
  return result;
}

}  // namespace atsharp::harness
