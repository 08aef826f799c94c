#pragma once
// The inside of a reference module: the state every command handler and every radio activity
// works on, and the loop that turns the host's bytes into executed command lines.

#include <optional>
#include <string>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/reference/module.hpp"
#include "command_line_reader.hpp"
#include "command_parser.hpp"
#include "host_output.hpp"
#include "settings.hpp"
#include "timers.hpp"
#include "../parameters/parameter_store.hpp"
#include "../radio/link.hpp"
#include "../radio/radio.hpp"
#include "../services/services.hpp"

namespace atsharp::reference {

/// What a command handler did.
enum class Outcome {
  Continue,  ///< done, no final result written: the line goes on (OK at its end)
  Answered,  ///< a final result was written (an error, or a command's own final): the line ends
  Busy,      ///< an operation runs and will write the final result: the line ends, the module
             ///< holds further input until finishOperation()
};

/// What a multi-line entry fills (AT#BODYi, AT#RECiADD, AT#CCRECiADD).
struct EntryTarget {
  catalogue::Param param;
};

/// Host input held while an operation runs, up to this many bytes; wantsInput() tells the
/// runtime to stop reading beyond it, and bytes that come all the same are dropped.
inline constexpr std::size_t kMaxHeldInput = 64 * 1024;

class ModuleCore {
 public:
  ModuleCore(ModuleOptions options, ModuleTime now);

  void receive(ByteView bytes, ModuleTime now);
  void inject(const RadioEvent& event, ModuleTime now);
  void network(const NetworkEvent& event, ModuleTime now);
  /// False while held host input reached its bound: the runtime stops reading the line.
  bool wantsInput() const noexcept { return input_.size() - inputStart_ < kMaxHeldInput; }
  std::optional<ModuleTime> nextDeadline() const { return timers.earliest(); }
  void advance(ModuleTime now);
  Bytes takeOutput() { return out.take(); }
  std::optional<FlashImage> takeFlashWrite();
  LinkState linkState() const { return link.state(*this); }

  // --- for the command handlers and the radio activities ---

  /// Sets a parameter and writes it to the flash.
  void store(catalogue::Param param, std::string value, int socket = 1);
  /// AT#DELFLASH: the flash is erased now; the values in use stay until the next reset (8.4).
  void eraseFlash();
  /// AT+CFUN=1: the module restarts from its flash.
  void restart();
  /// The next bytes from the host are the text of an entry, up to Ctrl-Z.
  void beginEntry(EntryTarget target);
  /// The operation that made the line Busy has written its final result (nothing when no
  /// operation runs: one that ended inside its own command answered there).
  void finishOperation();
  /// An operation runs again (a service waits for its server after the host's data ended):
  /// the host's input waits until finishOperation().
  void beginOperation() noexcept { busy_ = true; }
  /// True while a running activity reads @p param (of socket @p socket for the TCP
  /// parameters): setting it is then refused with 37123.
  bool inUse(catalogue::Param param, int socket = 1) const;

  /// No command runs, no operation, no entry, no data mode: the line is the host's.
  bool lineIdle() const noexcept {
    return !executing_ && !busy_ && !entry_ && !services.holdsLine();
  }
  /// Something that held the line ended: when it is idle now, held lines go out and a service
  /// waiting for the line gets it.
  void lineMayBeFree();

  /// "ERROR", or "+CME ERROR: <code>" under AT+CMEE=1: the error of a standard command.
  void standardError(int code);

  Scenario scenario;
  ModuleTime now{0};
  HostOutput out;
  ParameterStore params;
  InterpreterSettings settings;
  Timers timers;
  Radio radio;
  Link link;
  Services services;

 private:
  void processInput();
  void takeReaderEvent(const ReaderEvent& event);
  void executeLine(const std::string& line);
  void executeCommands(const std::vector<ParsedCommand>& commands);
  void finishEntry(const ReaderEvent& event);
  void runTimer(TimerId id);
  void startFrom(const FlashImage& flash);

  ByteView pendingInput() const noexcept {
    return ByteView{input_}.subspan(inputStart_);
  }
  void consumeInput(std::size_t count);
  void takeCommandByte(Byte byte);

  CommandLineReader reader_;
  /// Host bytes not yet processed (from inputStart_ on): those that arrive while an operation
  /// runs wait here.
  Bytes input_;
  std::size_t inputStart_ = 0;
  bool busy_ = false;
  bool executing_ = false;   // a command line runs
  bool processing_ = false;  // processInput() runs (a service may call back into it)
  std::optional<EntryTarget> entry_;
  /// What the flash holds: the values stored since it was last erased (the others are at
  /// their defaults after a restart).
  FlashImage flash_;
  bool flashDirty_ = false;
};


}  // namespace atsharp::reference
