// Routing the module's events during one command: the answer to the caller, URCs to the
// handlers, the echo nowhere.

#include "exchange.hpp"

#include <algorithm>
#include <cctype>

#include "atsharp/catalogue/credentials.hpp"
#include "atsharp/catalogue/errors.hpp"
#include "command_text.hpp"

namespace atsharp {
namespace {

using catalogue::Result;
using detail::LineEvent;

// The module sends +CLIP right behind RING; a RING with nothing behind it for this long has none.
constexpr Milliseconds kClipGrace{100};

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "+CREG: 1" or "+CREG: 0,1" (the n,stat form of a read): the status is the last number.
int registrationStatus(const std::string& text) {
  const std::size_t last = text.find_last_of(":,");
  if (last == std::string::npos) return -1;
  try {
    return std::stoi(text.substr(last + 1));
  } catch (const std::exception&) {
    return -1;
  }
}

// The caller's number of `+CLIP: "0612345678",129`, when there is one.
std::optional<std::string> clipNumber(const std::string& text) {
  const std::size_t open = text.find('"');
  if (open == std::string::npos) return std::nullopt;
  const std::size_t close = text.find('"', open + 1);
  if (close == std::string::npos || close == open + 1) return std::nullopt;
  return text.substr(open + 1, close - open - 1);
}

}  // namespace

Exchange::Exchange(Module& module, std::string_view commandLine, Milliseconds timeout,
                   const std::function<void(ResponseParser&)>& prepare)
    : Exchange(module, catalogue::maskCredentials(commandLine), timeout, true) {
  upperCommand_ = detail::upperCase(commandLine);
  if (module_.stale_) {
    // What came after an earlier command (or a data session's end) timed out answers that
    // command, not this one; and the host goes on in command mode.
    line().discardPending();
    module_.stale_ = false;
  }
  line().parser().setAfterSwitch(AfterSwitch::Data);
  if (prepare) prepare(line().parser());
  std::string bytes(commandLine);
  bytes += '\r';
  line().write(asBytes(bytes), timeout, label_);
}

Exchange::Exchange(Module& module, std::string label, Milliseconds timeout, bool)
    : module_(module),
      hold_(module),
      label_(std::move(label)),
      timeout_(timeout),
      start_(Clock::now()),
      deadline_(start_ + timeout) {}

LineEvent Exchange::next() {
  std::optional<LineEvent> event = next(deadline_);
  if (!event) {
    module_.stale_ = true;
    throw TimeoutError(label_, waited());
  }
  return std::move(*event);
}

std::optional<LineEvent> Exchange::next(Deadline deadline) {
  for (;;) {
    // A pending RING waits a moment for the +CLIP line that may follow it.
    const Deadline until = ringPending_ ? std::min(deadline, after(kClipGrace)) : deadline;
    std::optional<LineEvent> event = line().next(until);
    if (!event && ringPending_) {
      flushRing();
      continue;
    }
    if (!event) return std::nullopt;
    if (!route(*event)) return event;
  }
}

void Exchange::extend(Milliseconds more) {
  deadline_ = Clock::now() + more;
  timeout_ = std::chrono::duration_cast<Milliseconds>(deadline_ - start_);
}

Milliseconds Exchange::waited() const {
  return std::chrono::duration_cast<Milliseconds>(timeout_);
}

void Exchange::flushRing() {
  ringPending_ = false;
  module_.dispatch(RingUrc{});
}

bool Exchange::route(const LineEvent& event) {
  if (const auto* unsolicited = std::get_if<UnsolicitedLine>(&event)) {
    if (unsolicited->kind == Unsolicited::Clip && ringPending_) {
      ringPending_ = false;
      module_.dispatch(RingUrc{clipNumber(unsolicited->text)});
      return true;
    }
    if (ringPending_) flushRing();
    switch (unsolicited->kind) {
      case Unsolicited::Ring:
        ringPending_ = true;
        return true;
      case Unsolicited::Clip:
        return true;  // a +CLIP without its RING: nothing to report
      case Unsolicited::Creg:
      case Unsolicited::Cgreg: {
        // The answer to AT+CREG? / AT+CGREG? has the same form: it belongs to that command.
        const bool gprs = unsolicited->kind == Unsolicited::Cgreg;
        if (startsWith(upperCommand_, gprs ? "AT+CGREG" : "AT+CREG")) return false;
        module_.dispatch(RegistrationUrc{
            gprs ? RegistrationUrc::Network::Gprs : RegistrationUrc::Network::Gsm,
            registrationStatus(unsolicited->text)});
        return true;
      }
      case Unsolicited::Timeout:
        module_.dispatch(InactivityTimeoutUrc{});
        return true;
    }
  }
  if (ringPending_) flushRing();
  if (std::holds_alternative<EchoLine>(event)) return true;
  if (const auto* overlong = std::get_if<OverlongLine>(&event)) {
    throw ProtocolError(label_ + ": the module sent a line longer than the parser's bound",
                        toBytes(overlong->start));
  }
  const bool connecting = startsWith(upperCommand_, "AT#CONNECTIONSTART") ||
                          startsWith(upperCommand_, "AT#ACCEPT");
  if (const auto* error = std::get_if<CmeErrorLine>(&event)) {
    // A lost GPRS session or SIM answers AT#CONNECTIONSTART or AT#ACCEPT while they run; at
    // any other moment it is the module's own report.
    using catalogue::CmeError;
    if (error->code == static_cast<int>(CmeError::GprsSessionLost) && !connecting) {
      module_.dispatch(GprsLostUrc{});
      return true;
    }
    if (error->code == static_cast<int>(CmeError::SimRemoved) && !connecting) {
      module_.dispatch(SimRemovedUrc{});
      return true;
    }
  }
  if (const auto* result = std::get_if<ResultLine>(&event)) {
    if (result->result == Result::NoCarrier && !connecting &&
        !startsWith(upperCommand_, "ATD") && !startsWith(upperCommand_, "ATA")) {
      module_.dispatch(CallEndedUrc{});
      return true;
    }
    if (result->result == Result::Ring) {
      ringPending_ = true;
      return true;
    }
  }
  return false;
}

std::optional<FinalResult> plainFinal(const LineEvent& event) {
  if (const auto* error = std::get_if<CmeErrorLine>(&event)) {
    return FinalResult{std::nullopt, error->code};
  }
  if (const auto* result = std::get_if<ResultLine>(&event)) {
    const catalogue::ResultSpec& spec = catalogue::spec(result->result);
    const bool callFailure = result->result == Result::Busy ||
                             result->result == Result::NoAnswer ||
                             result->result == Result::NoCarrier;
    if (spec.role == catalogue::ResultRole::Final || callFailure ||
        spec.effect == catalogue::ResultEffect::EntersDataMode) {
      return FinalResult{result->result, std::nullopt};
    }
  }
  return std::nullopt;
}

Reply collectReply(Exchange& exchange) {
  Reply reply;
  for (;;) {
    LineEvent event = exchange.next();
    if (std::optional<FinalResult> final = plainFinal(event)) {
      reply.final = *final;
      return reply;
    }
    if (auto* information = std::get_if<InformationLine>(&event)) {
      reply.lines.push_back(std::move(information->text));
    } else if (auto* progress = std::get_if<ProgressLine>(&event)) {
      reply.progress.push_back(std::move(*progress));
    } else if (const auto* result = std::get_if<ResultLine>(&event)) {
      reply.lines.push_back(std::string(catalogue::spec(result->result).verbose));
    } else if (std::holds_alternative<DataModeStarted>(event)) {
      // A switch message that was not final for this command (PUTMAIL's lines go on).
    } else if (auto* unsolicited = std::get_if<UnsolicitedLine>(&event)) {
      // A line in a URC's form that the command asked for (+CREG: 1,1 answers AT+CREG?).
      reply.lines.push_back(std::move(unsolicited->text));
    } else if (auto* mailLine = std::get_if<MailLine>(&event)) {
      reply.lines.push_back(std::move(mailLine->text));
    }
  }
}

}  // namespace atsharp
