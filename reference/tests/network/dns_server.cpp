#include "dns_server.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include "network_rig.hpp"

extern char** environ;

namespace atsharp::reference::test {
namespace {

// Runs the fixture script with @p arguments; its exit status.
int runFixture(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), ATSHARP_DNS_FIXTURE);
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::filesystem::path makeStateDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "atsharp-dns-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a state directory");
  return pattern;
}

}  // namespace

DnsServer::DnsServer(const std::vector<std::string>& records) : stateDir_(makeStateDir()) {
  // The port is free when chosen; another process may take it before dnsmasq binds it.
  for (int attempt = 0; attempt < 3; ++attempt) {
    port_ = freePort("127.0.0.1", true);
    std::vector<std::string> arguments{"start", stateDir_.string(), std::to_string(port_)};
    arguments.insert(arguments.end(), records.begin(), records.end());
    if (runFixture(arguments) == 0) return;
  }
  std::filesystem::remove_all(stateDir_);
  throw std::runtime_error("dnsmasq did not start (see the fixture's output above)");
}

DnsServer::~DnsServer() {
  runFixture({"stop", stateDir_.string()});
  std::error_code ignored;
  std::filesystem::remove_all(stateDir_, ignored);
}

}  // namespace atsharp::reference::test
