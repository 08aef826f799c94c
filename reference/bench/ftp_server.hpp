#pragma once
// vsftpd on 127.0.0.1 through the project's fixture script (fixtures/ftp/vsftpd.sh): a local
// user of its own, its files under root(), stopped (and the user deleted) when the object goes.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace atsharp::bench {

class FtpServer {
 public:
  /// Starts the server on free ports. Throws std::runtime_error with the script's output.
  FtpServer();
  ~FtpServer();
  FtpServer(const FtpServer&) = delete;
  FtpServer& operator=(const FtpServer&) = delete;

  std::uint16_t port() const noexcept { return port_; }
  const std::string& user() const noexcept { return user_; }
  const std::string& password() const noexcept { return password_; }
  /// The directory the user logs in to.
  std::filesystem::path root() const { return dir_.path() / "ftp" / "root"; }

  /// Why the server cannot run here (vsftpd needs root, the script, the program), or nothing.
  static std::optional<std::string> unavailable();

 private:
  void stop() noexcept;
  void runScript(const std::vector<std::string>& arguments, bool interruptible);

  TempDir dir_;
  std::uint16_t port_;
  std::string user_;
  std::string password_ = "bench-pass";
};

}  // namespace atsharp::bench
