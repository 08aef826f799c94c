#include "run/module_reset.hpp"

#include <thread>

#include "targets/hook_command.hpp"

namespace atsharp::harness {
namespace {

constexpr auto kHookTimeout = std::chrono::seconds(120);
constexpr auto kCommandTimeout = std::chrono::seconds(10);
constexpr auto kAnswerTimeout = std::chrono::seconds(30);

void note(Transcript& transcript, const std::string& text) {
  TranscriptEntry entry;
  entry.at = Clock::now();
  entry.direction = Direction::Event;
  entry.kind = EntryKind::Note;
  entry.text = text;
  transcript.add(std::move(entry));
}

bool isError(const std::string& text) {
  return text == "ERROR" || text.rfind("#CME ERROR", 0) == 0 || text.rfind("+CME ERROR", 0) == 0 ||
         text == "4";
}

}  // namespace

bool commandAnsweredOk(ModuleLine& line, const std::string& command, Deadline deadline) {
  std::string why;
  if (!line.write(asBytes(command + "\r"), EntryKind::Command, command, deadline, why)) {
    return false;
  }
  line.commandSent(command);
  while (true) {
    const LineRead read = line.peekLine(deadline, false);
    if (read.arrival != Arrival::Arrived) {
      line.discardReceived(EntryKind::Discarded);
      return false;
    }
    line.consume(read.line, EntryKind::Discarded);
    // The echo comes as a line of its own here ("AT\r" is a line ended by CR).
    if (read.line.text == "OK" || read.line.text == "0") return true;
    if (isError(read.line.text)) return false;
  }
}

std::string resetModule(ModuleLine& line, Transcript& transcript, const ResetPlan& plan,
                        const Timing& timing) {
  if (!plan.hook.empty()) {
    note(transcript, "reset hook: " + plan.hook);
    const HookResult hook = runHook(plan.hook, kHookTimeout);
    if (!hook.ok) {
      return "the reset hook failed (status " + std::to_string(hook.status) + "): " + hook.output;
    }
  } else {
    for (const std::string& command : plan.commands) {
      note(transcript, "reset: " + command);
      if (!commandAnsweredOk(line, command, after(kCommandTimeout))) {
        return "the module did not answer " + command + " with OK";
      }
    }
  }
  std::this_thread::sleep_for(plan.settle.realTime(timing.timeScale));
  line.discardReceived(EntryKind::Discarded);
  const Deadline deadline = after(kAnswerTimeout);
  while (Clock::now() < deadline) {
    if (commandAnsweredOk(line, "AT", after(std::chrono::seconds(1)))) {
      line.awaitQuiet(std::chrono::milliseconds(200), after(std::chrono::seconds(2)));
      line.discardReceived(EntryKind::Discarded);
      return "";
    }
  }
  return "the module did not answer AT with OK within 30 s after its reset";
}

}  // namespace atsharp::harness
