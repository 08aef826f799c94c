// send: a command line (with the suite's line ending) or raw bytes, and the module's echo of
// it while echo is on (ATE1), checked byte for byte.

#include "atsharp/error.hpp"
#include "text/latin1_text.hpp"
#include "payload/payload_spec.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

class SendStep final : public Step {
 public:
  SendStep(StepCommon common, std::optional<TemplateText> line, std::string ending,
           PayloadSpec payload, std::optional<bool> echo, std::optional<TemplateText> echoText)
      : Step(std::move(common)),
        line_(std::move(line)),
        ending_(std::move(ending)),
        payload_(std::move(payload)),
        echo_(echo),
        echoText_(std::move(echoText)) {}

  std::string_view kind() const noexcept override { return "send"; }

  std::string summary() const override {
    return "send " + (line_ ? quotedLine(line_->source()) : payload_.describe());
  }

  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    if (line_) {
      for (const auto& name : line_->names()) reads.insert(name);
    }
    for (const auto& name : payload_.text.names()) reads.insert(name);
    if (echoText_) {
      for (const auto& name : echoText_->names()) reads.insert(name);
    }
  }

  void run(StepContext& context) const override {
    ModuleLine& line = context.line;
    const bool dataMode = line.hostInDataMode();
    std::string text;
    Bytes bytes;
    if (line_) {
      text = line_->render(context.vars());
      bytes = toBytes(text + ending_);
    } else {
      bytes = payloadBytes(payload_, context.vars());
    }
    const std::optional<Bytes> echo = expectedEcho(context, bytes, dataMode);
    const EntryKind kind = dataMode ? EntryKind::Data : line_ ? EntryKind::Command : EntryKind::Bytes;
    const Deadline deadline = context.deadline();
    std::string why;
    const auto sentAt = Clock::now();
    if (!line.write(bytes, kind, text, deadline, why, bytes.size())) {
      throw StepFailure(FailureClass::Transport, "cannot send: " + why);
    }
    if (line_ && !dataMode) line.commandSent(text);
    context.mark(sentAt);
    if (echo) awaitEcho(context, *echo, deadline);
  }

 private:
  std::optional<Bytes> expectedEcho(StepContext& context, const Bytes& bytes, bool dataMode) const {
    if (echoText_) return toBytes(echoText_->render(context.vars()));
    const bool on = echo_.value_or(context.line.settings().echo && !dataMode);
    if (!on || bytes.empty()) return std::nullopt;
    return bytes;
  }

  static void awaitEcho(StepContext& context, const Bytes& echo, Deadline deadline) {
    ModuleLine& line = context.line;
    context.record.expected = {ExpectedItem{asString(echo), true}};
    const bool numeric = !line.settings().verbose;
    while (true) {
      switch (line.awaitEcho(echo, deadline)) {
        case EchoWait::Match:
          line.consumeEcho(echo.size());
          return;
        case EchoWait::LineFirst:
          passLineBeforeEcho(context, numeric);
          break;
        case EchoWait::Mismatch: {
          const std::size_t shown = std::min(line.received() - line.cursor(), echo.size() + 16);
          const std::string got = asString(line.bytes(line.cursor(), line.cursor() + shown));
          line.consumeEcho(std::min(shown, echo.size()));
          failStep(context, FailureClass::Mismatch,
                   "the echo is " + quotedLine(got) + ", not " + quotedLine(asString(echo)), {got});
        }
        case EchoWait::Timeout: {
          const std::string got = asString(line.bytes(line.cursor(), line.received()));
          failStep(context, FailureClass::Timeout,
                   "the echo " + quotedLine(asString(echo)) + " did not come" +
                       (got.empty() ? "" : " (only " + quotedLine(got) + ")"),
                   got.empty() ? std::vector<std::string>{} : std::vector<std::string>{got});
        }
        case EchoWait::Ended:
          failStep(context, FailureClass::Transport,
                   line.endText().value_or("the line ended") + " before the echo came");
      }
    }
  }

  // A line came before the echo: an unsolicited line (passed when ignored) or a failure.
  static void passLineBeforeEcho(StepContext& context, bool numeric) {
    const LineRead read = context.line.peekLine(context.deadline(), false);
    if (read.arrival != Arrival::Arrived) failNoLine(context, read, "echo");
    const ReceivedLine& line = read.line;
    const std::string received = receivedText(context, line);
    const bool ignored = firstMatch(context.ignorePatterns(), line.text, numeric) &&
                         !firstMatch(context.failOnPatterns(), line.text, numeric);
    const auto problem = context.line.framingProblem(line, true);
    context.line.consume(line, ignored ? EntryKind::Unsolicited : EntryKind::Line);
    if (!ignored) {
      failStep(context, FailureClass::Mismatch,
               "the line " + quotedLine(line.text) + " came where the echo was expected", {received});
    }
    if (problem) {
      failStep(context, FailureClass::Mismatch,
               "the unsolicited line " + quotedLine(line.text) + " came framed wrong: " + *problem,
               {received});
    }
  }

  std::optional<TemplateText> line_;
  std::string ending_;
  PayloadSpec payload_;
  std::optional<bool> echo_;
  std::optional<TemplateText> echoText_;
};

TemplateText latin1(const Json& value, const char* what) {
  if (!value.is_string()) throw UsageError(std::string(what) + " must be a string");
  auto bytes = latin1FromUtf8(value.get<std::string>());
  if (!bytes) throw UsageError(std::string(what) + " holds a character above U+00FF");
  return TemplateText(*bytes);
}

}  // namespace

StepPtr parseSend(const Json& value, const Json&, StepCommon common,
                  const StepParseContext& context) {
  if (value.is_string() || value.is_number_integer()) {
    const Json text = value.is_string() ? value : Json(std::to_string(value.get<std::int64_t>()));
    return std::make_shared<SendStep>(std::move(common), latin1(text, "send"), context.lineEnding,
                                      PayloadSpec{}, std::nullopt, std::nullopt);
  }
  if (!value.is_object()) throw UsageError("send is a command line or a mapping");
  std::optional<bool> echo;
  std::optional<TemplateText> echoText;
  if (value.contains("echo")) {
    if (value["echo"].is_boolean()) {
      echo = value["echo"].get<bool>();
    } else {
      echoText = latin1(value["echo"], "echo");
    }
  }
  if (value.contains("line")) {
    std::string ending = context.lineEnding;
    if (value.contains("ending")) {
      const auto bytes = value["ending"].is_string()
                             ? latin1FromUtf8(value["ending"].get<std::string>())
                             : std::nullopt;
      if (!bytes) throw UsageError("ending must be a string of characters up to U+00FF");
      ending = *bytes;
    }
    return std::make_shared<SendStep>(std::move(common), latin1(value["line"], "line"), ending,
                                      PayloadSpec{}, echo, std::move(echoText));
  }
  PayloadSpec payload = parsePayload(value, context.folder, false);
  if (payload.source == PayloadSpec::Source::Empty) {
    throw UsageError("send needs a line, or bytes (text, hex, file, generate, counting)");
  }
  return std::make_shared<SendStep>(std::move(common), std::nullopt, "", std::move(payload), echo,
                                    std::move(echoText));
}

}  // namespace atsharp::harness::steps
