#include "event_text.hpp"

#include <cstdio>

namespace atsharp::test {
namespace {

std::string hex(ByteView bytes) {
  std::string text;
  for (Byte b : bytes) {
    char two[4];
    std::snprintf(two, sizeof two, " %02x", b);
    text += two;
  }
  return text;
}

const char* progressName(Progress kind) {
  switch (kind) {
    case Progress::Dialing: return "dialing";
    case Progress::DialedNumber: return "number";
    case Progress::Connect: return "connect";
    case Progress::IpAddress: return "ip";
    case Progress::PppOk: return "ppp-ok";
  }
  return "?";
}

const char* unsolicitedName(Unsolicited kind) {
  switch (kind) {
    case Unsolicited::Ring: return "ring";
    case Unsolicited::Clip: return "clip";
    case Unsolicited::Creg: return "creg";
    case Unsolicited::Cgreg: return "cgreg";
    case Unsolicited::Timeout: return "timeout";
  }
  return "?";
}

struct Render {
  std::string operator()(const EchoLine& e) const { return "echo " + e.text; }
  std::string operator()(const InformationLine& e) const { return "info " + e.text; }
  std::string operator()(const ProgressLine& e) const {
    return std::string{"progress "} + progressName(e.kind) + " " + e.text;
  }
  std::string operator()(const ResultLine& e) const {
    return std::string{e.numeric ? "result# " : "result "} +
           std::string{catalogue::spec(e.result).verbose};
  }
  std::string operator()(const CmeErrorLine& e) const {
    return "cme " + std::string(1, e.prefix) + std::to_string(e.code);
  }
  std::string operator()(const UnsolicitedLine& e) const {
    return std::string{"urc "} + unsolicitedName(e.kind) + " " + e.text;
  }
  std::string operator()(const DataModeStarted& e) const {
    return e.coding == DataCoding::Dle ? "data-start dle" : "data-start raw";
  }
  std::string operator()(const DataBytes& e) const { return "data" + hex(e.bytes); }
  std::string operator()(const DataModeEnded& e) const {
    return e.reason == DataEnd::Etx ? "data-end etx" : "data-end host";
  }
  std::string operator()(const MailLine& e) const { return "mail " + e.text; }
  std::string operator()(const MailEnded&) const { return "mail-end"; }
  std::string operator()(const OverlongLine& e) const { return "overlong " + e.start; }
};

}  // namespace

std::string eventText(const Event& event) { return std::visit(Render{}, event); }

ResponseParser::Sink EventLog::sink() {
  return [this](const Event& event) {
    std::string text = eventText(event);
    const bool isData = std::holds_alternative<DataBytes>(event);
    if (isData && !lines_.empty() && lines_.back().starts_with("data ")) {
      lines_.back() += text.substr(4);  // merge: drop the second "data" word
      return;
    }
    lines_.push_back(std::move(text));
  };
}

std::vector<std::string> parse(ResponseParser& parser, const std::vector<ByteView>& chunks) {
  EventLog log;
  const auto sink = log.sink();
  for (ByteView chunk : chunks) parser.feed(chunk, sink);
  return log.lines();
}

std::vector<std::string> parse(std::string_view bytes, ResponseParser::Options options) {
  ResponseParser parser(options);
  return parse(parser, {asBytes(bytes)});
}

}  // namespace atsharp::test
