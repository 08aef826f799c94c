#pragma once
// The host's end of a module's line, as an application on a serial port would drive it: a
// command and its answer up to the final result, the data of data mode (DLE-coded or raw), and
// the exact bytes that follow. Every read has a deadline; a read that misses it, or bytes that
// are not what the caller asked for, throw with the tail of what came, so that a test fails at
// the mismatch and says why. Over any Transport: the reference module's pty (the interop
// tests), or its in-process line (the fixtures' tests).
//
// One thread may write (write, writeData, endData) while another reads (everything else).

#include <chrono>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/codec/dle_decoder.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp::test {

using namespace std::chrono_literals;

/// A deadline far enough away that only a hang reaches it.
inline Deadline patient() { return after(30s); }

/// The module's answer to a command.
struct HostReply {
  /// The lines before the final one (information lines, Ok_Info_SocketClosed, the echo), in
  /// order, without their line ends.
  std::vector<std::string> lines;
  /// The line that ended the answer: "OK", "#CME ERROR: 38027", "Ok_Info_WaitingForData",
  /// "Ok_Info_Mail", ...
  std::string final;
  /// Every byte of the answer, exactly as it came.
  std::string raw;
};

class HostSession {
 public:
  explicit HostSession(std::unique_ptr<Transport> line);
  /// Closes the line.
  virtual ~HostSession();
  HostSession(const HostSession&) = delete;
  HostSession& operator=(const HostSession&) = delete;

  /// Sends @p commandLine and CR; the answer up to its final line.
  HostReply command(std::string_view commandLine, Deadline deadline = patient());
  /// Sends each line; each must be answered exactly "\r\nOK\r\n".
  void set(std::initializer_list<std::string_view> lines);
  /// A multi-line entry (AT#BODYi, AT#RECiADD): the command, then @p text and Ctrl-Z; the answer.
  HostReply enter(std::string_view commandLine, std::string_view text);
  /// The next answer, without sending anything (a listener's peer arriving, a late error).
  HostReply nextAnswer(Deadline deadline = patient());
  /// The module is in command mode: AT is answered exactly OK.
  bool inCommandMode();

  // The host's data.
  void write(std::string_view bytes, Deadline deadline = patient());
  /// Writes @p payload DLE-coded (DLE and ETX escaped).
  void writeData(ByteView payload, Deadline deadline = patient());
  /// Writes the unescaped ETX that ends the host's data.
  void endData();

  // The module's data.
  /// The payload up to the module's unescaped ETX, which is consumed.
  Bytes readDataToEtx(Deadline deadline = patient());
  /// Exactly @p size payload bytes of DLE-coded data (throws at an ETX before them).
  Bytes readData(std::size_t size, Deadline deadline = patient());
  /// Exactly @p size bytes as they come (DLEMODE 0 data, an ETX).
  std::string readRaw(std::size_t size, Deadline deadline = patient());
  /// The bytes up to and including @p suffix.
  std::string readUntil(std::string_view suffix, Deadline deadline = patient());

 protected:
  /// Throws std::runtime_error with @p what and the last bytes the module sent.
  [[noreturn]] void fail(std::string_view what) const;

 private:
  /// Reads what the line has into pending_; throws at the deadline or when the line closes.
  void fill(Deadline deadline, std::string_view waitingFor);
  /// Takes the next line (up to its LF) from pending_, appending its bytes to @p raw.
  std::string takeLine(std::string& raw, Deadline deadline);
  std::string take(std::size_t size);

  std::unique_ptr<Transport> line_;
  std::string pending_;     // received and not yet taken
  std::string transcript_;  // everything received, for failure messages (bounded)
  DleDecoder decoder_;      // the current data mode's escape state
};

/// @p bytes with control characters written as \r, \n and \xNN, for messages and comparisons.
std::string visible(std::string_view bytes);

}  // namespace atsharp::test
