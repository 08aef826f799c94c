#include "session/module_line.hpp"

#include <algorithm>

#include "atsharp/catalogue/results.hpp"
#include "atsharp/codec/control_characters.hpp"
#include "atsharp/error.hpp"
#include "session/line_lexer.hpp"

namespace atsharp::harness {
namespace {

constexpr std::size_t kMaxExtraShown = 256;

std::optional<catalogue::Result> resultOf(const std::string& text, bool verbose) {
  if (verbose) return catalogue::findVerboseResult(text);
  if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return catalogue::findNumericResult(std::stoi(text));
}

bool hasEffect(const std::string& text, bool verbose, catalogue::ResultEffect effect) {
  const auto result = resultOf(text, verbose);
  return result && catalogue::spec(*result).effect == effect;
}

bool isLineEndByte(Byte byte) { return byte == '\r' || byte == '\n'; }

}  // namespace

ModuleLine::ModuleLine(Transport& transport, Transcript& transcript, LineSettings settings)
    : transport_(transport), transcript_(transcript), settings_(settings), stream_(transport) {}

ModuleLine::~ModuleLine() { stop(); }

void ModuleLine::start() { stream_.start(); }

// The case is over: closing the line wakes the reader at once instead of at its next poll.
void ModuleLine::stop() {
  transport_.close();
  stream_.stop();
}

std::optional<std::string> ModuleLine::endText() const {
  if (end_.overflow) {
    return "the module sent more than " + std::to_string(kMaxCaseInput / (1024 * 1024)) +
           " MiB in one case";
  }
  if (end_.failure) return "the line failed: " + *end_.failure;
  if (end_.closed) return "the line closed (the module hung up)";
  return std::nullopt;
}

bool ModuleLine::write(ByteView bytes, EntryKind kind, std::string text, Deadline deadline,
                       std::string& why, std::size_t payloadSize) {
  TranscriptEntry entry;
  entry.at = Clock::now();
  entry.direction = Direction::Tx;
  entry.kind = kind;
  entry.bytes.assign(bytes.begin(), bytes.end());
  entry.text = std::move(text);
  entry.payloadSize = payloadSize;
  IoResult result{IoStatus::Closed, 0};
  try {
    result = transport_.write(bytes, deadline);
  } catch (const Error& failure) {
    why = failure.what();
    result.status = IoStatus::Closed;
  }
  if (result.count < entry.bytes.size()) entry.bytes.resize(result.count);
  transcript_.add(std::move(entry));
  if (result.status == IoStatus::Ok) return true;
  if (why.empty()) {
    why = result.status == IoStatus::Timeout
              ? "the module took only " + std::to_string(result.count) + " of " +
                    std::to_string(bytes.size()) + " bytes before the deadline"
              : "the line is closed";
  }
  return false;
}

void ModuleLine::commandSent(std::string_view line) {
  settings_.afterCommand(line);
  responseStart_ = true;
}

bool ModuleLine::fetch(Deadline deadline) {
  if (end_.ended()) return false;
  std::vector<RxChunk> chunks;
  end_ = stream_.take(chunks, deadline);
  for (RxChunk& chunk : chunks) {
    arrivals_.emplace_back(rx_.size(), chunk.at);
    rx_.insert(rx_.end(), chunk.bytes.begin(), chunk.bytes.end());
    lastArrival_ = chunk.at;
  }
  return !chunks.empty();
}

Clock::time_point ModuleLine::arrivalOf(std::size_t offset) const {
  const auto after = std::upper_bound(
      arrivals_.begin(), arrivals_.end(), offset,
      [](std::size_t value, const auto& arrival) { return value < arrival.first; });
  if (after == arrivals_.begin()) return Clock::now();
  return std::prev(after)->second;
}

Bytes ModuleLine::bytes(std::size_t from, std::size_t to) const {
  to = std::min(to, rx_.size());
  if (from >= to) return {};
  return Bytes(rx_.begin() + static_cast<std::ptrdiff_t>(from),
               rx_.begin() + static_cast<std::ptrdiff_t>(to));
}

std::string ModuleLine::textOf(std::size_t from, std::size_t to) const {
  return std::string(rx_.begin() + static_cast<std::ptrdiff_t>(from),
                     rx_.begin() + static_cast<std::ptrdiff_t>(to));
}

void ModuleLine::record(std::size_t from, std::size_t to, EntryKind kind,
                        std::size_t payloadSize) {
  if (from >= to) return;
  TranscriptEntry entry;
  entry.at = arrivalOf(from);
  entry.until = arrivalOf(to - 1);
  entry.direction = Direction::Rx;
  entry.kind = kind;
  entry.bytes = bytes(from, to);
  entry.payloadSize = payloadSize;
  transcript_.add(std::move(entry));
}

LineRead ModuleLine::peekLine(Deadline deadline, bool blankIsLine) {
  LineRead read;
  if (rxData_) {
    read.arrival = Arrival::DataMode;
    return read;
  }
  ReceivedLine& line = read.line;
  line.begin = cursor_;
  std::size_t position = cursor_;
  bool flush = false;
  while (true) {
    const LexRules rules{.numericResults = !settings_.verbose, .flush = flush || end_.ended()};
    const LexResult lexed = lexLine(rx_, position, rules);
    if (lexed.status == LexStatus::Complete) {
      flush = false;
      const LineToken& token = lexed.token;
      std::string text = textOf(token.begin, token.textEnd);
      std::string ending = textOf(token.textEnd, token.end);
      if (text.empty() && !token.overlong && !blankIsLine && !mail_) {
        line.framing.blankEndings.push_back(std::move(ending));
        position = token.end;
        continue;
      }
      line.text = std::move(text);
      line.framing.ending = std::move(ending);
      line.overlong = token.overlong;
      line.end = token.end;
      read.arrival = Arrival::Arrived;
      return read;
    }
    // Not a whole line yet: what there is of it, for a report of a timeout.
    line.text = textOf(position, rx_.size());
    line.end = rx_.size();
    if (end_.ended()) {
      read.arrival = Arrival::Ended;
      return read;
    }
    const auto now = Clock::now();
    // The LF is not coming (or there is no more time to wait for it): the line ended with CR.
    if (lexed.status == LexStatus::NeedMoreAfterCr &&
        (now >= lastArrival_ + kCrGrace || now >= deadline)) {
      flush = true;
      continue;
    }
    if (now >= deadline) {
      read.arrival = Arrival::Timeout;
      return read;
    }
    const Deadline wait = lexed.status == LexStatus::NeedMoreAfterCr
                              ? std::min(deadline, lastArrival_ + kCrGrace)
                              : deadline;
    fetch(wait);
  }
}

std::vector<ReceivedLine> ModuleLine::availableLines() {
  fetch(Clock::now());
  std::vector<ReceivedLine> lines;
  if (rxData_) return lines;
  const std::size_t saved = cursor_;
  const bool savedMail = mail_;
  while (true) {
    const LineRead read = peekLine(Clock::now(), false);
    if (read.arrival != Arrival::Arrived) break;
    lines.push_back(read.line);
    cursor_ = read.line.end;
    if (hasEffect(read.line.text, settings_.verbose, catalogue::ResultEffect::EntersDataMode)) {
      break;
    }
    if (hasEffect(read.line.text, settings_.verbose, catalogue::ResultEffect::EntersMail)) {
      mail_ = true;
    }
  }
  cursor_ = saved;
  mail_ = savedMail;
  return lines;
}

FramingContext ModuleLine::framingContext(bool unsolicited) const {
  return FramingContext{.verbose = settings_.verbose,
                        .responseStart = responseStart_,
                        .unsolicited = unsolicited,
                        .mail = mail_};
}

std::optional<std::string> ModuleLine::framingProblem(const ReceivedLine& line,
                                                      bool unsolicited) const {
  if (line.overlong) {
    return "the line is longer than " + std::to_string(kMaxLineLength) + " bytes";
  }
  return harness::framingProblem(line.text, line.framing, framingContext(unsolicited));
}

void ModuleLine::consume(const ReceivedLine& line, EntryKind kind) {
  record(line.begin, line.end, kind);
  cursor_ = std::max(cursor_, line.end);
  if (mail_) {
    if (line.text == ".") {
      mail_ = false;
      responseStart_ = true;
    }
    return;
  }
  const bool verbose = settings_.verbose;
  const bool result = kind != EntryKind::Unsolicited && isResultCode(line.text, verbose);
  // AT#PUTMAIL's result (OK, or the error that ended the mail) ends the host's body.
  if (mailBody_ && result) {
    mailBody_ = false;
    hostData_ = false;
  }
  if (hasEffect(line.text, verbose, catalogue::ResultEffect::EntersDataMode)) {
    if (settings_.mailBodyNext) {
      enterMailBody();
    } else {
      enterDataMode();
    }
  }
  if (hasEffect(line.text, verbose, catalogue::ResultEffect::EntersMail)) mail_ = true;
  if (kind != EntryKind::Unsolicited) responseStart_ = result;
  if (result) settings_.resultCame();
}

void ModuleLine::enterMailBody() {
  mailBody_ = true;
  hostData_ = true;
  coding_ = DataCoding::PassThrough;  // the body is text, sent as it is
}

void ModuleLine::enterDataMode() {
  rxData_ = true;
  dataModeSeen_ = true;
  hostData_ = true;
  coding_ = settings_.dataCoding();
  decoder_.reset();
}

void ModuleLine::leaveDataMode() {
  rxData_ = false;
  hostData_ = false;
  responseStart_ = true;
  decoder_.reset();
}

EchoWait ModuleLine::awaitEcho(ByteView echo, Deadline deadline) {
  while (true) {
    const std::size_t available = rx_.size() - cursor_;
    const std::size_t compared = std::min(available, echo.size());
    for (std::size_t i = 0; i < compared; ++i) {
      if (rx_[cursor_ + i] == echo[i]) continue;
      if (i == 0 && isLineEndByte(rx_[cursor_]) && !isLineEndByte(echo[0])) {
        return EchoWait::LineFirst;
      }
      return EchoWait::Mismatch;
    }
    if (available >= echo.size()) return EchoWait::Match;
    if (end_.ended()) return EchoWait::Ended;
    if (Clock::now() >= deadline) return EchoWait::Timeout;
    fetch(deadline);
  }
}

void ModuleLine::consumeEcho(std::size_t size) {
  record(cursor_, cursor_ + size, EntryKind::Echo);
  cursor_ += size;
}

DataRead ModuleLine::readData(std::size_t count, Bytes& out, Deadline deadline) {
  DataRead read;
  const std::size_t start = cursor_;
  const std::size_t strayBefore = decoder_.strayEscapes();
  const std::size_t payloadBefore = out.size();
  Bytes scratch;
  while (out.size() < count) {
    if (cursor_ == rx_.size()) {
      if (end_.ended()) {
        read.arrival = Arrival::Ended;
        break;
      }
      if (Clock::now() >= deadline) {
        read.arrival = Arrival::Timeout;
        break;
      }
      fetch(deadline);
      continue;
    }
    // Each coded byte gives at most one payload byte: feeding no more than are still wanted
    // never reads past them.
    const std::size_t feed = std::min(rx_.size() - cursor_, count - out.size());
    const ByteView input(rx_.data() + cursor_, feed);
    if (coding_ == DataCoding::PassThrough) {
      out.insert(out.end(), input.begin(), input.end());
      cursor_ += feed;
      continue;
    }
    scratch.resize(feed);
    const DleDecoder::Step step = decoder_.decode(input, scratch);
    out.insert(out.end(), scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(step.produced));
    cursor_ += step.consumed;
    if (step.ended) {
      record(start, cursor_ - 1, EntryKind::Data, out.size() - payloadBefore);
      record(cursor_ - 1, cursor_, EntryKind::Close);
      leaveDataMode();
      read.endedEarly = true;
      read.strayEscapes = decoder_.strayEscapes() - strayBefore;
      return read;
    }
  }
  record(start, cursor_, EntryKind::Data, out.size() - payloadBefore);
  read.strayEscapes = decoder_.strayEscapes() - strayBefore;
  return read;
}

DataEndRead ModuleLine::readDataEnd(Deadline deadline) {
  DataEndRead read;
  const std::size_t start = cursor_;
  while (true) {
    if (cursor_ == rx_.size()) {
      if (!read.extra.empty()) break;  // payload came where the ETX belongs: say so now
      if (end_.ended()) {
        read.arrival = Arrival::Ended;
        return read;
      }
      if (Clock::now() >= deadline) {
        read.arrival = Arrival::Timeout;
        return read;
      }
      fetch(deadline);
      continue;
    }
    const Byte byte = rx_[cursor_];
    if (coding_ == DataCoding::PassThrough) {
      if (byte == kEtx && read.extra.empty()) {
        read.etx = true;
      } else {
        read.extra.push_back(byte);
      }
      ++cursor_;
    } else {
      Byte decoded = 0;
      const DleDecoder::Step step = decoder_.decode(ByteView(&byte, 1), std::span<Byte>(&decoded, 1));
      cursor_ += step.consumed;
      if (step.produced > 0) read.extra.push_back(decoded);
      if (step.ended) read.etx = read.extra.empty();
      if (step.ended && !read.extra.empty()) {
        // The ETX came after payload that should not be there.
        record(start, cursor_ - 1, EntryKind::Data, read.extra.size());
        record(cursor_ - 1, cursor_, EntryKind::Close);
        leaveDataMode();
        return read;
      }
    }
    if (read.etx) {
      record(start, cursor_, EntryKind::Close);
      leaveDataMode();
      return read;
    }
    if (read.extra.size() >= kMaxExtraShown) break;
  }
  record(start, cursor_, EntryKind::Data, read.extra.size());
  return read;
}

bool ModuleLine::awaitQuiet(Clock::duration silence, Deadline deadline) {
  const auto since = Clock::now();
  while (true) {
    fetch(Clock::now());
    const auto quietAt = std::max(since, lastArrival_) + silence;
    const auto now = Clock::now();
    if (now >= quietAt) return true;
    if (now >= deadline || end_.ended()) return now >= quietAt;
    fetch(std::min(quietAt, deadline));
  }
}

void ModuleLine::discardReceived(EntryKind kind) {
  fetch(Clock::now());
  record(cursor_, rx_.size(), kind);
  cursor_ = rx_.size();
  if (rxData_) leaveDataMode();
  mail_ = false;
  responseStart_ = true;
}

void ModuleLine::recordUnconsumed() {
  fetch(Clock::now());
  record(cursor_, rx_.size(), EntryKind::Unconsumed);
  cursor_ = rx_.size();
}

}  // namespace atsharp::harness
