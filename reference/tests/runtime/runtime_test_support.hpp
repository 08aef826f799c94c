#pragma once
// What the runtime's tests share: a temporary directory, reading a transport up to exact
// bytes or a suffix with a deadline, a control channel client, waiting for a path to appear.

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "atsharp/transport/fd_transport.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp::test {

using namespace std::chrono_literals;

/// A deadline far enough away that only a hang reaches it (it fails the test, never hangs it).
inline Deadline generous() { return after(10s); }

/// A directory of its own for one test (short enough for Unix socket paths), removed after.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// Reads until @p size bytes have come, the line closes, or the deadline passes.
std::string readBytes(Transport& line, std::size_t size, Deadline deadline = generous());

/// Reads until what came ends with @p suffix, the line closes, or the deadline passes.
std::string readUntilSuffix(Transport& line, std::string_view suffix,
                            Deadline deadline = generous());

/// Writes @p command and reads as many bytes as @p expected has (compare them with CHECK).
std::string exchange(Transport& line, std::string_view command, std::string_view expected);

/// True when nothing arrives on @p line within @p quiet; false when something did (what came,
/// up to 4 KiB, is read and dropped).
bool staysQuiet(Transport& line, std::chrono::milliseconds quiet);

/// A client of the control channel at @p socket.
class ControlClient {
 public:
  explicit ControlClient(const std::filesystem::path& socket);
  /// Sends @p line (a line end is added) and returns the reply line without its line end.
  std::string request(std::string_view line);
  /// The raw transport, for malformed traffic.
  FdTransport& transport() noexcept { return transport_; }

 private:
  FdTransport transport_;
};

/// A stream socket connected to the Unix socket at @p path.
UniqueFd connectUnixSocket(const std::filesystem::path& path);

/// Waits until @p path exists, watching its directory with inotify; false at the deadline.
bool waitForPath(const std::filesystem::path& path, Deadline deadline = generous());

/// Catches what is written to std::cerr while it lives.
class CerrCapture {
 public:
  CerrCapture();
  ~CerrCapture();
  CerrCapture(const CerrCapture&) = delete;
  CerrCapture& operator=(const CerrCapture&) = delete;
  std::string text() const { return captured_.str(); }

 private:
  std::ostringstream captured_;
  std::streambuf* saved_;
};

/// The text of a file, or nothing when it cannot be read.
std::optional<std::string> fileText(const std::filesystem::path& path);
/// Writes @p text to @p path (replacing it).
void writeFile(const std::filesystem::path& path, std::string_view text);

}  // namespace atsharp::test
