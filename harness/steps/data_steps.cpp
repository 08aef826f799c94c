// Data mode: send_data (payload, DLE-coded per the mode in force), expect_data (payload from
// the module, compared exactly or by size and SHA-256, optionally followed by its ETX) and
// close (the host's ETX).

#include "atsharp/codec/dle_encoder.hpp"
#include "atsharp/error.hpp"
#include "payload/payload_spec.hpp"
#include "payload/sha256.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"
#include "text/byte_text.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

std::optional<DataCoding> parseCoding(const Json& value) {
  if (!value.is_object() || !value.contains("coding")) return std::nullopt;
  const std::string coding = value["coding"].get<std::string>();
  if (coding == "dle") return DataCoding::Dle;
  if (coding == "raw") return DataCoding::PassThrough;
  throw UsageError("coding is dle or raw");
}

std::string hexAround(const Bytes& bytes, std::size_t at) {
  const std::size_t from = at > 8 ? at - 8 : 0;
  const std::size_t to = std::min(bytes.size(), at + 8);
  return hexBytes(ByteView(bytes.data() + from, to - from));
}

class SendDataStep final : public Step {
 public:
  SendDataStep(StepCommon common, PayloadSpec payload, std::optional<DataCoding> coding)
      : Step(std::move(common)), payload_(std::move(payload)), coding_(coding) {}

  std::string_view kind() const noexcept override { return "send_data"; }
  std::string summary() const override { return "send_data " + payload_.describe(); }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : payload_.text.names()) reads.insert(name);
  }

  void run(StepContext& context) const override {
    ModuleLine& line = context.line;
    if (!line.hostInDataMode() && line.dataModeSeen()) {
      throw StepFailure(FailureClass::Mismatch,
                        "the module ended data mode (its ETX) before this step: there is no data "
                        "mode to send into");
    }
    if (!line.hostInDataMode()) {
      throw StepFailure(FailureClass::Harness,
                        "send_data outside data mode: no step has read the module's switch to "
                        "data mode (Ok_Info_WaitingForData, Ok_Info_DataBegin); to send bytes in "
                        "command mode, use send with text or hex");
    }
    const Bytes payload = payloadBytes(payload_, context.vars());
    Bytes coded;
    if (coding_) line.setDataCoding(*coding_);
    if (line.dataCoding() == DataCoding::Dle) {
      DleEncoder::encode(payload, coded);
    } else {
      coded = payload;
    }
    std::string why;
    const auto sentAt = Clock::now();
    if (!line.write(coded, EntryKind::Data, "", context.deadline(), why, payload.size())) {
      throw StepFailure(FailureClass::Transport, "cannot send the data: " + why);
    }
    context.mark(sentAt);
  }

 private:
  PayloadSpec payload_;
  std::optional<DataCoding> coding_;
};

class ExpectDataStep final : public Step {
 public:
  ExpectDataStep(StepCommon common, PayloadSpec payload, bool end, bool byDigest,
                 std::optional<DataCoding> coding)
      : Step(std::move(common)),
        payload_(std::move(payload)),
        end_(end),
        byDigest_(byDigest),
        coding_(coding) {}

  std::string_view kind() const noexcept override { return "expect_data"; }
  std::string summary() const override {
    return "expect_data " + payload_.describe() + (end_ ? " then ETX" : "");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : payload_.text.names()) reads.insert(name);
  }

  void run(StepContext& context) const override {
    ModuleLine& line = context.line;
    const bool known = payload_.source != PayloadSpec::Source::Digest;
    const Bytes expected = known ? payloadBytes(payload_, context.vars()) : Bytes{};
    const std::size_t size = known ? expected.size() : payload_.size;
    const std::string digest = known ? Sha256::of(expected) : payload_.sha256;
    describeExpected(context, expected, size, digest, known && !byDigest_);
    if (!line.inDataMode()) {
      failStep(context, FailureClass::Mismatch,
               "the module is not in data mode: no switch to data mode was read before this "
               "step");
    }
    if (coding_) line.setDataCoding(*coding_);
    const Deadline deadline = context.deadline();
    Bytes received;
    const DataRead read = line.readData(size, received, deadline);
    const std::vector<std::string> got{asString(received)};
    if (read.strayEscapes > 0) {
      failStep(context, FailureClass::Mismatch,
               "the module escaped " + std::to_string(read.strayEscapes) +
                   " byte(s) with DLE that need no escape (only DLE and ETX are escaped)",
               got);
    }
    if (read.endedEarly) {
      failStep(context, FailureClass::Mismatch,
               "data mode ended (the module's ETX) after " + std::to_string(received.size()) +
                   " of " + std::to_string(size) + " bytes",
               got);
    }
    if (read.arrival == Arrival::Timeout) {
      failStep(context, FailureClass::Timeout,
               "only " + std::to_string(received.size()) + " of " + std::to_string(size) +
                   " bytes of data came in time",
               got);
    }
    if (read.arrival == Arrival::Ended) {
      failStep(context, FailureClass::Transport,
               line.endText().value_or("the line ended") + " after " +
                   std::to_string(received.size()) + " of " + std::to_string(size) + " bytes",
               got);
    }
    compare(context, expected, received, digest, known && !byDigest_);
    context.mark(line.arrivalOf(line.cursor() > 0 ? line.cursor() - 1 : 0));
    if (end_) awaitEnd(context, deadline);
    context.checkTiming(line.arrivalOf(line.cursor() > 0 ? line.cursor() - 1 : 0));
  }

 private:
  void describeExpected(StepContext& context, const Bytes& expected, std::size_t size,
                        const std::string& digest, bool exact) const {
    if (exact) {
      context.record.expected.push_back({asString(expected), true});
    } else {
      context.record.expected.push_back(
          {std::to_string(size) + " bytes, sha256 " + digest, false});
    }
    if (end_) context.record.expected.push_back({std::string(1, char(kEtx)), true});
  }

  void compare(StepContext& context, const Bytes& expected, const Bytes& received,
               const std::string& digest, bool exact) const {
    if (exact) {
      const auto [mine, theirs] =
          std::mismatch(expected.begin(), expected.end(), received.begin(), received.end());
      if (mine == expected.end()) return;
      const std::size_t at = static_cast<std::size_t>(mine - expected.begin());
      failStep(context, FailureClass::Mismatch,
               "byte " + std::to_string(at) + " of the data differs: expected " +
                   hexAround(expected, at) + ", received " + hexAround(received, at),
               {asString(received)});
    }
    const std::string got = Sha256::of(received);
    if (got != digest) {
      failStep(context, FailureClass::Mismatch,
               "the data's sha256 is " + got + ", not " + digest, {asString(received)});
    }
  }

  void awaitEnd(StepContext& context, Deadline deadline) const {
    const DataEndRead end = context.line.readDataEnd(deadline);
    if (end.etx) return;
    if (!end.extra.empty()) {
      failStep(context, FailureClass::Mismatch,
               std::to_string(end.extra.size()) + " more byte(s) of data came where the ETX "
               "belongs: " + hexBytes(ByteView(end.extra.data(), std::min<std::size_t>(end.extra.size(), 32))),
               {asString(end.extra)});
    }
    if (end.arrival == Arrival::Timeout) {
      failStep(context, FailureClass::Timeout, "the ETX that ends data mode did not come");
    }
    failStep(context, FailureClass::Transport,
             context.line.endText().value_or("the line ended") + " before the ETX");
  }

  PayloadSpec payload_;
  bool end_;
  bool byDigest_;
  std::optional<DataCoding> coding_;
};

class CloseStep final : public Step {
 public:
  explicit CloseStep(StepCommon common) : Step(std::move(common)) {}
  std::string_view kind() const noexcept override { return "close"; }
  std::string summary() const override { return "close (send ETX)"; }

  void run(StepContext& context) const override {
    const Byte etx = kEtx;
    std::string why;
    const auto sentAt = Clock::now();
    if (!context.line.write(ByteView(&etx, 1), EntryKind::Close, "", context.deadline(), why)) {
      throw StepFailure(FailureClass::Transport, "cannot send the ETX: " + why);
    }
    // Under DLEMODE 0 the ETX is payload (5.1.1): the host stays in data mode.
    if (context.line.dataCoding() == DataCoding::Dle) context.line.hostEndedData();
    context.mark(sentAt);
  }
};

}  // namespace

StepPtr parseSendData(const Json& value, const Json&, StepCommon common,
                      const StepParseContext& context) {
  PayloadSpec payload = parsePayload(value, context.folder, false);
  if (payload.source == PayloadSpec::Source::Empty) {
    throw UsageError("send_data needs bytes: text, hex, file, generate or counting");
  }
  return std::make_shared<SendDataStep>(std::move(common), std::move(payload), parseCoding(value));
}

StepPtr parseExpectData(const Json& value, const Json&, StepCommon common,
                        const StepParseContext& context) {
  PayloadSpec payload = parsePayload(value, context.folder, true);
  const bool end = value.is_object() && value.value("end", false);
  bool byDigest = payload.source == PayloadSpec::Source::Digest;
  if (value.is_object() && value.contains("compare")) {
    const std::string compare = value["compare"].get<std::string>();
    if (compare != "exact" && compare != "digest") throw UsageError("compare is exact or digest");
    if (compare == "exact" && byDigest) {
      throw UsageError("compare: exact needs the bytes, not only size and sha256");
    }
    byDigest = compare == "digest";
  }
  return std::make_shared<ExpectDataStep>(std::move(common), std::move(payload), end, byDigest,
                                          parseCoding(value));
}

StepPtr parseClose(const Json& value, const Json&, StepCommon common, const StepParseContext&) {
  if (!value.is_null() && !(value.is_object() && value.empty()) &&
      !(value.is_boolean() && value.get<bool>())) {
    throw UsageError("close takes no value (close: {})");
  }
  return std::make_shared<CloseStep>(std::move(common));
}

}  // namespace atsharp::harness::steps
