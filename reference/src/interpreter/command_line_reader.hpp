#pragma once
// Assembles what the host types into command lines (V.250): echo, backspace, a length limit,
// A/ to repeat the last line, and the multi-line entry of AT#BODYi, AT#RECiADD and
// AT#CCRECiADD, which ends with Ctrl-Z.

#include <cstddef>
#include <optional>
#include <string>

#include "atsharp/bytes.hpp"

namespace atsharp::reference {

/// What a byte completed, if anything.
struct ReaderEvent {
  enum class Kind {
    Line,            ///< a command line, without its CR (text)
    Overlong,        ///< a command line longer than the limit ended (34881)
    RepeatLast,      ///< A/ was typed: run the last line again (text is that line)
    EntryDone,       ///< the entry ended with Ctrl-Z (text is what was typed)
    EntryAbandoned,  ///< the entry was abandoned with ESC
    EntryOverlong,   ///< the entry ended with Ctrl-Z but was longer than the limit
  };
  Kind kind;
  std::string text;
};

class CommandLineReader {
 public:
  /// Longest command line, "AT" included: room for the longest parameter (120 characters,
  /// quoted) behind the longest name.
  static constexpr std::size_t kMaxLine = 256;
  /// Longest entry: ten addresses of 120 characters with their line ends, and some slack.
  static constexpr std::size_t kMaxEntry = 2048;

  /// Takes one byte from the host. @p echo receives what the module echoes (ATE1).
  std::optional<ReaderEvent> take(Byte byte, Bytes* echo);

  /// The next bytes are entry text, up to Ctrl-Z (after AT#BODYi, AT#RECiADD, AT#CCRECiADD).
  void beginEntry();
  bool inEntry() const noexcept { return entry_; }

  /// Forgets the line being typed (AT+CFUN=1).
  void reset();

 private:
  std::optional<ReaderEvent> takeInLine(Byte byte, Bytes* echo);
  std::optional<ReaderEvent> takeInEntry(Byte byte, Bytes* echo);
  std::optional<ReaderEvent> endLine();

  std::string line_;
  bool overlong_ = false;
  bool entry_ = false;
  std::string lastLine_;
};

}  // namespace atsharp::reference
