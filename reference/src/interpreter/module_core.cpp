#include "module_core.hpp"

#include <algorithm>

#include "atsharp/codec/control_characters.hpp"
#include "dispatch.hpp"
#include "../parameters/parameter_commands.hpp"

namespace atsharp::reference {

ModuleCore::ModuleCore(ModuleOptions options, ModuleTime start)
    : scenario(std::move(options.scenario)),
      now(start),
      flash_(options.flash.value_or(FlashImage{})) {
  services.attach(options.network);
  startFrom(flash_);
}

// Power-on and AT+CFUN=1: RAM settings to their defaults, parameters from the flash.
void ModuleCore::startFrom(const FlashImage& flash) {
  settings = {};
  out.setVerbose(true);
  reader_.reset();
  entry_.reset();
  busy_ = false;
  executing_ = false;
  input_.clear();
  inputStart_ = 0;
  services.reset();
  out.release();
  timers.cancelAll();
  params.load(flash);
  link.reset(*this);
  radio.powerOn(*this);
}

void ModuleCore::receive(ByteView bytes, ModuleTime time) {
  now = std::max(now, time);
  const std::size_t room = kMaxHeldInput - std::min(kMaxHeldInput, pendingInput().size());
  input_.insert(input_.end(), bytes.begin(), bytes.begin() + std::min(room, bytes.size()));
  processInput();
  services.collect();
}

// Takes the host's bytes until they run out or an operation makes the line busy: what a byte
// means (command text, entry text, data) depends on what the ones before it did.
void ModuleCore::processInput() {
  // An operation that ends inside the loop (a service giving the line back) calls here again:
  // the loop that runs already goes on with the new state.
  if (processing_) return;
  processing_ = true;
  while (!busy_ && !pendingInput().empty()) {
    if (services.holdsLine()) {
      consumeInput(services.hostData(*this, pendingInput()));
    } else {
      const Byte b = pendingInput().front();
      consumeInput(1);
      takeCommandByte(b);
    }
  }
  processing_ = false;
  if (inputStart_ == input_.size()) {
    input_.clear();
    inputStart_ = 0;
  }
}

void ModuleCore::consumeInput(std::size_t count) { inputStart_ += count; }

void ModuleCore::takeCommandByte(Byte b) {
  // 5.2.1: an ETX aborts a TCP listen that has no peer yet.
  if (b == kEtx && !reader_.inEntry() && services.abortListening(*this)) return;
  Bytes echo;
  const std::optional<ReaderEvent> event = reader_.take(b, settings.echo ? &echo : nullptr);
  out.echo(echo);
  if (event) takeReaderEvent(*event);
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
  executing_ = true;
  Outcome outcome = Outcome::Continue;
  for (const ParsedCommand& command : commands) {
    outcome = execute(*this, command);
    if (outcome != Outcome::Continue) break;
  }
  executing_ = false;
  if (outcome == Outcome::Continue) out.result(catalogue::Result::Ok);
  // Busy: the operation writes the final result and calls finishOperation().
  if (outcome == Outcome::Busy) {
    busy_ = true;
    return;
  }
  lineMayBeFree();
}

void ModuleCore::finishOperation() {
  if (!busy_) return;
  busy_ = false;
  lineMayBeFree();
  processInput();
}

void ModuleCore::lineMayBeFree() {
  if (!lineIdle()) return;
  out.release();
  services.lineFree(*this);
}

void ModuleCore::beginEntry(EntryTarget target) {
  entry_ = target;
  reader_.beginEntry();
}

void ModuleCore::finishEntry(const ReaderEvent& event) {
  const EntryTarget target = *entry_;
  entry_.reset();
  takeEntry(*this, target, event);
  lineMayBeFree();
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
  services.collect();
}

void ModuleCore::network(const NetworkEvent& event, ModuleTime time) {
  now = std::max(now, time);
  services.onEvent(*this, event);
  processInput();
  services.collect();
}

void ModuleCore::advance(ModuleTime time) {
  now = std::max(now, time);
  while (const std::optional<TimerId> due = timers.popDue(now)) runTimer(*due);
  services.collect();
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
    case TimerId::TcpTxDelay1:
    case TimerId::TcpTxDelay2:
    case TimerId::UdpTxDelay:
    case TimerId::MailInactivity:
    case TimerId::PingNext: services.onTimer(*this, id); break;
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

bool ModuleCore::inUse(catalogue::Param param, int socket) const {
  return (link.active() && linkReads(param)) || services.reads(param, socket);
}

void ModuleCore::standardError(int code) {
  if (settings.cmee == 0) {
    out.result(catalogue::Result::Error);
  } else {
    out.cmeError(code, '+');
  }
}

}  // namespace atsharp::reference
