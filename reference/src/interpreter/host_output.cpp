#include "host_output.hpp"

#include <string>

namespace atsharp::reference {

void HostOutput::echo(ByteView bytes) { raw(bytes); }

void HostOutput::raw(ByteView bytes) { bytes_.insert(bytes_.end(), bytes.begin(), bytes.end()); }

void HostOutput::framed(std::string_view text) {
  // V.250: verbose responses are framed <CR><LF>text<CR><LF>; in numeric mode information text
  // ends with <CR><LF> and has no header.
  if (verbose_) raw(asBytes("\r\n"));
  raw(asBytes(text));
  raw(asBytes("\r\n"));
}

void HostOutput::line(std::string_view text) { framed(text); }

void HostOutput::block(const std::vector<std::string>& lines) {
  if (verbose_) raw(asBytes("\r\n"));
  for (const std::string& text : lines) {
    raw(asBytes(text));
    raw(asBytes("\r\n"));
  }
}

void HostOutput::result(catalogue::Result result) {
  const catalogue::ResultSpec& spec = catalogue::spec(result);
  if (verbose_ || spec.numeric < 0) {
    framed(spec.verbose);
    return;
  }
  // Numeric result codes are the code and <CR> alone (V.250, spec 9.1).
  raw(asBytes(std::to_string(spec.numeric) + "\r"));
}

void HostOutput::cmeError(int code, char prefix) {
  framed(std::string(1, prefix) + "CME ERROR: " + std::to_string(code));
}

void HostOutput::unsolicited(std::string text) { wait(std::move(text)); }

void HostOutput::unsolicited(catalogue::Result result) { wait(result); }

void HostOutput::wait(Unsolicited line) {
  if (!held_) {
    write(line);
    return;
  }
  if (waiting_.size() == kMaxWaiting) waiting_.pop_front();
  waiting_.push_back(std::move(line));
}

void HostOutput::write(const Unsolicited& line) {
  if (const auto* text = std::get_if<std::string>(&line)) {
    framed(*text);
  } else {
    result(std::get<catalogue::Result>(line));
  }
}

void HostOutput::release() {
  held_ = false;
  while (!waiting_.empty()) {
    write(waiting_.front());
    waiting_.pop_front();
  }
}

Bytes HostOutput::take() {
  Bytes out;
  out.swap(bytes_);
  return out;
}

}  // namespace atsharp::reference
