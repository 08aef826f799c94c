#include "modem_session.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "interruption.hpp"

namespace atsharp::bench {
namespace {

using namespace std::chrono_literals;

// Control characters shown as \xNN, so that a message with a piece of the line stays readable.
std::string printable(std::string_view text) {
  std::string shown;
  for (const char c : text) {
    if (c == '\r') {
      shown += "\\r";
    } else if (c == '\n') {
      shown += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      const auto byte = static_cast<unsigned char>(c);
      shown += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
    } else {
      shown += c;
    }
  }
  return shown;
}

// An error answer ends a command as OK does: "ERROR", "+CME ERROR: n" or "#CME ERROR: n".
bool hasError(std::string_view text) {
  const std::size_t at = text.find("ERROR");
  return at != std::string_view::npos && text.find("\r\n", at) != std::string_view::npos;
}

}  // namespace

std::string ModemSession::command(std::string_view command, std::string_view final,
                                  std::chrono::milliseconds timeout) {
  send(asBytes(std::string(command) + "\r"));
  try {
    return expect(final, timeout);
  } catch (const std::runtime_error& failure) {
    throw std::runtime_error(std::string(command) + ": " + failure.what());
  }
}

std::string ModemSession::expect(std::string_view final, std::chrono::milliseconds timeout) {
  const Deadline deadline = after(timeout);
  std::string seen;
  std::array<Byte, 4096> buffer{};
  for (;;) {
    if (const std::size_t end = seen.find(final); end != std::string::npos) {
      unread(asBytes(std::string_view(seen).substr(end + final.size())));
      return seen.substr(0, end + final.size());
    }
    if (hasError(seen)) throw std::runtime_error("the answer was " + printable(seen));
    if (Clock::now() >= deadline) {
      throw std::runtime_error("no \"" + printable(final) + "\" in time; came: \"" +
                               printable(seen) + "\"");
    }
    const std::size_t got = readSome(buffer, std::min(deadline, after(200ms)));
    seen += asString(ByteView(buffer.data(), got));
  }
}

void ModemSession::send(ByteView bytes) {
  const IoResult result = line_.write(bytes, after(10s));
  if (result.status != IoStatus::Ok) {
    throw std::runtime_error("the line did not take " + std::to_string(bytes.size()) + " bytes");
  }
}

std::size_t ModemSession::readSome(std::span<Byte> out, Deadline deadline) {
  throwIfInterrupted();
  if (!pending_.empty()) {
    const std::size_t count = std::min(out.size(), pending_.size());
    std::memcpy(out.data(), pending_.data(), count);
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(count));
    return count;
  }
  const IoResult result = line_.read(out, deadline);
  if (result.status == IoStatus::Closed) throw std::runtime_error("the line closed");
  return result.count;
}

void ModemSession::unread(ByteView bytes) {
  pending_.insert(pending_.begin(), bytes.begin(), bytes.end());
}

void startGprs(ModemSession& session) {
  session.command("ATE0");  // no echo: what comes is then only answers
  // Refused (+CME ERROR) until the network registration, a second after power-on; and the
  // OK only starts the attachment, which takes half a second more.
  const auto deadline = Clock::now() + 15s;
  for (;;) {
    try {
      session.command("AT+CGATT=1");
      if (session.command("AT+CGATT?").find("+CGATT: 1") != std::string::npos) break;
    } catch (const std::runtime_error&) {
      if (Clock::now() >= deadline) throw;
    }
    if (Clock::now() >= deadline) throw std::runtime_error("GPRS did not attach in 15 s");
    throwIfInterrupted();
    std::this_thread::sleep_for(100ms);
  }
  session.command("AT#CONNECTIONSTART", "Ok_Info_GprsActivation\r\n");
}

}  // namespace atsharp::bench
