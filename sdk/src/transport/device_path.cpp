#include "device_path.hpp"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <climits>
#include <cstdlib>
#include <memory>

namespace atsharp::detail {
namespace {

// UNIX98_PTY_SLAVE_MAJOR and the seven majors after it (linux/major.h).
constexpr unsigned kFirstPtySlaveMajor = 136;
constexpr unsigned kLastPtySlaveMajor = 143;

}  // namespace

std::optional<std::string> resolvedPath(const std::string& path) {
  const std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr),
                                                             &std::free);
  if (!resolved) {
    return std::nullopt;
  }
  return std::string(resolved.get());
}

bool isPtySlave(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) < 0 || !S_ISCHR(info.st_mode)) {
    return false;
  }
  const unsigned deviceMajor = major(info.st_rdev);
  return deviceMajor >= kFirstPtySlaveMajor && deviceMajor <= kLastPtySlaveMajor;
}

}  // namespace atsharp::detail
