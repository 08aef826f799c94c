#include "runtime_test_support.hpp"

#include <doctest/doctest.h>

#include <poll.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::test {
namespace {

int millisecondsUntil(Deadline deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
}

}  // namespace

UniqueFd connectUnixSocket(const std::filesystem::path& path) {
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  REQUIRE(fd.valid());
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  REQUIRE_MESSAGE(
      ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0,
      "cannot connect to ", path.string(), ": ", std::strerror(errno));
  return fd;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "atsharp-rt-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string readBytes(Transport& line, std::size_t size, Deadline deadline) {
  std::string got;
  std::array<Byte, 4096> buffer{};
  while (got.size() < size) {
    const std::size_t want = std::min(buffer.size(), size - got.size());
    const IoResult result = line.read(std::span(buffer.data(), want), deadline);
    got.append(reinterpret_cast<const char*>(buffer.data()), result.count);
    if (result.status != IoStatus::Ok) break;
  }
  return got;
}

std::string readUntilSuffix(Transport& line, std::string_view suffix, Deadline deadline) {
  std::string got;
  std::array<Byte, 1> byte{};  // one at a time: nothing after the suffix is taken
  while (!got.ends_with(suffix)) {
    const IoResult result = line.read(byte, deadline);
    if (result.status != IoStatus::Ok) break;
    got.push_back(static_cast<char>(byte[0]));
  }
  return got;
}

std::string exchange(Transport& line, std::string_view command, std::string_view expected) {
  REQUIRE(line.write(asBytes(command), generous()).status == IoStatus::Ok);
  return readBytes(line, expected.size());
}

bool staysQuiet(Transport& line, std::chrono::milliseconds quiet) {
  std::array<Byte, 4096> buffer{};
  return line.read(buffer, after(quiet)).status == IoStatus::Timeout;
}

ControlClient::ControlClient(const std::filesystem::path& socket)
    : transport_(connectUnixSocket(socket), "control") {}

std::string ControlClient::request(std::string_view line) {
  REQUIRE(transport_.write(asBytes(std::string(line) + "\n"), generous()).status == IoStatus::Ok);
  std::string reply = readUntilSuffix(transport_, "\n");
  if (reply.ends_with('\n')) reply.pop_back();
  return reply;
}

bool waitForPath(const std::filesystem::path& path, Deadline deadline) {
  const UniqueFd watch(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
  REQUIRE(watch.valid());
  REQUIRE(::inotify_add_watch(watch.get(), path.parent_path().c_str(), IN_CREATE | IN_MOVED_TO) >=
          0);
  std::error_code ignored;
  // Checked after the watch is in place, so that a path made in between is not missed.
  while (!std::filesystem::exists(std::filesystem::symlink_status(path, ignored))) {
    pollfd wait{watch.get(), POLLIN, 0};
    if (::poll(&wait, 1, millisecondsUntil(deadline)) <= 0) return false;
    std::array<char, 4096> events{};
    while (::read(watch.get(), events.data(), events.size()) > 0) {
    }
  }
  return true;
}

CerrCapture::CerrCapture() : saved_(std::cerr.rdbuf(captured_.rdbuf())) {}
CerrCapture::~CerrCapture() { std::cerr.rdbuf(saved_); }

std::optional<std::string> fileText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE(out.good());
}

}  // namespace atsharp::test
