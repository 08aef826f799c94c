#include "host_session.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "atsharp/catalogue/results.hpp"
#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_encoder.hpp"

namespace atsharp::test {
namespace {

// How much of the received bytes a failure message shows.
constexpr std::size_t kTranscriptTail = 2048;

// A line that ends an answer: a final result, an error, or a message after which data or a
// mail follows (the caller reads those with the data functions).
bool endsAnswer(std::string_view line) {
  if (line.starts_with("#CME ERROR: ") || line.starts_with("+CME ERROR: ")) return true;
  const std::optional<catalogue::Result> result = catalogue::findVerboseResult(line);
  if (!result) return false;
  const catalogue::ResultSpec& spec = catalogue::spec(*result);
  return spec.role == catalogue::ResultRole::Final ||
         spec.effect != catalogue::ResultEffect::None;
}

std::string_view withoutCarriageReturns(std::string_view line) {
  while (!line.empty() && line.front() == '\r') line.remove_prefix(1);
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::string visible(std::string_view bytes) {
  std::string text;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\r') {
      text += "\\r";
    } else if (c == '\n') {
      text += "\\n";
    } else if (byte < 0x20 || byte >= 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      text += hex;
    } else {
      text += c;
    }
  }
  return text;
}

HostSession::HostSession(std::unique_ptr<Transport> line) : line_(std::move(line)) {}

HostSession::~HostSession() { line_->close(); }

HostReply HostSession::command(std::string_view commandLine, Deadline deadline) {
  write(std::string(commandLine) + "\r", deadline);
  return nextAnswer(deadline);
}

void HostSession::set(std::initializer_list<std::string_view> lines) {
  for (const std::string_view commandLine : lines) {
    const HostReply reply = command(commandLine);
    if (reply.raw != "\r\nOK\r\n") {
      fail(std::string(commandLine) + " was answered \"" + visible(reply.raw) + "\", not OK");
    }
  }
}

HostReply HostSession::enter(std::string_view commandLine, std::string_view text) {
  write(std::string(commandLine) + "\r" + std::string(text) + static_cast<char>(kCtrlZ));
  return nextAnswer();
}

bool HostSession::inCommandMode() { return command("AT").raw == "\r\nOK\r\n"; }

HostReply HostSession::nextAnswer(Deadline deadline) {
  HostReply reply;
  for (;;) {
    std::string line = takeLine(reply.raw, deadline);
    if (line.empty()) continue;
    if (endsAnswer(line)) {
      reply.final = std::move(line);
      return reply;
    }
    reply.lines.push_back(std::move(line));
  }
}

void HostSession::write(std::string_view bytes, Deadline deadline) {
  // No transcript here: the reading thread owns it.
  const IoResult result = line_->write(asBytes(bytes), deadline);
  if (result.status != IoStatus::Ok) {
    throw std::runtime_error("writing to the module: only " + std::to_string(result.count) +
                             " of " + std::to_string(bytes.size()) + " bytes went out");
  }
}

void HostSession::writeData(ByteView payload, Deadline deadline) {
  Bytes coded;
  coded.reserve(DleEncoder::maxEncodedSize(payload.size()));
  DleEncoder::encode(payload, coded);
  write(asString(coded), deadline);
}

void HostSession::endData() { write(std::string(1, static_cast<char>(kEtx))); }

Bytes HostSession::readDataToEtx(Deadline deadline) {
  Bytes payload;
  for (;;) {
    if (!pending_.empty()) {
      Bytes decoded(pending_.size());
      const DleDecoder::Step step = decoder_.decode(asBytes(pending_), decoded);
      payload.insert(payload.end(), decoded.begin(),
                     decoded.begin() + static_cast<std::ptrdiff_t>(step.produced));
      pending_.erase(0, step.consumed);
      if (step.ended) {
        decoder_.reset();
        return payload;
      }
    }
    fill(deadline, "the module's ETX after " + std::to_string(payload.size()) + " data bytes");
  }
}

Bytes HostSession::readData(std::size_t size, Deadline deadline) {
  Bytes payload;
  while (payload.size() < size) {
    // Never more input than payload still wanted: each input byte gives at most one.
    const std::size_t slice = std::min(pending_.size(), size - payload.size());
    if (slice == 0) {
      fill(deadline, std::to_string(size) + " data bytes (" + std::to_string(payload.size()) +
                         " came)");
      continue;
    }
    Bytes decoded(slice);
    const DleDecoder::Step step = decoder_.decode(asBytes(pending_).first(slice), decoded);
    payload.insert(payload.end(), decoded.begin(),
                   decoded.begin() + static_cast<std::ptrdiff_t>(step.produced));
    pending_.erase(0, step.consumed);
    if (step.ended) {
      decoder_.reset();
      fail("the module ended data mode after " + std::to_string(payload.size()) + " of " +
           std::to_string(size) + " data bytes");
    }
  }
  return payload;
}

std::string HostSession::readRaw(std::size_t size, Deadline deadline) {
  while (pending_.size() < size) {
    fill(deadline, std::to_string(size) + " bytes (" + std::to_string(pending_.size()) + " came)");
  }
  return take(size);
}

std::string HostSession::readUntil(std::string_view suffix, Deadline deadline) {
  std::size_t at;
  while ((at = pending_.find(suffix)) == std::string::npos) {
    fill(deadline, "\"" + visible(suffix) + "\"");
  }
  return take(at + suffix.size());
}

void HostSession::fill(Deadline deadline, std::string_view waitingFor) {
  std::array<Byte, 65536> buffer{};
  const IoResult result = line_->read(buffer, deadline);
  const std::string_view got(reinterpret_cast<const char*>(buffer.data()), result.count);
  pending_ += got;
  transcript_ += got;
  if (transcript_.size() > kTranscriptTail) {
    transcript_.erase(0, transcript_.size() - kTranscriptTail);
  }
  if (result.status == IoStatus::Timeout) fail("no " + std::string(waitingFor) + " in time");
  if (result.status == IoStatus::Closed) {
    fail("the line closed while waiting for " + std::string(waitingFor));
  }
}

std::string HostSession::takeLine(std::string& raw, Deadline deadline) {
  std::size_t end;
  while ((end = pending_.find('\n')) == std::string::npos) fill(deadline, "a line end");
  std::string bytes = take(end + 1);
  raw += bytes;
  return std::string(withoutCarriageReturns(std::string_view(bytes).substr(0, end)));
}

std::string HostSession::take(std::size_t size) {
  std::string taken = pending_.substr(0, size);
  pending_.erase(0, size);
  return taken;
}

void HostSession::fail(std::string_view what) const {
  throw std::runtime_error(std::string(what) + "; the last bytes from the module: \"" +
                           visible(transcript_) + "\"");
}

}  // namespace atsharp::test
