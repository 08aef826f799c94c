#pragma once
// A program that offers a pseudo-terminal under a symbolic link (atsharp emulate --pty LINK,
// socat PTY,link=LINK), and the host's open line to that pty.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "atsharp/transport/transport.hpp"
#include "child_process.hpp"

namespace atsharp::bench {

class PtyProcess {
 public:
  /// Starts @p argv, whose pty appears as @p link once it is ready (both programs make the link
  /// only then), and opens it as a host would open a serial port. The program's output goes to
  /// @p output. Throws std::runtime_error, with that output, when the link does not come.
  PtyProcess(std::vector<std::string> argv, std::filesystem::path link,
             std::filesystem::path output);
  /// Closes the line, then stops the program.
  ~PtyProcess();
  PtyProcess(const PtyProcess&) = delete;
  PtyProcess& operator=(const PtyProcess&) = delete;

  Transport& line() noexcept { return *line_; }
  ChildProcess& process() noexcept { return process_; }

 private:
  void waitForLink();

  std::filesystem::path link_;
  ChildProcess process_;
  std::unique_ptr<Transport> line_;
};

/// `atsharp emulate --pty LINK` with @p extra options; the atsharp binary is taken from the
/// benchmark's own directory (the build puts every program in bin/).
std::vector<std::string> emulateCommand(const std::filesystem::path& link,
                                        const std::vector<std::string>& extra = {});

/// `socat PTY,link=LINK,rawer TCP:127.0.0.1:PORT`: a pty relayed to a TCP peer, nothing else.
std::vector<std::string> socatCommand(const std::filesystem::path& link, int port);

}  // namespace atsharp::bench
