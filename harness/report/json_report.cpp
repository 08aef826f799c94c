#include "report/json_report.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>

#include "atsharp/error.hpp"
#include "coverage/coverage_json.hpp"
#include "payload/sha256.hpp"
#include "report/credential_mask.hpp"
#include "text/byte_text.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

double seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

// Rounded to the microsecond: enough for any timer, and stable text.
double rounded(double value) { return std::round(value * 1e6) / 1e6; }

Json location(const SourceLocation& where) {
  return Json{{"file", where.file}, {"line", where.line}, {"column", where.column}};
}

Json optionalText(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// Masking for every text of the report, learnt from the whole run first.
CredentialMask runMask(const RunResult& result) {
  CredentialMask mask;
  for (const std::string& secret : result.secrets) mask.addSecret(secret);
  for (const CaseResult& one : result.cases) {
    for (const TranscriptEntry& entry : one.transcript) {
      if (entry.direction == Direction::Tx && entry.kind != EntryKind::Data) {
        mask.learnFromSent(asString(entry.bytes));
      }
    }
  }
  return mask;
}

class Writer {
 public:
  Writer(const RunResult& result, const Coverage* coverage)
      : result_(result), coverage_(coverage), mask_(runMask(result)) {}

  Json run() const {
    Json report;
    report["format"] = kReportFormat;
    report["format_version"] = kReportFormatVersion;
    report["run_id"] = result_.runId;
    report["tool"] = Json{{"name", "atsharp"}, {"version", result_.toolVersion}};
    report["target"] = target();
    report["bench"] = result_.bench;
    report["selection"] = selection();
    report["started_at"] = isoTime(result_.started);
    report["finished_at"] = isoTime(result_.finished);
    report["duration_s"] = rounded(
        std::chrono::duration<double>(result_.finished - result_.started).count());
    const Summary summary = result_.summary();
    report["summary"] = Json{{"total", summary.total},     {"passed", summary.passed},
                             {"failed", summary.failed},   {"error", summary.error},
                             {"skipped", summary.skipped}, {"xfail", summary.xfail}};
    report["exit_code"] = result_.exitCode();
    report["problems"] = problems();
    Json cases = Json::array();
    for (const CaseResult& one : result_.cases) cases.push_back(caseJson(one));
    report["cases"] = std::move(cases);
    if (coverage_) {
      report["coverage"] =
          coverageJson(*coverage_, [this](const std::string& raw) { return text(raw); });
    }
    return report;
  }

 private:
  // A message or summary: masked, and readable whatever bytes it quotes.
  std::string text(const std::string& message) const { return readableText(mask_.mask(message)); }

  // Bytes as escaped text and hex, masked.
  Json bytesJson(const Bytes& bytes) const {
    const std::string masked = mask_.mask(asString(bytes));
    const std::size_t shown = std::min(masked.size(), kLargestShownData);
    const ByteView view = asBytes(std::string_view(masked).substr(0, shown));
    return Json{{"text", escapeBytes(view)},
                {"hex", hexBytes(view)},
                {"size", bytes.size()},
                {"truncated", shown < masked.size()}};
  }

  Json target() const {
    Json identity = nullptr;
    if (result_.identity) {
      identity = Json{{"version_line", text(result_.identity->versionLine)},
                      {"software", result_.identity->software},
                      {"size", result_.identity->size},
                      {"built", result_.identity->built}};
    }
    Json capabilities = Json::array();
    for (const std::string& capability : result_.capabilities) capabilities.push_back(capability);
    return Json{{"url", result_.targetUrl},
                {"time_scale", result_.timeScale},
                {"timeout_margin_s", rounded(result_.timeoutMargin)},
                {"capabilities", capabilities},
                {"identity", identity},
                {"identity_problem", optionalText(result_.identityProblem)}};
  }

  Json selection() const {
    Json shard = nullptr;
    if (result_.shard) shard = Json{{"index", result_.shard->first}, {"count", result_.shard->second}};
    return Json{{"suites", result_.suiteFiles},
                {"filters", result_.filters},
                {"shard", shard},
                {"jobs", result_.jobs}};
  }

  Json problems() const {
    Json out = Json::array();
    for (const RunProblem& problem : result_.problems) {
      Json item{{"kind", problem.kind}, {"message", text(problem.message)}};
      item["source"] = problem.where ? location(*problem.where) : Json(nullptr);
      out.push_back(std::move(item));
    }
    return out;
  }

  Json specJson(const std::vector<SpecReference>& references) const {
    Json out = Json::array();
    for (const SpecReference& spec : references) {
      out.push_back(Json{{"document", spec.document},
                         {"section", spec.section},
                         {"row", optionalText(spec.row)}});
    }
    return out;
  }

  Json caseJson(const CaseResult& one) const {
    Json out;
    out["id"] = mask_.mask(one.id);  // params may hold a credential
    out["suite"] = one.suite;
    out["suite_file"] = one.suiteFile;
    out["case"] = one.caseId;
    out["title"] = readableText(one.title);
    Json params = nullptr;
    if (one.params) {
      params = Json::object();
      for (const auto& [name, value] : *one.params) params[name] = escapeBytes(asBytes(mask_.mask(value)));
    }
    out["params"] = params;
    out["spec"] = specJson(one.spec);
    out["tags"] = one.tags;
    out["requires"] = Json(std::vector<std::string>(one.requirements.begin(), one.requirements.end()));
    out["source"] = location(one.source);
    out["status"] = caseStatusName(one.status);
    Json failure = nullptr;
    if (one.failure) {
      failure = Json{{"class", failureClassName(one.failure->failure)},
                     {"message", text(one.failure->message)},
                     {"step", one.failure->step ? Json(*one.failure->step) : Json(nullptr)},
                     {"phase", one.failure->phase},
                     {"source", one.failure->source ? location(*one.failure->source) : Json(nullptr)}};
    }
    out["failure"] = failure;
    out["xfail_reason"] = one.xfailReason ? Json(*one.xfailReason) : Json(nullptr);
    out["skip_reason"] = one.skipReason ? Json(*one.skipReason) : Json(nullptr);
    out["started_s"] = rounded(seconds(one.started - result_.monotonicStart));
    out["duration_s"] = rounded(seconds(one.ended - one.started));
    out["job"] = one.job;
    out["module"] = optionalText(one.module);
    out["time_scale"] = one.timeScale;
    Json steps = Json::array();
    for (const StepRecord& step : one.steps) steps.push_back(stepJson(step, one));
    out["steps"] = std::move(steps);
    Json transcript = Json::array();
    for (const TranscriptEntry& entry : one.transcript) transcript.push_back(entryJson(entry, one));
    out["transcript"] = std::move(transcript);
    return out;
  }

  Json stepJson(const StepRecord& step, const CaseResult& one) const {
    Json out;
    out["index"] = step.index;
    out["phase"] = step.phase;
    out["kind"] = step.kind;
    out["summary"] = text(step.summary);
    out["note"] = optionalText(readableText(step.note));
    out["source"] = location(step.source);
    Json calledFrom = Json::array();
    for (const SourceLocation& site : step.calledFrom) calledFrom.push_back(location(site));
    out["called_from"] = std::move(calledFrom);
    out["status"] = step.status == StepStatus::Passed   ? "passed"
                    : step.status == StepStatus::Failed ? "failed"
                                                        : "not-run";
    out["failure_class"] = step.failure ? Json(failureClassName(*step.failure)) : Json(nullptr);
    out["message"] = optionalText(text(step.message));
    Json expected = Json::array();
    for (const ExpectedItem& item : step.expected) {
      const std::string masked = mask_.mask(item.bytes);
      expected.push_back(Json{{"text", escapeBytes(asBytes(masked))},
                              {"hex", item.exact ? Json(hexBytes(asBytes(masked))) : Json(nullptr)},
                              {"exact", item.exact}});
    }
    out["expected"] = std::move(expected);
    out["received"] = bytesJson(step.received);
    out["pending"] = step.pending.empty() ? Json(nullptr) : bytesJson(step.pending);
    Json diff = Json::array();
    for (const DiffLine& line : step.diff) {
      diff.push_back(Json{{"op", std::string(1, line.op)},
                          {"text", escapeBytes(asBytes(mask_.mask(line.bytes)))},
                          {"exact", line.exact}});
    }
    out["diff"] = std::move(diff);
    const bool ran = step.started != Clock::time_point{};
    out["started_s"] = ran ? Json(rounded(seconds(step.started - one.transcriptStart))) : Json(nullptr);
    out["elapsed_s"] = ran && step.ended >= step.started
                           ? Json(rounded(seconds(step.ended - step.started)))
                           : Json(nullptr);
    Json captured = Json::object();
    for (const auto& [name, value] : step.captured) {
      captured[name] = escapeBytes(asBytes(mask_.mask(value)));
    }
    out["captured"] = std::move(captured);
    return out;
  }

  Json entryJson(const TranscriptEntry& entry, const CaseResult& one) const {
    const double t = rounded(seconds(entry.at - one.transcriptStart));
    Json out;
    out["t"] = t;
    out["t_end"] = rounded(seconds(entry.until - one.transcriptStart));
    out["t_module"] = rounded(t / one.timeScale);
    out["dir"] = entry.direction == Direction::Tx   ? "tx"
                 : entry.direction == Direction::Rx ? "rx"
                                                    : "event";
    out["kind"] = entryKindName(entry.kind);
    out["step"] = entry.step >= 0 ? Json(entry.step) : Json(nullptr);
    out["fault"] = entry.fault;
    bool masked = false;
    if (entry.direction == Direction::Event) {
      out["text"] = escapeBytes(asBytes(mask_.mask(entry.text, &masked)));
      out["hex"] = nullptr;
      out["size"] = 0;
      out["payload_size"] = nullptr;
      out["truncated"] = false;
      out["tail_text"] = nullptr;
      out["tail_hex"] = nullptr;
      out["sha256"] = nullptr;
      out["masked"] = masked;
      return out;
    }
    const std::string bytes = mask_.mask(asString(entry.bytes), &masked);
    const bool truncated = bytes.size() > kLargestShownData;
    const std::size_t tailSize = kLargestShownData / 4;
    const std::string head = truncated ? bytes.substr(0, kLargestShownData - tailSize) : bytes;
    out["text"] = escapeBytes(asBytes(head));
    out["hex"] = hexBytes(asBytes(head));
    if (truncated) {
      const std::string tail = bytes.substr(bytes.size() - tailSize);
      out["tail_text"] = escapeBytes(asBytes(tail));
      out["tail_hex"] = hexBytes(asBytes(tail));
    } else {
      out["tail_text"] = nullptr;
      out["tail_hex"] = nullptr;
    }
    out["size"] = entry.bytes.size();
    out["payload_size"] = entry.kind == EntryKind::Data ? Json(entry.payloadSize) : Json(nullptr);
    out["truncated"] = truncated;
    out["sha256"] = truncated ? Json(Sha256::of(entry.bytes)) : Json(nullptr);
    out["masked"] = masked;
    return out;
  }

  const RunResult& result_;
  const Coverage* coverage_;
  CredentialMask mask_;
};

}  // namespace

std::string isoTime(std::chrono::system_clock::time_point time) {
  const auto since = time.time_since_epoch();
  const std::time_t whole = std::chrono::system_clock::to_time_t(
      std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::seconds>(since)));
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(since).count() % 1000;
  std::tm parts{};
  gmtime_r(&whole, &parts);
  char text[96];  // room for any int in each field: GCC's -O3 checks the worst case
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                static_cast<int>(millis));
  return text;
}

nlohmann::json reportJson(const RunResult& result, const Coverage* coverage) {
  return Writer(result, coverage).run();
}

void writeJsonReport(const RunResult& result, const std::filesystem::path& path,
                     const Coverage* coverage) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error("cannot write the report " + path.string());
  // Texts are escaped or readable already; a stray invalid byte in a title must not stop the
  // report.
  out << reportJson(result, coverage).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  if (!out) throw Error("cannot write the report " + path.string());
}

}  // namespace atsharp::harness
