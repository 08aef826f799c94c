// The SDK's parser of the module's byte stream: lines, then data or mail after the messages that
// switch to them, then lines again.

#include "atsharp/protocol/response_parser.hpp"

#include <algorithm>

#include "atsharp/catalogue/results.hpp"
#include "line_classifier.hpp"

namespace atsharp {
namespace {

bool isLineEnd(Byte b) noexcept { return b == '\r' || b == '\n'; }

catalogue::ResultEffect effectOf(const Event& event) noexcept {
  const auto* result = std::get_if<ResultLine>(&event);
  return result ? catalogue::spec(result->result).effect : catalogue::ResultEffect::None;
}

}  // namespace

ResponseParser::ResponseParser(Options options) : options_(options) {
  options_.maxLineLength = std::max<std::size_t>(options_.maxLineLength, 1);
  line_.reserve(options_.maxLineLength);
}

void ResponseParser::feed(ByteView chunk, const Sink& sink) {
  ByteView rest = chunk;
  while (!rest.empty()) {
    if (swallowLineFeed_) {
      swallowLineFeed_ = false;
      if (rest.front() == '\n') {
        rest = rest.subspan(1);
        continue;
      }
    }
    switch (state_) {
      case State::Lines:
      case State::Mail: feedLines(rest, sink); break;
      case State::Data: feedData(rest, sink); break;
    }
  }
}

// Consumes bytes up to and including the next line end (or all of them), keeping at most
// maxLineLength bytes of the line.
void ResponseParser::feedLines(ByteView& rest, const Sink& sink) {
  // In a mail only LF ends a line: a lone CR is part of it, and empty lines are content.
  const auto end = state_ == State::Mail ? std::ranges::find(rest, Byte{'\n'})
                                         : std::ranges::find_if(rest, isLineEnd);
  appendToLine(rest.first(static_cast<std::size_t>(end - rest.begin())), sink);
  if (end == rest.end()) {
    rest = {};
    return;
  }
  const Byte terminator = *end;
  rest = rest.subspan(static_cast<std::size_t>(end - rest.begin()) + 1);
  if (state_ == State::Mail) {
    endMailLine(sink);
  } else {
    endLine(terminator, sink);
  }
}

void ResponseParser::appendToLine(ByteView bytes, const Sink& sink) {
  if (overlong_) return;
  const std::size_t room = options_.maxLineLength - line_.size();
  line_.append(reinterpret_cast<const char*>(bytes.data()), std::min(room, bytes.size()));
  if (bytes.size() > room) {
    // Reported as soon as the bound is passed: a stream with no line end at all must not
    // wait for one to be told about.
    overlong_ = true;
    sink(OverlongLine{std::move(line_)});
    line_.clear();
  }
}

// Takes the line out of the buffer; false when it was overlong (already reported).
bool ResponseParser::takeLine(std::string& line) {
  const bool wasOverlong = overlong_;
  overlong_ = false;
  line.swap(line_);
  line_.clear();
  return !wasOverlong;
}

void ResponseParser::endLine(Byte terminator, const Sink& sink) {
  std::string line;
  if (!takeLine(line)) return;
  std::optional<Event> event = detail::classifyLine(line, options_.format);
  if (!event) return;
  const catalogue::ResultEffect effect = effectOf(*event);
  sink(*event);
  if (effect == catalogue::ResultEffect::None) return;
  if (effect == catalogue::ResultEffect::EntersDataMode && afterSwitch_ == AfterSwitch::Lines) {
    return;
  }
  // Verbose results end with CR LF: when the CR ended the switch line, its LF is not content.
  // Numeric results end with CR alone (V.250), so a LF after them is the first data byte.
  swallowLineFeed_ = terminator == '\r' && options_.format != ResultFormat::Numeric;
  if (effect == catalogue::ResultEffect::EntersMail) {
    state_ = State::Mail;
  } else {
    enterDataMode(sink);
  }
}

void ResponseParser::endMailLine(const Sink& sink) {
  std::string line;
  if (!takeLine(line)) return;
  if (line.ends_with('\r')) line.pop_back();
  if (line == ".") {
    state_ = State::Lines;
    sink(MailEnded{});
    return;
  }
  // POP3 dot-stuffing: a line of the mail that starts with '.' travels with one more in front.
  if (line.starts_with("..")) line.erase(0, 1);
  sink(MailLine{std::move(line)});
}

void ResponseParser::enterDataMode(const Sink& sink) {
  state_ = State::Data;
  coding_ = nextCoding_;
  decoder_.reset();
  sink(DataModeStarted{coding_});
}

void ResponseParser::feedData(ByteView& rest, const Sink& sink) {
  if (coding_ == DataCoding::PassThrough) {
    sink(DataBytes{rest});
    rest = {};
    return;
  }
  decoded_.resize(rest.size());
  const DleDecoder::Step step = decoder_.decode(rest, decoded_);
  if (step.produced > 0) sink(DataBytes{ByteView{decoded_}.first(step.produced)});
  rest = rest.subspan(step.consumed);
  if (step.ended) {
    state_ = State::Lines;
    sink(DataModeEnded{DataEnd::Etx});
  }
}

void ResponseParser::leaveDataMode(const Sink& sink) {
  if (state_ != State::Data) return;
  state_ = State::Lines;
  swallowLineFeed_ = false;
  sink(DataModeEnded{DataEnd::Host});
}

}  // namespace atsharp
