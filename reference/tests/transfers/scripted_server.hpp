#pragma once
// A server that plays a script on a thread of its own, for what real servers will not do on
// demand: stay silent, refuse a USER, drop the connection in the middle of a transfer. It
// listens on 127.0.0.1 (a free port), takes one client, runs the script, and closes. Every
// read waits at most a few seconds, so that a script never hangs a test.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "atsharp/reference/network.hpp"

namespace atsharp::test {

/// One connection of a ScriptedServer (control or data).
class ScriptedConnection {
 public:
  explicit ScriptedConnection(int fd) : fd_(fd) {}
  ~ScriptedConnection();
  ScriptedConnection(ScriptedConnection&& other) noexcept;
  ScriptedConnection& operator=(ScriptedConnection&&) = delete;
  ScriptedConnection(const ScriptedConnection&) = delete;
  ScriptedConnection& operator=(const ScriptedConnection&) = delete;

  bool valid() const noexcept { return fd_ >= 0; }
  /// Sends @p line and CR LF.
  void say(std::string_view line);
  /// Sends @p bytes as they are.
  void write(std::string_view bytes);
  /// The next line without its CR LF; nothing at the end of the stream or after the timeout.
  std::optional<std::string> hear();
  /// Reads until @p count bytes came (or the end, or the timeout); how many came.
  std::size_t drain(std::size_t count);
  void close();

 private:
  bool fill();

  int fd_;
  std::string buffer_;
};

class ScriptedServer {
 public:
  using Script = std::function<void(ScriptedConnection& control, ScriptedServer& server)>;

  explicit ScriptedServer(Script script);
  /// Closes the listeners and waits for the script to end.
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  reference::Endpoint endpoint() const { return {"127.0.0.1", port_}; }

  /// A second listener (FTP's passive data connection); its port.
  std::uint16_t openData();
  /// The peer of the data listener (invalid after the timeout).
  ScriptedConnection acceptData();

 private:
  int listen(std::uint16_t& port);
  ScriptedConnection accept(int listener);

  int listener_ = -1;
  int dataListener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_ = false;
  std::thread thread_;
};

/// Plays an FTP server's part up to RETR or STOR (greeting, login, PWD, CWD, EPSV/PASV on a data
/// listener, TYPE, SIZE unknown) and returns that command's verb; nothing when the client left
/// or sent QUIT. @p user, when given, is the only USER accepted (530 to the others).
std::optional<std::string> playFtpUntilTransfer(ScriptedConnection& control,
                                                ScriptedServer& server,
                                                const std::string& user = {});

/// Plays an SMTP server's part up to DATA (greeting, EHLO, MAIL, RCPT) and answers DATA with
/// 354: true then; false when the client left before.
bool playSmtpUntilData(ScriptedConnection& control);

/// Plays a POP3 server's part without SASL (greeting, CAPA with USER, USER, PASS, LIST with one
/// message) up to RETR: true then. @p refuseUser answers USER with -ERR (and returns false).
bool playPop3UntilRetr(ScriptedConnection& control, bool refuseUser = false);

}  // namespace atsharp::test
