// AT#PING (7.2): PINGNUM echo requests to PINGREMOTE, a report line for each, then OK.

#include "atsharp/module/module.hpp"

#include "../exchange.hpp"
#include "action_timeouts.hpp"
#include "callback_guard.hpp"
#include "ping_report.hpp"
#include "setting_reader.hpp"

namespace atsharp {

std::vector<PingReport> Module::ping(const PingHandler& each,
                                     std::optional<Milliseconds> timeout) {
  using catalogue::Param;
  const int requests = detail::readWholeSetting(*this, Param::Pingnum);
  const int delay = detail::readWholeSetting(*this, Param::Pingdelay);
  Exchange exchange(*this, "AT#PING", timeout.value_or(detail::pingTimeout(requests, delay)));
  std::vector<PingReport> reports;
  detail::CallbackGuard guard;
  for (;;) {
    const detail::LineEvent event = exchange.next();
    if (const std::optional<FinalResult> final = plainFinal(event)) {
      if (final->cmeError) throw ModuleError(exchange.label(), *final->cmeError);
      if (!final->succeeded()) throw ModuleError(exchange.label(), *final->result);
      break;
    }
    // A line of another form is not a report: it is skipped, as a module's extra text would be.
    const auto* line = std::get_if<InformationLine>(&event);
    if (!line) continue;
    // PINGNUM reports at most: more would be a module that does not end its answer.
    std::optional<PingReport> report = detail::parsePingReport(line->text);
    if (report && reports.size() < static_cast<std::size_t>(requests)) {
      reports.push_back(std::move(*report));
      guard.call(each, reports.back());
    }
  }
  guard.rethrow();
  return reports;
}

}  // namespace atsharp
