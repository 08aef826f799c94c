#include "transport_test_helpers.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <stdexcept>
#include <system_error>

namespace atsharp::test {

Bytes allByteValues() {
  Bytes values(256);
  std::iota(values.begin(), values.end(), Byte{0});
  return values;
}

Received readUpTo(Transport& transport, std::size_t size, Deadline deadline) {
  Received received;
  Bytes buffer(4096);
  while (received.bytes.size() < size) {
    const std::size_t want = std::min(buffer.size(), size - received.bytes.size());
    const IoResult result = transport.read(std::span(buffer).first(want), deadline);
    received.last = result.status;
    received.bytes.insert(received.bytes.end(), buffer.begin(),
                          buffer.begin() + static_cast<std::ptrdiff_t>(result.count));
    if (result.status != IoStatus::Ok) {
      break;
    }
  }
  return received;
}

Received readToEnd(Transport& transport, Deadline deadline) {
  Received received;
  Bytes buffer(4096);
  for (;;) {
    const IoResult result = transport.read(buffer, deadline);
    received.last = result.status;
    received.bytes.insert(received.bytes.end(), buffer.begin(),
                          buffer.begin() + static_cast<std::ptrdiff_t>(result.count));
    if (result.status != IoStatus::Ok) {
      return received;
    }
  }
}

std::future<Received> readUpToAsync(Transport& transport, std::size_t size, Deadline deadline) {
  return std::async(std::launch::async,
                    [&transport, size, deadline] { return readUpTo(transport, size, deadline); });
}

std::pair<UniqueFd, UniqueFd> socketPair() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0) {
    throw std::system_error(errno, std::generic_category(), "socketpair");
  }
  return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

std::pair<UniqueFd, UniqueFd> pipeEnds() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) {
    throw std::system_error(errno, std::generic_category(), "pipe2");
  }
  return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "atsharp-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "mkdtemp");
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace atsharp::test
