#include "command_line_reader.hpp"

#include "atsharp/codec/control_characters.hpp"

namespace atsharp::reference {
namespace {

constexpr Byte kBackspace = 0x08;
constexpr Byte kDelete = 0x7F;
constexpr Byte kEscape = 0x1B;

bool isErase(Byte byte) noexcept { return byte == kBackspace || byte == kDelete; }

bool isRepeat(const std::string& line) noexcept {
  return line.size() == 2 && (line[0] == 'A' || line[0] == 'a') && line[1] == '/';
}

void echoByte(Bytes* echo, Byte byte) {
  if (echo) echo->push_back(byte);
}

}  // namespace

std::optional<ReaderEvent> CommandLineReader::take(Byte byte, Bytes* echo) {
  return entry_ ? takeInEntry(byte, echo) : takeInLine(byte, echo);
}

std::optional<ReaderEvent> CommandLineReader::takeInLine(Byte byte, Bytes* echo) {
  if (byte == '\r') {
    echoByte(echo, byte);
    return endLine();
  }
  if (isErase(byte)) {
    echoByte(echo, byte);
    if (!line_.empty() && !overlong_) line_.pop_back();
    return std::nullopt;
  }
  // Other control characters (LF, NUL, Ctrl-Z outside an entry, ESC) are not part of a command
  // line and are dropped, as a V.250 DCE ignores them.
  if (byte < 0x20) return std::nullopt;
  echoByte(echo, byte);
  if (overlong_) return std::nullopt;
  if (line_.size() == kMaxLine) {
    overlong_ = true;
    line_.clear();
    return std::nullopt;
  }
  line_.push_back(static_cast<char>(byte));
  // A/ repeats the last command line at once, without a CR (V.250 6.2.2).
  if (isRepeat(line_)) {
    line_.clear();
    return ReaderEvent{ReaderEvent::Kind::RepeatLast, lastLine_};
  }
  return std::nullopt;
}

std::optional<ReaderEvent> CommandLineReader::endLine() {
  if (overlong_) {
    overlong_ = false;
    return ReaderEvent{ReaderEvent::Kind::Overlong, {}};
  }
  std::string line;
  line.swap(line_);
  if (line.empty()) return std::nullopt;
  lastLine_ = line;
  return ReaderEvent{ReaderEvent::Kind::Line, std::move(line)};
}

std::optional<ReaderEvent> CommandLineReader::takeInEntry(Byte byte, Bytes* echo) {
  if (byte == kCtrlZ || byte == kEscape) {
    entry_ = false;
    std::string text;
    text.swap(line_);
    const bool overlong = overlong_;
    overlong_ = false;
    if (byte == kEscape) return ReaderEvent{ReaderEvent::Kind::EntryAbandoned, {}};
    if (overlong) return ReaderEvent{ReaderEvent::Kind::EntryOverlong, {}};
    return ReaderEvent{ReaderEvent::Kind::EntryDone, std::move(text)};
  }
  echoByte(echo, byte);
  if (isErase(byte)) {
    if (!line_.empty() && !overlong_) line_.pop_back();
    return std::nullopt;
  }
  if (overlong_) return std::nullopt;
  if (line_.size() == kMaxEntry) {
    overlong_ = true;
    line_.clear();
    return std::nullopt;
  }
  line_.push_back(static_cast<char>(byte));
  return std::nullopt;
}

void CommandLineReader::beginEntry() {
  entry_ = true;
  line_.clear();
  overlong_ = false;
}

void CommandLineReader::reset() {
  line_.clear();
  overlong_ = false;
  entry_ = false;
}

}  // namespace atsharp::reference
