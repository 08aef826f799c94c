#include "atsharp/transport/symbolic_link.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <optional>
#include <utility>

#include "atsharp/error.hpp"
#include "system_error.hpp"

namespace atsharp {
namespace {

std::optional<std::string> linkTarget(const std::string& path) {
  std::string target(PATH_MAX, '\0');
  const ssize_t size = ::readlink(path.c_str(), target.data(), target.size());
  if (size < 0 || static_cast<std::size_t>(size) >= target.size()) {
    return std::nullopt;
  }
  target.resize(static_cast<std::size_t>(size));
  return target;
}

// Only a symbolic link may be replaced: a regular file or a device at that path is someone's.
void checkReplaceable(const std::string& linkPath) {
  struct stat info {};
  if (::lstat(linkPath.c_str(), &info) == 0 && !S_ISLNK(info.st_mode)) {
    throw TransportError("cannot make the link " + linkPath +
                         ": a file that is not a symbolic link is in the way");
  }
}

}  // namespace

SymbolicLink::SymbolicLink(std::string target, std::string linkPath)
    : target_(std::move(target)), linkPath_(std::move(linkPath)) {
  checkReplaceable(linkPath_);
  // Made under a temporary name and renamed over the path, so that a client never finds the
  // path missing or half made while an old link is replaced.
  const std::string temporary = linkPath_ + ".tmp" + std::to_string(::getpid());
  ::unlink(temporary.c_str());
  if (::symlink(target_.c_str(), temporary.c_str()) < 0) {
    const int error = errno;
    linkPath_.clear();
    detail::throwSystemError("cannot make the link " + temporary, error);
  }
  if (::rename(temporary.c_str(), linkPath_.c_str()) < 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    const std::string path = std::exchange(linkPath_, {});
    detail::throwSystemError("cannot make the link " + path, error);
  }
}

SymbolicLink::~SymbolicLink() { remove(); }

SymbolicLink::SymbolicLink(SymbolicLink&& other) noexcept
    : target_(std::move(other.target_)), linkPath_(std::exchange(other.linkPath_, {})) {}

SymbolicLink& SymbolicLink::operator=(SymbolicLink&& other) noexcept {
  if (this != &other) {
    remove();
    target_ = std::move(other.target_);
    linkPath_ = std::exchange(other.linkPath_, {});
  }
  return *this;
}

void SymbolicLink::remove() noexcept {
  if (linkPath_.empty()) {
    return;
  }
  try {
    if (linkTarget(linkPath_) == target_) {
      ::unlink(linkPath_.c_str());
    }
  } catch (...) {
    // Out of memory while reading the link back: leaving a stale link is the lesser harm.
  }
  linkPath_.clear();
}

}  // namespace atsharp
