#pragma once
// The serial line to one module during one case, as the steps see it: what the harness wrote,
// and the module's output read exactly as it came (echoes, framed lines, DLE-coded data), with
// the state that decides how the next bytes are read (data mode, a retrieved mail, whether a
// response starts). Every byte read is recorded in the transcript, attributed to its step.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "atsharp/codec/dle_decoder.hpp"
#include "atsharp/transport/transport.hpp"
#include "session/framing.hpp"
#include "session/line_settings.hpp"
#include "session/rx_stream.hpp"
#include "transcript/transcript.hpp"

namespace atsharp::harness {

/// A line the module sent, not yet read by a step.
struct ReceivedLine {
  std::size_t begin = 0;  ///< offset of its first blank line, or of its text
  std::size_t end = 0;    ///< offset after its ending
  std::string text;       ///< without the ending
  Framing framing;
  bool overlong = false;  ///< cut at kMaxLineLength
};

/// How waiting for something from the module ended.
enum class Arrival {
  Arrived,   ///< it is there
  Timeout,   ///< the deadline passed first
  Ended,     ///< the line closed, failed or overflowed first (see ModuleLine::end())
  DataMode,  ///< the module is in data mode: what comes is data, not lines
};

struct LineRead {
  Arrival arrival = Arrival::Timeout;
  ReceivedLine line;  ///< the line (Arrived), or what there is of it
};

/// How waiting for an echo ended.
enum class EchoWait {
  Match,      ///< the echo is there, exactly
  Mismatch,   ///< other bytes came where the echo belongs
  LineFirst,  ///< a line (an unsolicited one?) came before the echo
  Timeout,
  Ended,
};

/// What reading data got.
struct DataRead {
  Arrival arrival = Arrival::Arrived;
  bool endedEarly = false;       ///< the module's ETX came before the count was reached
  std::size_t strayEscapes = 0;  ///< DLE escapes of a byte that needs none
};

/// What reading the end of data mode got.
struct DataEndRead {
  Arrival arrival = Arrival::Arrived;
  bool etx = false;  ///< the unescaped ETX came
  Bytes extra;       ///< payload that came instead (decoded), as much as was there
};

class ModuleLine {
 public:
  /// How long a line that ends with CR waits for its LF before it counts as ended by CR.
  static constexpr auto kCrGrace = std::chrono::milliseconds(500);

  ModuleLine(Transport& transport, Transcript& transcript, LineSettings settings);
  ~ModuleLine();
  ModuleLine(const ModuleLine&) = delete;
  ModuleLine& operator=(const ModuleLine&) = delete;

  void start();
  /// Closes the line and stops reading it (the end of the case).
  void stop();

  // --- state
  LineSettings& settings() noexcept { return settings_; }
  const LineSettings& settings() const noexcept { return settings_; }
  bool inDataMode() const noexcept { return rxData_; }
  /// Whether what the host sends now is data, not commands: a data mode, or the body of
  /// AT#PUTMAIL (sent as it is, not echoed, until the module's result).
  bool hostInDataMode() const noexcept { return hostData_; }
  /// Whether the host is in AT#PUTMAIL's body (the module's side stays in lines).
  bool inMailBody() const noexcept { return mailBody_; }
  bool inMail() const noexcept { return mail_; }
  /// Whether the module has switched to data mode at least once in this case.
  bool dataModeSeen() const noexcept { return dataModeSeen_; }
  DataCoding dataCoding() const noexcept { return coding_; }
  /// Overrides the coding of the data mode in force (a step that says which it is).
  void setDataCoding(DataCoding coding) noexcept { coding_ = coding; }
  /// How the line stands (closed, failed, overflowed).
  const RxEnd& end() const noexcept { return end_; }
  /// The end of the line in words ("the module closed the line"), or nothing while it is up.
  std::optional<std::string> endText() const;

  // --- writing
  /// Writes @p bytes before @p deadline and records them; false when the line is closed or
  /// the deadline passed first (everything the transport threw is a false too, with @p why).
  bool write(ByteView bytes, EntryKind kind, std::string text, Deadline deadline,
             std::string& why, std::size_t payloadSize = 0);
  /// A command line went out: the next line starts a response; the settings follow it.
  void commandSent(std::string_view line);
  /// The host ended its side of data mode (its ETX went out).
  void hostEndedData() noexcept { hostData_ = false; }

  // --- reading lines
  /// The next line from the cursor, not consumed. Blank lines before it are its framing,
  /// unless @p blankIsLine (or inside a mail, where blank lines are content).
  LineRead peekLine(Deadline deadline, bool blankIsLine);
  /// Reads @p line (from peekLine or availableLines) as @p kind: the cursor moves past it, the
  /// transcript records it, and the state follows it (data mode, mail, response start).
  void consume(const ReceivedLine& line, EntryKind kind);
  /// The context that decides @p line's framing.
  FramingContext framingContext(bool unsolicited) const;
  std::optional<std::string> framingProblem(const ReceivedLine& line, bool unsolicited) const;
  /// The complete lines already received, from the cursor, without waiting or consuming;
  /// stops after a line that switches to data mode.
  std::vector<ReceivedLine> availableLines();

  // --- echo
  EchoWait awaitEcho(ByteView echo, Deadline deadline);
  void consumeEcho(std::size_t size);

  // --- data mode
  /// Reads payload into @p out until it holds @p count bytes, the ETX comes, or the deadline.
  DataRead readData(std::size_t count, Bytes& out, Deadline deadline);
  /// Reads the unescaped ETX that ends data mode.
  DataEndRead readDataEnd(Deadline deadline);

  // --- the rest
  /// Waits until nothing came for @p silence (from now or the last arrival); false when the
  /// deadline passed first.
  bool awaitQuiet(Clock::duration silence, Deadline deadline);
  /// Reads everything received so far as @p kind (quiet, a reset). Leaves data mode.
  void discardReceived(EntryKind kind);
  /// Records what no step read, at the end of a case.
  void recordUnconsumed();
  /// Pulls in what arrived, waiting until @p deadline for at least one byte; false when
  /// nothing came.
  bool fetch(Deadline deadline);

  std::size_t cursor() const noexcept { return cursor_; }
  std::size_t received() const noexcept { return rx_.size(); }
  /// The bytes received in [from, to).
  Bytes bytes(std::size_t from, std::size_t to) const;
  Clock::time_point arrivalOf(std::size_t offset) const;
  Clock::time_point lastArrival() const noexcept { return lastArrival_; }

 private:
  void record(std::size_t from, std::size_t to, EntryKind kind, std::size_t payloadSize = 0);
  void enterDataMode();
  void enterMailBody();
  void leaveDataMode();
  std::string textOf(std::size_t from, std::size_t to) const;

  Transport& transport_;
  Transcript& transcript_;
  LineSettings settings_;
  RxStream stream_;
  Bytes rx_;
  std::vector<std::pair<std::size_t, Clock::time_point>> arrivals_;  // offset of each chunk
  Clock::time_point lastArrival_{};
  RxEnd end_;
  std::size_t cursor_ = 0;
  bool responseStart_ = true;
  bool rxData_ = false;
  bool hostData_ = false;
  bool mail_ = false;
  bool mailBody_ = false;
  bool dataModeSeen_ = false;
  DataCoding coding_ = DataCoding::Dle;
  DleDecoder decoder_;
};

}  // namespace atsharp::harness
