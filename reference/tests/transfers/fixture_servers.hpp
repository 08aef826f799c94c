#pragma once
// The real servers of the transfer tests, started and stopped through the project's fixture
// scripts (fixtures/ftp/vsftpd.sh, fixtures/pop3/dovecot.sh, fixtures/smtp/smtp.sh), each in a
// state directory of its own under a fresh temporary directory, on 127.0.0.1 and free ports.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "atsharp/reference/network.hpp"

namespace atsharp::test {

/// A fresh directory under the system's temporary directory, removed with its content at the
/// end. Readable by all: the servers' unprivileged processes (vsftpd's user, dovecot's mail
/// user) must reach their part of it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

/// @p count consecutive ports that nothing listens on at 127.0.0.1 now; the first of them.
std::uint16_t freePorts(int count = 1);

/// Runs a fixture script with @p arguments; throws when it fails.
void runScript(const std::string& script, const std::vector<std::string>& arguments);

/// Whether this process may start vsftpd (it needs root to change to the test user).
bool isRoot();

/// The whole content of a file, "" when missing.
std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& content);

/// vsftpd with one local user, the files under root().
class FtpServer {
 public:
  /// A user named after this process (so that parallel test processes never share one); a
  /// user in refusedUser() is turned away right after USER (vsftpd's user_list).
  FtpServer();
  ~FtpServer();
  FtpServer(const FtpServer&) = delete;
  FtpServer& operator=(const FtpServer&) = delete;

  reference::Endpoint endpoint() const { return {"127.0.0.1", port_}; }
  const std::string& user() const noexcept { return user_; }
  const std::string& password() const noexcept { return password_; }
  static std::string refusedUser() { return "refused"; }
  /// The directory the user sees as "/" (writable by the user).
  std::filesystem::path root() const { return dir_.path() / "ftp" / "root"; }
  /// vsftpd's log: the whole conversation, with the client's address.
  std::string log() const { return readFile(dir_.path() / "ftp" / "vsftpd.log"); }
  /// A request for @p file in @p path with the right credentials.
  reference::FtpRequest request(const std::string& path, const std::string& file) const;

 private:
  TempDir dir_;
  std::uint16_t port_;
  std::string user_;
  std::string password_ = "ftp pass:word";
};

/// dovecot's POP3 with one mailbox.
class Pop3Server {
 public:
  Pop3Server();
  ~Pop3Server();
  Pop3Server(const Pop3Server&) = delete;
  Pop3Server& operator=(const Pop3Server&) = delete;

  /// Puts @p messages (LF or CR LF lines) into the mailbox, in order.
  void seed(const std::vector<std::string>& messages);
  /// How many messages the mailbox holds (new and seen).
  std::size_t stored() const;
  reference::Endpoint endpoint() const { return {"127.0.0.1", port_}; }
  reference::Pop3Request request(bool deleteAfter = true) const;

 private:
  TempDir dir_;
  std::uint16_t port_;
  std::string user_ = "mailuser";
  std::string password_ = "pop pass word";
};

/// The aiosmtpd server of fixtures/smtp, with its options (--refuse-sender ADDR, ...).
class SmtpServer {
 public:
  explicit SmtpServer(const std::vector<std::string>& options = {});
  ~SmtpServer();
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  reference::Endpoint endpoint() const { return {"127.0.0.1", port_}; }
  const std::string& user() const noexcept { return user_; }
  const std::string& password() const noexcept { return password_; }
  /// The messages it stored, oldest first: envelope header lines, then the message.
  std::vector<std::string> messages() const;

 private:
  TempDir dir_;
  std::uint16_t port_;
  std::string user_ = "smtpuser";
  std::string password_ = "smtp pass word";
};

}  // namespace atsharp::test
