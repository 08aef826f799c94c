// The steps about time: wait (let a duration pass; what arrives meanwhile waits for the next
// steps), forbid (nothing matching may arrive during a window) and quiet (wait until the line
// has been silent for a while, passing over what came: a drain, for setup).

#include "atsharp/error.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

Clock::time_point endOf(const StepContext& context, const Duration& duration) {
  return Clock::now() +
         std::chrono::duration_cast<Clock::duration>(duration.realTime(context.timing.timeScale));
}

class WaitStep final : public Step {
 public:
  WaitStep(StepCommon common, Duration duration) : Step(std::move(common)), duration_(duration) {}
  std::string_view kind() const noexcept override { return "wait"; }
  std::string summary() const override { return "wait " + duration_.text(); }

  void run(StepContext& context) const override {
    watchLines(context, endOf(context, duration_), {}, "the wait");
    context.mark(Clock::now());
  }

 private:
  Duration duration_;
};

class ForbidStep final : public Step {
 public:
  ForbidStep(StepCommon common, std::vector<LinePattern> patterns, Duration window)
      : Step(std::move(common)), patterns_(std::move(patterns)), window_(window) {}
  std::string_view kind() const noexcept override { return "forbid"; }
  std::string summary() const override {
    std::string out = "forbid";
    for (const LinePattern& pattern : patterns_) {
      out += " " + (pattern.isRegex() ? "/" + pattern.text().source() + "/"
                                      : quotedLine(pattern.text().source()));
    }
    return out + " for " + window_.text();
  }

  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const LinePattern& pattern : patterns_) {
      for (const auto& name : pattern.text().names()) reads.insert(name);
    }
  }

  void run(StepContext& context) const override {
    const std::vector<ResolvedPattern> forbidden = resolveAll(patterns_, context.vars());
    watchLines(context, endOf(context, window_), forbidden, "the forbid window");
    context.mark(Clock::now());
  }

 private:
  std::vector<LinePattern> patterns_;
  Duration window_;
};

class QuietStep final : public Step {
 public:
  QuietStep(StepCommon common, Duration silence) : Step(std::move(common)), silence_(silence) {}
  std::string_view kind() const noexcept override { return "quiet"; }
  std::string summary() const override { return "quiet for " + silence_.text(); }

  void run(StepContext& context) const override {
    const auto silence =
        std::chrono::duration_cast<Clock::duration>(silence_.realTime(context.timing.timeScale));
    if (!context.line.awaitQuiet(silence, context.deadline())) {
      context.line.discardReceived(EntryKind::Discarded);
      throw StepFailure(FailureClass::Timeout, "the line did not go quiet for " + silence_.text() +
                                                   " before the step's timeout");
    }
    watchLines(context, Clock::now(), {}, "the quiet");
    context.line.discardReceived(EntryKind::Discarded);
    context.mark(Clock::now());
  }

 private:
  Duration silence_;
};

}  // namespace

StepPtr parseWait(const Json& value, const Json&, StepCommon common, const StepParseContext&) {
  return std::make_shared<WaitStep>(std::move(common), parseDuration(value));
}

StepPtr parseForbid(const Json& value, const Json& step, StepCommon common,
                    const StepParseContext&) {
  if (!step.contains("for")) throw UsageError("forbid needs its window: for: DURATION");
  return std::make_shared<ForbidStep>(std::move(common), parsePatternList(value),
                                      parseDuration(step["for"]));
}

StepPtr parseQuiet(const Json& value, const Json&, StepCommon common, const StepParseContext&) {
  // Silence is about the line, not the module's timers: real time by default.
  Duration silence{0.3, true};
  if (!value.is_null()) silence = parseDuration(value);
  return std::make_shared<QuietStep>(std::move(common), silence);
}

}  // namespace atsharp::harness::steps
