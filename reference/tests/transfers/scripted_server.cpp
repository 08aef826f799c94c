#include "scripted_server.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>

namespace atsharp::test {
namespace {

constexpr int kWaitMs = 5000;  // the longest a script waits for its peer

bool readable(int fd, int timeoutMs) {
  pollfd entry{fd, POLLIN, 0};
  return ::poll(&entry, 1, timeoutMs) > 0;
}

std::string upperVerb(const std::string& line) {
  std::string verb = line.substr(0, std::min(line.find(' '), line.size()));
  std::transform(verb.begin(), verb.end(), verb.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return verb;
}

}  // namespace

ScriptedConnection::~ScriptedConnection() { close(); }

ScriptedConnection::ScriptedConnection(ScriptedConnection&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), buffer_(std::move(other.buffer_)) {}

void ScriptedConnection::say(std::string_view line) {
  write(std::string(line) + "\r\n");
}

void ScriptedConnection::write(std::string_view bytes) {
  while (fd_ >= 0 && !bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

bool ScriptedConnection::fill() {
  if (fd_ < 0 || !readable(fd_, kWaitMs)) return false;
  char chunk[4096];
  const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::optional<std::string> ScriptedConnection::hear() {
  std::size_t end;
  while ((end = buffer_.find('\n')) == std::string::npos) {
    if (!fill()) return std::nullopt;
  }
  std::string line = buffer_.substr(0, end);
  buffer_.erase(0, end + 1);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::size_t ScriptedConnection::drain(std::size_t count) {
  std::size_t total = 0;
  while (total < count) {
    if (buffer_.empty() && !fill()) break;
    const std::size_t n = std::min(count - total, buffer_.size());
    buffer_.erase(0, n);
    total += n;
  }
  return total;
}

void ScriptedConnection::close() {
  if (fd_ >= 0) ::close(std::exchange(fd_, -1));
}

ScriptedServer::ScriptedServer(Script script) {
  listener_ = listen(port_);
  thread_ = std::thread([this, script = std::move(script)] {
    ScriptedConnection control = accept(listener_);
    if (control.valid()) script(control, *this);
  });
}

ScriptedServer::~ScriptedServer() {
  stopping_ = true;
  thread_.join();
  ::close(listener_);
  if (dataListener_ >= 0) ::close(dataListener_);
}

std::uint16_t ScriptedServer::openData() {
  if (dataListener_ >= 0) ::close(dataListener_);  // EPSV, then PASV: the last one counts
  std::uint16_t port = 0;
  dataListener_ = listen(port);
  return port;
}

ScriptedConnection ScriptedServer::acceptData() { return accept(dataListener_); }

int ScriptedServer::listen(std::uint16_t& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(fd, 4) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("scripted server: cannot listen");
  }
  port = ntohs(address.sin_port);
  return fd;
}

// Waits in short slices, so that the destructor's stopping_ ends a wait for a client that
// never comes (a test whose transfer failed before connecting).
ScriptedConnection ScriptedServer::accept(int listener) {
  for (int waited = 0; waited < kWaitMs && !stopping_; waited += 50) {
    if (readable(listener, 50)) return ScriptedConnection(::accept4(listener, nullptr, nullptr,
                                                                    SOCK_CLOEXEC));
  }
  return ScriptedConnection(-1);
}

std::optional<std::string> playFtpUntilTransfer(ScriptedConnection& control,
                                                ScriptedServer& server,
                                                const std::string& user) {
  control.say("220 scripted FTP server");
  while (std::optional<std::string> line = control.hear()) {
    const std::string verb = upperVerb(*line);
    if (verb == "USER") {
      const bool accepted = user.empty() || line->substr(5) == user;
      control.say(accepted ? "331 Password please." : "530 Not this user.");
    } else if (verb == "PASS") {
      control.say("230 Logged in.");
    } else if (verb == "PWD") {
      control.say("257 \"/\" is the current directory");
    } else if (verb == "CWD") {
      control.say("250 Directory changed.");
    } else if (verb == "EPSV") {
      control.say("229 Extended Passive Mode (|||" + std::to_string(server.openData()) + "|)");
    } else if (verb == "PASV") {
      const std::uint16_t port = server.openData();
      control.say("227 Passive Mode (127,0,0,1," + std::to_string(port >> 8) + "," +
                  std::to_string(port & 0xFF) + ")");
    } else if (verb == "TYPE") {
      control.say("200 Type set.");
    } else if (verb == "RETR" || verb == "STOR") {
      return verb;
    } else if (verb == "QUIT") {
      control.say("221 Bye.");
      return std::nullopt;
    } else {
      control.say("502 Not here.");  // SIZE, MDTM, ...: unknown, which clients accept
    }
  }
  return std::nullopt;
}

bool playSmtpUntilData(ScriptedConnection& control) {
  control.say("220 scripted.test ESMTP");
  while (std::optional<std::string> line = control.hear()) {
    const std::string verb = upperVerb(*line);
    if (verb == "EHLO" || verb == "HELO") {
      control.say("250 scripted.test");
    } else if (verb == "DATA") {
      control.say("354 Go ahead");
      return true;
    } else if (verb == "QUIT") {
      control.say("221 Bye");
      return false;
    } else {
      control.say("250 OK");  // MAIL, RCPT, RSET, NOOP
    }
  }
  return false;
}

bool playPop3UntilRetr(ScriptedConnection& control, bool refuseUser) {
  control.say("+OK scripted POP3 server");
  while (std::optional<std::string> line = control.hear()) {
    const std::string verb = upperVerb(*line);
    if (verb == "CAPA") {
      control.write("+OK\r\nUSER\r\n.\r\n");
    } else if (verb == "USER") {
      control.say(refuseUser ? "-ERR No such user" : "+OK");
      if (refuseUser) return false;
    } else if (verb == "PASS") {
      control.say("+OK Logged in");
    } else if (verb == "LIST") {
      control.write("+OK 1 messages\r\n1 1000\r\n.\r\n");
    } else if (verb == "RETR") {
      return true;
    } else if (verb == "QUIT") {
      control.say("+OK Bye");
      return false;
    } else {
      control.say("-ERR Not here");
    }
  }
  return false;
}

}  // namespace atsharp::test
