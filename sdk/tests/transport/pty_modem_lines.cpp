#include "pty_modem_lines.hpp"

#include <dlfcn.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace atsharp::test {
namespace {

std::atomic<bool> armed{false};
std::atomic<int> answeredCount{0};

using IoctlFunction = int (*)(int, unsigned long, ...);

IoctlFunction nextIoctl() {
  static const IoctlFunction next = [] {
    auto* found = reinterpret_cast<IoctlFunction>(::dlsym(RTLD_NEXT, "ioctl"));
    if (found == nullptr) {
      std::fputs("pty_modem_lines: dlsym(RTLD_NEXT, \"ioctl\") found nothing\n", stderr);
      std::abort();
    }
    return found;
  }();
  return next;
}

bool isModemControl(unsigned long request) {
  return request == TIOCMGET || request == TIOCMSET || request == TIOCMBIS || request == TIOCMBIC;
}

bool isPtySlave(int fd) {
  struct stat info {};
  if (::fstat(fd, &info) < 0 || !S_ISCHR(info.st_mode)) {
    return false;
  }
  return major(info.st_rdev) >= 136 && major(info.st_rdev) <= 143;
}

// The answer of a UART without wired modem lines.
int answer(unsigned long request, void* argument) {
  if (request == TIOCMGET) {
    *static_cast<int*>(argument) = 0;
  }
  answeredCount.fetch_add(1);
  return 0;
}

}  // namespace

PtyModemLines::PtyModemLines() {
  answeredCount.store(0);
  armed.store(true);
}

PtyModemLines::~PtyModemLines() { armed.store(false); }

int PtyModemLines::answered() noexcept { return answeredCount.load(); }

}  // namespace atsharp::test

// The interposer. The signature is the C library's (noexcept, as <sys/ioctl.h> declares it for
// C++). The third argument is forwarded as a pointer, as the C library's own wrapper passes it
// on to the kernel whatever its type.
extern "C" int ioctl(int fd, unsigned long request, ...) noexcept {
  using namespace atsharp::test;
  std::va_list arguments;
  va_start(arguments, request);
  void* argument = va_arg(arguments, void*);
  va_end(arguments);
  const int result = nextIoctl()(fd, request, argument);
  const int error = errno;
  if (result == 0 || error != ENOTTY || !armed.load() || !isModemControl(request) ||
      !isPtySlave(fd)) {
    errno = error;
    return result;
  }
  return answer(request, argument);
}
