#include "fixture_servers.hpp"

#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace atsharp::test {
namespace {

namespace fs = std::filesystem;

// The fixture scripts of the source tree (ATSHARP_FIXTURES_DIR comes from CMake).
std::string script(const std::string& relative) {
  return std::string(ATSHARP_FIXTURES_DIR) + "/" + relative;
}

bool portFree(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return free;
}

}  // namespace

TempDir::TempDir() {
  // Short: dovecot's unix sockets live under it (108 bytes at most per path).
  std::string pattern = (fs::temp_directory_path() / "atsharp-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "mkdtemp");
  }
  path_ = pattern;
  fs::permissions(path_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::uint16_t freePorts(int count) {
  static std::mt19937 gen(static_cast<unsigned>(::getpid()));
  std::uniform_int_distribution<int> base(20000, 60000);
  for (int attempt = 0; attempt < 200; ++attempt) {
    const auto first = static_cast<std::uint16_t>(base(gen));
    bool all = true;
    for (int i = 0; i < count && all; ++i) all = portFree(static_cast<std::uint16_t>(first + i));
    if (all) return first;
  }
  throw std::runtime_error("no free ports on 127.0.0.1");
}

void runScript(const std::string& path, const std::vector<std::string>& arguments) {
  std::vector<std::string> words{"/bin/bash", script(path)};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  // posix_spawn: no fork of a process whose other threads (the transfers') hold locks.
  if (const int error = ::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ)) {
    throw std::system_error(error, std::generic_category(), "posix_spawn " + path);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(path + " " + (arguments.empty() ? "" : arguments[0]) + " failed");
  }
}

bool isRoot() { return ::geteuid() == 0; }

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void writeFile(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

FtpServer::FtpServer()
    : port_(freePorts(5)), user_("atsftp" + std::to_string(::getpid())) {
  const auto p = [](int port) { return std::to_string(port); };
  runScript("ftp/vsftpd.sh", {"start", (dir_.path() / "ftp").string(), p(port_), p(port_ + 1),
                              p(port_ + 4), user_, password_});
}

FtpServer::~FtpServer() {
  try {
    runScript("ftp/vsftpd.sh", {"stop", (dir_.path() / "ftp").string()});
  } catch (...) {
  }
}

reference::FtpRequest FtpServer::request(const std::string& path, const std::string& file) const {
  reference::FtpRequest request;
  request.server = endpoint();
  request.user = user_;
  request.password = password_;
  request.path = path;
  request.file = file;
  return request;
}

Pop3Server::Pop3Server() : port_(freePorts()) {
  runScript("pop3/dovecot.sh",
            {"start", (dir_.path() / "pop").string(), std::to_string(port_), user_, password_});
}

Pop3Server::~Pop3Server() {
  try {
    runScript("pop3/dovecot.sh", {"stop", (dir_.path() / "pop").string()});
  } catch (...) {
  }
}

void Pop3Server::seed(const std::vector<std::string>& messages) {
  std::vector<std::string> arguments{"seed", (dir_.path() / "pop").string()};
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const fs::path file = dir_.path() / ("message" + std::to_string(i));
    writeFile(file, messages[i]);
    arguments.push_back(file.string());
  }
  runScript("pop3/dovecot.sh", arguments);
}

std::size_t Pop3Server::stored() const {
  std::size_t count = 0;
  for (const char* sub : {"new", "cur"}) {
    const fs::path dir = dir_.path() / "pop" / "mail" / user_ / "Maildir" / sub;
    for (const auto& entry : fs::directory_iterator(dir)) count += entry.is_regular_file();
  }
  return count;
}

reference::Pop3Request Pop3Server::request(bool deleteAfter) const {
  reference::Pop3Request request;
  request.server = endpoint();
  request.user = user_;
  request.password = password_;
  request.deleteAfter = deleteAfter;
  return request;
}

SmtpServer::SmtpServer(const std::vector<std::string>& options) : port_(freePorts()) {
  std::vector<std::string> arguments{"start", (dir_.path() / "smtp").string(),
                                     std::to_string(port_), user_, password_};
  arguments.insert(arguments.end(), options.begin(), options.end());
  runScript("smtp/smtp.sh", arguments);
}

SmtpServer::~SmtpServer() {
  try {
    runScript("smtp/smtp.sh", {"stop", (dir_.path() / "smtp").string()});
  } catch (...) {
  }
}

std::vector<std::string> SmtpServer::messages() const {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir_.path() / "smtp" / "maildir" / "new")) {
    files.push_back(entry.path());
  }
  // The names start with the time in nanoseconds, then a sequence number.
  std::sort(files.begin(), files.end());
  std::vector<std::string> result;
  for (const fs::path& file : files) result.push_back(readFile(file));
  return result;
}

}  // namespace atsharp::test
