#include "termios_line.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "fd_line_io.hpp"
#include "system_error.hpp"
#include "terminal_mode.hpp"

namespace atsharp::detail {

std::unique_ptr<LineIo> openTermiosLine(const std::string& device, const SerialSettings& settings) {
  UniqueFd fd(::open(device.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
  if (!fd) {
    throwSystemError("cannot open " + device, errno);
  }
  if (::isatty(fd.get()) == 0) {
    throwSystemError("cannot use " + device + " as a serial port", errno);
  }
  configureSerialTerminal(fd.get(), settings, "cannot configure " + device);
  return std::make_unique<FdLineIo>(std::move(fd), device);
}

}  // namespace atsharp::detail
