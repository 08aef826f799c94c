#pragma once
// What the transport tests share: byte patterns, reading and writing to the end, descriptor
// pairs, a temporary directory.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <future>
#include <string>
#include <utility>

#include "atsharp/transport/transport.hpp"
#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::test {

using namespace std::chrono_literals;

/// A deadline far enough away that only a hang reaches it (it fails the test, never hangs it).
inline Deadline generous() { return after(20s); }

/// The 256 byte values, 0 to 255, in order.
Bytes allByteValues();

/// What readUpTo() got and how its last read ended.
struct Received {
  Bytes bytes;
  IoStatus last = IoStatus::Ok;
};

/// Reads until @p size bytes have come or a read ends other than Ok.
Received readUpTo(Transport& transport, std::size_t size, Deadline deadline);

/// Reads until a read ends other than Ok (Closed, normally), keeping every byte.
Received readToEnd(Transport& transport, Deadline deadline);

/// readUpTo() on a thread of its own, so that the caller can write meanwhile.
std::future<Received> readUpToAsync(Transport& transport, std::size_t size, Deadline deadline);

/// The two ends of a connected AF_UNIX stream socket pair.
std::pair<UniqueFd, UniqueFd> socketPair();

/// A pipe: the read end, then the write end.
std::pair<UniqueFd, UniqueFd> pipeEnds();

/// A directory made for one test and removed with everything in it afterwards.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace atsharp::test
