#include "ftp_server.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <stdexcept>
#include <vector>

#include "child_process.hpp"

namespace atsharp::bench {
namespace {

namespace fs = std::filesystem;

// ATSHARP_FIXTURES_DIR: the source tree's fixtures/, from CMake.
fs::path script() { return fs::path(ATSHARP_FIXTURES_DIR) / "ftp" / "vsftpd.sh"; }

bool portFree(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return free;
}

// The control port and four passive ports after it, all free now on 127.0.0.1.
std::uint16_t freePorts(int count) {
  std::mt19937 gen(static_cast<unsigned>(::getpid()));
  std::uniform_int_distribution<int> base(20000, 60000);
  for (int attempt = 0; attempt < 200; ++attempt) {
    const int first = base(gen);
    bool all = true;
    for (int i = 0; i < count && all; ++i) all = portFree(first + i);
    if (all) return static_cast<std::uint16_t>(first);
  }
  throw std::runtime_error("no free ports on 127.0.0.1");
}

}  // namespace

std::optional<std::string> FtpServer::unavailable() {
  if (::geteuid() != 0) {
    return "not root: vsftpd needs root (it checks the password with PAM and changes to the "
           "test user); run the benchmark as root to measure FTPGET";
  }
  if (!findProgram("vsftpd") && !fs::exists("/usr/sbin/vsftpd")) {
    return "vsftpd is not installed (Debian package vsftpd)";
  }
  if (!fs::exists(script())) return script().string() + " is missing";
  return std::nullopt;
}

FtpServer::FtpServer() : port_(freePorts(5)), user_("atsbench" + std::to_string(::getpid())) {
  const auto p = [](int port) { return std::to_string(port); };
  try {
    runScript({"start", (dir_.path() / "ftp").string(), p(port_), p(port_ + 1), p(port_ + 4),
               user_, password_},
              true);
  } catch (...) {
    stop();  // a start cut short (Ctrl-C) may have made the user and started vsftpd already
    throw;
  }
}

FtpServer::~FtpServer() { stop(); }

void FtpServer::stop() noexcept {
  try {
    // Not interruptible: after a Ctrl-C the server and its user must still go.
    runScript({"stop", (dir_.path() / "ftp").string()}, false);
  } catch (...) {
    // Nothing more to do on the way out; the temporary directory goes all the same.
  }
}

void FtpServer::runScript(const std::vector<std::string>& arguments, bool interruptible) {
  std::vector<std::string> argv{"/bin/bash", script().string()};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  ChildProcess run(argv, dir_.path() / ("vsftpd-" + arguments.at(0) + ".log"));
  if (run.wait(std::chrono::seconds(30), interruptible) != 0) {
    throw std::runtime_error("vsftpd.sh " + arguments[0] + " failed:\n" + run.output());
  }
}

}  // namespace atsharp::bench
