// Fuzzing of the reference module's interpreter: host bytes, radio events and the passing of
// time, all chosen by the input, must never crash it; and afterwards the module must still come
// back to a clean AT / OK after a reset, whatever state the input left it in.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "atsharp/reference/module.hpp"

namespace {

using atsharp::reference::Module;
using atsharp::reference::ModuleTime;
using atsharp::reference::RadioEvent;

// Two marker bytes turn the next byte into an event or a time step instead of host input.
constexpr std::uint8_t kEventMarker = 0xFF;
constexpr std::uint8_t kTimeMarker = 0xFE;

RadioEvent eventFor(std::uint8_t selector) {
  using namespace atsharp::reference;
  switch (selector % 9) {
    case 0: return IncomingCall{"0612345678", CallType::Data, 0};
    case 1: return IncomingCall{std::nullopt, CallType::Voice, 2};
    case 2: return HangUp{};
    case 3: return GprsSessionLost{};
    case 4: return SimPresence{(selector & 0x10) != 0};
    case 5: return Registration{selector % 6};
    case 6: return GprsAttachment{(selector & 0x10) != 0};
    case 7: return DialOutcome{"", CallOutcome{CallOutcome::Kind::Busy}};
    default: return DialOutcome{"", CallOutcome{CallOutcome::Kind::Connect, 9600}};
  }
}

// Runs due timers up to @p end, a bounded number of them.
void runTimers(Module& module, ModuleTime& now, ModuleTime end) {
  for (int i = 0; i < 10000; ++i) {
    const auto due = module.nextDeadline();
    if (!due || *due > end) break;
    now = std::max(now, *due);
    module.advance(now);
  }
  now = std::max(now, end);
  module.advance(now);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Module module({});
  ModuleTime now{0};
  for (std::size_t i = 0; i < size; ++i) {
    if ((data[i] == kEventMarker || data[i] == kTimeMarker) && i + 1 < size) {
      const std::uint8_t argument = data[++i];
      if (data[i - 1] == kEventMarker) {
        module.inject(eventFor(argument), now);
      } else {
        runTimers(module, now, now + ModuleTime{argument * 1000});
      }
      continue;
    }
    module.receive({data + i, 1}, now);
  }
  module.takeOutput();
  // Whatever the input left, a CR ends a half-typed line, ESC abandons an entry it may have
  // started, and time ends a running call; input queued behind that may start another, hence
  // the rounds. Then a reset.
  const std::string_view escape = "\r\x1b";
  for (int round = 0; round < 8; ++round) {
    module.receive({reinterpret_cast<const std::uint8_t*>(escape.data()), escape.size()}, now);
    runTimers(module, now, now + ModuleTime{3600 * 1000});
  }
  const std::string_view reset = "AT+CFUN=1\r";
  module.receive({reinterpret_cast<const std::uint8_t*>(reset.data()), reset.size()}, now);
  runTimers(module, now, now + ModuleTime{3600 * 1000});
  module.takeOutput();
  const std::string_view at = "AT\r";
  module.receive({reinterpret_cast<const std::uint8_t*>(at.data()), at.size()}, now);
  const auto output = module.takeOutput();
  const std::string_view expected = "AT\r\r\nOK\r\n";
  if (std::string_view(reinterpret_cast<const char*>(output.data()), output.size()) != expected) {
    std::abort();
  }
  return 0;
}
