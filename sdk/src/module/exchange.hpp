#pragma once
// One command, from the line sent to the end of its answer: the events of the answer in order,
// with the module's echo skipped and every URC taken out and handed to the Module's handlers.
// The actions (connectionStart, ping, getMail ...) drive an Exchange and decide from the events
// when their command has ended; Module::command() is the plain case.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "atsharp/module/module.hpp"
#include "module_line.hpp"

namespace atsharp {

class Exchange {
 public:
  /// Sends @p commandLine with its CR; the answer must end within @p timeout. @p prepare, when
  /// given, sets the parser up for the answer (data coding, what a switch leads to) once the
  /// line is held and before the command leaves.
  Exchange(Module& module, std::string_view commandLine, Milliseconds timeout,
           const std::function<void(ResponseParser&)>& prepare = {});
  /// Reads nothing, sends nothing: for a data session or a poll, which read on their own.
  Exchange(Module& module, std::string label, Milliseconds timeout, bool sendNothing);

  /// The next event of the answer. Throws TimeoutError at the deadline, ProtocolError for a
  /// line over the parser's bound, TransportClosedError when the line closed.
  detail::LineEvent next();
  /// The same with a deadline of the caller's: nothing when it passes first.
  std::optional<detail::LineEvent> next(Deadline deadline);

  /// Gives the answer @p more time from now (a ping waits per reply, a download per chunk).
  void extend(Milliseconds more);

  /// The command line, credentials masked, for error messages.
  const std::string& label() const noexcept { return label_; }
  detail::ModuleLine& line() noexcept { return *module_.line_; }
  Module& module() noexcept { return module_; }

 private:
  /// Takes @p event out of the answer when it is a URC (dispatched) or the echo; true then.
  bool route(const detail::LineEvent& event);
  /// A RING waiting for the +CLIP line that may follow it.
  void flushRing();
  Milliseconds waited() const;

  Module& module_;
  Module::Hold hold_;
  std::string label_;
  std::string upperCommand_;  // the command line in upper case, for per-command routing
  Milliseconds timeout_;
  Clock::time_point start_;
  Deadline deadline_;
  bool ringPending_ = false;
};

/// The final result @p event carries for a plain command, if it ends one: a Final result
/// message, a CME error, a call-progress failure (BUSY, NO ANSWER, NO CARRIER), or a switch to
/// data mode.
std::optional<FinalResult> plainFinal(const detail::LineEvent& event);

/// Runs @p exchange to its plain end, collecting information and progress lines.
Reply collectReply(Exchange& exchange);

}  // namespace atsharp
