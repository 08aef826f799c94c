#pragma once
// The inside of a reference module: the state every command handler and every radio activity
// works on, and the loop that turns the host's bytes into executed command lines.

#include <deque>
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

class ModuleCore {
 public:
  ModuleCore(ModuleOptions options, ModuleTime now);

  void receive(ByteView bytes, ModuleTime now);
  void inject(const RadioEvent& event, ModuleTime now);
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
  /// The operation that made the line Busy has written its final result.
  void finishOperation();
  /// True while a running activity reads @p param (setting it is then refused with 37123).
  bool inUse(catalogue::Param param) const;

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

 private:
  void processInput();
  void takeReaderEvent(const ReaderEvent& event);
  void executeLine(const std::string& line);
  void executeCommands(const std::vector<ParsedCommand>& commands);
  void finishEntry(const ReaderEvent& event);
  void runTimer(TimerId id);
  void startFrom(const FlashImage& flash);

  CommandLineReader reader_;
  /// Host bytes not yet processed: those that arrive while an operation runs wait here.
  std::deque<Byte> input_;
  bool busy_ = false;
  std::optional<EntryTarget> entry_;
  /// What the flash holds: the values stored since it was last erased (the others are at
  /// their defaults after a restart).
  FlashImage flash_;
  bool flashDirty_ = false;
};

/// Input beyond this many bytes, held while an operation runs, is dropped.
inline constexpr std::size_t kMaxHeldInput = 4096;

}  // namespace atsharp::reference
