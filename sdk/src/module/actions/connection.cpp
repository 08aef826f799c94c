// The link to the Internet (2.2): AT#CONNECTIONSTART over GPRS or GSM, AT#ACCEPT of an incoming
// call, AT#CONNECTIONSTOP.

#include "atsharp/module/module.hpp"

#include "../exchange.hpp"
#include "action_timeouts.hpp"
#include "connection_progress.hpp"
#include "setting_reader.hpp"

namespace atsharp {
namespace {

using catalogue::Param;
using catalogue::Result;
using detail::LineEvent;

// How a connection command's answer ends.
struct LinkAnswer {
  /// Failed call attempts (BUSY, NO ANSWER, NO CARRIER) until the command ends: the last of
  /// the 1 + REDIALCOUNT attempts over GSM (2.1.4) ends it, an earlier one is followed by the
  /// next attempt.
  int attempts = 1;
  /// AT#ACCEPT answers OK at once and says PPP OK once the link is up (2.2.1.2);
  /// AT#CONNECTIONSTART ends with Ok_Info_Ppp or Ok_Info_GprsActivation (2.2.3.2).
  bool endsWithPppOk = false;
};

bool isCallFailure(Result result) {
  return result == Result::Busy || result == Result::NoAnswer || result == Result::NoCarrier;
}

bool isLinkUp(Result result, const LinkAnswer& answer) {
  return result == Result::Ppp || result == Result::GprsActivation ||
         (result == Result::Ok && !answer.endsWithPppOk);
}

// Reads the answer until the link is up (returns) or has failed (throws ModuleError).
void awaitLink(Exchange& exchange, detail::ConnectionProgress& steps, const LinkAnswer& answer) {
  int failures = 0;
  for (;;) {
    LineEvent event = exchange.next();
    if (auto* progress = std::get_if<ProgressLine>(&event)) {
      const bool up = progress->kind == Progress::PppOk;
      steps.take(std::move(*progress));
      if (up) return;
    } else if (const auto* error = std::get_if<CmeErrorLine>(&event)) {
      throw ModuleError(exchange.label(), error->code);
    } else if (const auto* line = std::get_if<ResultLine>(&event)) {
      const Result result = line->result;
      if (isCallFailure(result)) {
        if (++failures >= answer.attempts) throw ModuleError(exchange.label(), result);
        steps.attemptFailed(result);
      } else if (isLinkUp(result, answer)) {
        return;
      } else if (result != Result::Ok &&
                 catalogue::spec(result).role == catalogue::ResultRole::Final) {
        throw ModuleError(exchange.label(), result);  // ERROR, PPP ERROR
      }
      // Otherwise AT#ACCEPT's first OK: the call is being answered.
    }
  }
}

// "MY IP: 1.2.3.4" of AT#DISPLAYIP (2.3.2).
std::string displayedAddress(Module& module) {
  constexpr std::string_view kMyIp = "MY IP:";
  for (const std::string& line : module.command("AT#DISPLAYIP").lines) {
    if (!line.starts_with(kMyIp)) continue;
    std::string address = line.substr(kMyIp.size());
    address.erase(0, address.find_first_not_of(' '));
    return address;
  }
  return {};
}

// The link is up: the Connection, with AT#DISPLAYIP's address if the answer gave none.
Connection established(Module& module, detail::ConnectionProgress& steps) {
  steps.rethrowHandlerFailure();
  if (steps.connection().address.empty()) steps.setAddress(displayedAddress(module));
  return steps.connection();
}

}  // namespace

Connection Module::connectionStart(const ProgressHandler& progress,
                                   std::optional<Milliseconds> timeout) {
  LinkAnswer answer;
  Milliseconds wait = detail::kConnectionAttempt;
  if (detail::readWholeSetting(*this, Param::Gprsmode) == 0) {  // GSM (2.1.22)
    const int redials = detail::readWholeSetting(*this, Param::Redialcount);
    answer.attempts = 1 + redials;
    wait = detail::gsmConnectionTimeout(redials,
                                        detail::readWholeSetting(*this, Param::Redialdelay));
  }
  detail::ConnectionProgress steps(progress);
  {
    Exchange exchange(*this, "AT#CONNECTIONSTART", timeout.value_or(wait));
    awaitLink(exchange, steps, answer);
  }
  return established(*this, steps);
}

Connection Module::accept(const ProgressHandler& progress, std::optional<Milliseconds> timeout) {
  detail::ConnectionProgress steps(progress);
  {
    Exchange exchange(*this, "AT#ACCEPT", timeout.value_or(detail::kConnectionAttempt));
    awaitLink(exchange, steps, LinkAnswer{.attempts = 1, .endsWithPppOk = true});
  }
  return established(*this, steps);
}

void Module::connectionStop(std::optional<Milliseconds> timeout) {
  command("AT#CONNECTIONSTOP", timeout.value_or(detail::kConnectionStop));
}

}  // namespace atsharp
