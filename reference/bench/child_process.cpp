#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "interruption.hpp"

namespace atsharp::bench {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Only async-signal-safe calls between fork() and exec: the benchmark has threads (the echo
// peer's) whose locks the child inherits in whatever state they were.
[[noreturn]] void becomeChild(char* const* argv, const char* output, pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (::getppid() != parent) ::_exit(127);  // the parent went before prctl() took effect
  const int in = ::open("/dev/null", O_RDONLY);
  const int out = ::open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (in < 0 || out < 0) ::_exit(127);
  ::dup2(in, STDIN_FILENO);
  ::dup2(out, STDOUT_FILENO);
  ::dup2(out, STDERR_FILENO);
  // The benchmark's own handlers are gone with exec; the default action of SIGINT and SIGTERM
  // comes back, so that a Ctrl-C on the terminal ends the child too.
  ::execv(argv[0], argv);
  ::_exit(127);
}

}  // namespace

std::optional<fs::path> findProgram(const std::string& program) {
  if (program.find('/') != std::string::npos) return fs::path(program);
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

ChildProcess::ChildProcess(std::vector<std::string> argv, fs::path output)
    : name_(argv.at(0)), output_(std::move(output)) {
  const std::optional<fs::path> program = findProgram(argv[0]);
  if (!program) throw std::runtime_error(argv[0] + " was not found in PATH");
  argv[0] = program->string();
  std::vector<char*> pointers;
  for (std::string& word : argv) pointers.push_back(word.data());
  pointers.push_back(nullptr);
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ < 0) throw std::system_error(errno, std::generic_category(), "fork " + name_);
  if (pid_ == 0) becomeChild(pointers.data(), output_.c_str(), parent);
}

ChildProcess::~ChildProcess() { terminate(); }

bool ChildProcess::reap(int options) noexcept {
  if (status_) return true;
  int status = 0;
  pid_t done = -1;
  do {
    done = ::waitpid(pid_, &status, options);
  } while (done < 0 && errno == EINTR);
  if (done != pid_) return false;
  status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return true;
}

bool ChildProcess::running() { return !reap(WNOHANG); }

int ChildProcess::wait(std::chrono::milliseconds timeout, bool interruptible) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if ((interruptible && interrupted()) || std::chrono::steady_clock::now() >= deadline) {
      terminate();
      if (interruptible) throwIfInterrupted();
      throw std::runtime_error(name_ + " did not finish in time:\n" + output());
    }
    std::this_thread::sleep_for(10ms);
  }
  return *status_;
}

void ChildProcess::terminate() noexcept {
  if (pid_ <= 0 || reap(WNOHANG)) return;
  ::kill(pid_, SIGTERM);
  // Time to remove its pty link (atsharp emulate, socat) before it is killed outright.
  for (int i = 0; i < 300 && !reap(WNOHANG); ++i) std::this_thread::sleep_for(10ms);
  if (status_) return;
  ::kill(pid_, SIGKILL);
  reap(0);
}

std::string ChildProcess::output() const {
  std::ifstream in(output_, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ChildProcess::describe() {
  if (running()) return name_ + " (running)";
  return name_ + " (exit status " + std::to_string(*status_) + ")";
}

}  // namespace atsharp::bench
