#include "module_core.hpp"

#include <algorithm>

#include "dispatch.hpp"
#include "../parameters/parameter_commands.hpp"

namespace atsharp::reference {

ModuleCore::ModuleCore(ModuleOptions options, ModuleTime start)
    : scenario(std::move(options.scenario)),
      now(start),
      flash_(options.flash.value_or(FlashImage{})) {
  startFrom(flash_);
}

// Power-on and AT+CFUN=1: RAM settings to their defaults, parameters from the flash.
void ModuleCore::startFrom(const FlashImage& flash) {
  settings = {};
  out.setVerbose(true);
  reader_.reset();
  entry_.reset();
  busy_ = false;
  input_.clear();
  out.release();
  timers.cancelAll();
  params.load(flash);
  link.reset(*this);
  radio.powerOn(*this);
}

void ModuleCore::receive(ByteView bytes, ModuleTime time) {
  now = std::max(now, time);
  for (Byte b : bytes) {
    if (input_.size() == kMaxHeldInput) break;  // an operation runs and the host keeps typing
    input_.push_back(b);
  }
  processInput();
}

// Takes the host's bytes one by one until they run out or an operation makes the line busy:
// a byte's meaning (command text, entry text, nothing) depends on what the ones before it did.
void ModuleCore::processInput() {
  Bytes echo;
  while (!busy_ && !input_.empty()) {
    const Byte b = input_.front();
    input_.pop_front();
    echo.clear();
    const std::optional<ReaderEvent> event = reader_.take(b, settings.echo ? &echo : nullptr);
    out.echo(echo);
    if (event) takeReaderEvent(*event);
  }
}

void ModuleCore::takeReaderEvent(const ReaderEvent& event) {
  switch (event.kind) {
    case ReaderEvent::Kind::Line:
    case ReaderEvent::Kind::RepeatLast: executeLine(event.text); break;
    case ReaderEvent::Kind::Overlong:
      out.cmeError(catalogue::CmeError::CommandTooLong);
      break;
    case ReaderEvent::Kind::EntryDone:
    case ReaderEvent::Kind::EntryAbandoned:
    case ReaderEvent::Kind::EntryOverlong: finishEntry(event); break;
  }
}

void ModuleCore::executeLine(const std::string& line) {
  const ParsedLine parsed = parseCommandLine(line);
  if (std::holds_alternative<NotACommandLine>(parsed)) return;  // V.250: not for the module
  if (const auto* error = std::get_if<SyntaxError>(&parsed)) {
    if (error->prefix == '#') {
      out.cmeError(catalogue::CmeError::SyntaxError);
    } else {
      out.result(catalogue::Result::Error);
    }
    return;
  }
  executeCommands(std::get<std::vector<ParsedCommand>>(parsed));
}

// V.250: the commands of a line run in order; the first error ends the line, and one OK ends a
// line that went through. Unsolicited lines wait while the line runs.
void ModuleCore::executeCommands(const std::vector<ParsedCommand>& commands) {
  out.hold();
  for (const ParsedCommand& command : commands) {
    const Outcome outcome = execute(*this, command);
    if (outcome == Outcome::Busy) {
      busy_ = true;
      return;  // the operation writes the final result; finishOperation() releases
    }
    if (outcome == Outcome::Answered) {
      if (!entry_) out.release();
      return;
    }
  }
  out.result(catalogue::Result::Ok);
  out.release();
}

void ModuleCore::finishOperation() {
  busy_ = false;
  out.release();
  processInput();
}

void ModuleCore::beginEntry(EntryTarget target) {
  entry_ = target;
  reader_.beginEntry();
}

void ModuleCore::finishEntry(const ReaderEvent& event) {
  const EntryTarget target = *entry_;
  entry_.reset();
  takeEntry(*this, target, event);
  out.release();
}

void ModuleCore::inject(const RadioEvent& event, ModuleTime time) {
  now = std::max(now, time);
  std::visit(
      [this](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, IncomingCall>) link.incomingCall(*this, e);
        if constexpr (std::is_same_v<E, HangUp>) link.hangUp(*this);
        if constexpr (std::is_same_v<E, GprsSessionLost>) link.gprsLost(*this);
        if constexpr (std::is_same_v<E, SimPresence>) radio.simPresence(*this, e.present);
        if constexpr (std::is_same_v<E, Registration>) radio.registrationChange(*this, e.status);
        if constexpr (std::is_same_v<E, GprsAttachment>) radio.gprsAttachment(*this, e.attached);
        if constexpr (std::is_same_v<E, DialOutcome>) link.setDialOutcome(*this, e);
      },
      event);
}

void ModuleCore::advance(ModuleTime time) {
  now = std::max(now, time);
  while (const std::optional<TimerId> due = timers.popDue(now)) runTimer(*due);
}

void ModuleCore::runTimer(TimerId id) {
  switch (id) {
    case TimerId::Registration: radio.registrationDue(*this); break;
    case TimerId::Attach: radio.attachDue(*this); break;
    case TimerId::LinkStep: link.stepDue(*this); break;
    case TimerId::RedialWait: link.redialDue(*this); break;
    case TimerId::Ring: link.ringDue(*this); break;
    case TimerId::Callback: link.callbackDue(*this); break;
    case TimerId::Inactivity: link.inactivityDue(*this); break;
    case TimerId::Count: break;
  }
}

std::optional<FlashImage> ModuleCore::takeFlashWrite() {
  if (!flashDirty_) return std::nullopt;
  flashDirty_ = false;
  return flash_;
}

void ModuleCore::store(catalogue::Param param, std::string value, int socket) {
  std::string& stored = flash_[flashKey(catalogue::spec(param), socket)];
  // Each flash write costs an fsync in the runtime: none when the flash already holds the value.
  if (stored != value) flashDirty_ = true;
  stored = value;
  params.set(param, std::move(value), socket);
}

void ModuleCore::eraseFlash() {
  flash_.clear();
  flashDirty_ = true;
}

void ModuleCore::restart() { startFrom(flash_); }

bool ModuleCore::inUse(catalogue::Param param) const {
  return link.active() && linkReads(param);
}

void ModuleCore::standardError(int code) {
  if (settings.cmee == 0) {
    out.result(catalogue::Result::Error);
  } else {
    out.cmeError(code, '+');
  }
}

}  // namespace atsharp::reference
