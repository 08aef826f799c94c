#include "pty_process.hpp"

#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "atsharp/transport/serial_transport.hpp"
#include "interruption.hpp"

namespace atsharp::bench {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

fs::path ownDirectory() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) throw std::runtime_error("cannot find the benchmark's own path: " + error.message());
  return self.parent_path();
}

// A link left by an earlier run would pass for the new program's pty before it is there.
fs::path withoutStaleLink(fs::path link) {
  std::error_code ignored;
  fs::remove(link, ignored);
  return link;
}

}  // namespace

PtyProcess::PtyProcess(std::vector<std::string> argv, fs::path link, fs::path output)
    : link_(withoutStaleLink(std::move(link))), process_(std::move(argv), std::move(output)) {
  waitForLink();
  // Termios: the pty slave of either program, whatever libserialport would make of it. The
  // baud rate of a pty means nothing; the module paces itself (--baud).
  line_ = std::make_unique<SerialTransport>(link_.string(), SerialSettings{},
                                            SerialBackend::Termios);
}

PtyProcess::~PtyProcess() {
  if (line_) line_->close();
  line_.reset();
  process_.terminate();
}

void PtyProcess::waitForLink() {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!fs::exists(link_)) {  // exists() follows the link: the pty is there too
    throwIfInterrupted();
    if (!process_.running()) {
      throw std::runtime_error(process_.describe() + " ended before its pty was there:\n" +
                               process_.output());
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw std::runtime_error(process_.describe() + " made no pty link in 10 s:\n" +
                               process_.output());
    }
    std::this_thread::sleep_for(5ms);
  }
}

std::vector<std::string> emulateCommand(const fs::path& link,
                                        const std::vector<std::string>& extra) {
  const fs::path atsharp = ownDirectory() / "atsharp";
  if (::access(atsharp.c_str(), X_OK) != 0) {
    throw std::runtime_error(atsharp.string() + " is missing: build the target atsharp");
  }
  std::vector<std::string> argv{atsharp.string(), "emulate", "--pty", link.string()};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

std::vector<std::string> socatCommand(const fs::path& link, int port) {
  return {"socat", "PTY,link=" + link.string() + ",rawer",
          "TCP:127.0.0.1:" + std::to_string(port)};
}

}  // namespace atsharp::bench
