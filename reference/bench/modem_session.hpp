#pragma once
// The host's side of the serial line in command mode: sends AT commands, waits for the answer
// that ends them, and keeps what came after that answer for the next reader (a data-mode
// stream may follow its announcement in the same read).

#include <chrono>
#include <span>
#include <string>
#include <string_view>

#include "atsharp/bytes.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp::bench {

inline const std::string kOkLine = "\r\nOK\r\n";

class ModemSession {
 public:
  /// @p line: an open line to the module (or to whatever is at the other end of the pty).
  explicit ModemSession(Transport& line) : line_(line) {}

  /// Sends "@p command\r" and waits for @p final (OK by default); returns everything read up
  /// to and including it. Throws std::runtime_error, with the command and what came, on an
  /// ERROR line, a closed line, or after @p timeout.
  std::string command(std::string_view command, std::string_view final = kOkLine,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));

  /// Waits for @p final, as command() does, without sending anything.
  std::string expect(std::string_view final,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10));

  /// Writes all of @p bytes. Throws std::runtime_error when the line does not take them.
  void send(ByteView bytes);

  /// Reads what is there (what expect() kept first), waiting until @p deadline at most; 0 on
  /// a timeout. Throws std::runtime_error when the line closed.
  std::size_t readSome(std::span<Byte> out, Deadline deadline);

  /// Gives bytes back, to be read again first (what followed the end of a data stream).
  void unread(ByteView bytes);

 private:
  Transport& line_;
  Bytes pending_;  ///< read from the line and not yet handed to anyone
};

/// Brings GPRS up as a host does on the default scenario (registered after 1 s, attachable,
/// not attached): no echo, AT+CGATT=1, AT+CGATT? until it says attached, AT#CONNECTIONSTART.
/// The module's address is then 127.0.0.2.
void startGprs(ModemSession& session);

}  // namespace atsharp::bench
