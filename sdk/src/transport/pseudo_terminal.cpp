#include "atsharp/transport/pseudo_terminal.hpp"

#include <fcntl.h>
#include <stdlib.h>

#include <cerrno>
#include <climits>

#include "system_error.hpp"
#include "terminal_mode.hpp"

namespace atsharp {
namespace {

UniqueFd openMaster() {
  UniqueFd master(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
  if (!master) {
    detail::throwSystemError("cannot open a pseudo-terminal: posix_openpt", errno);
  }
  if (::grantpt(master.get()) < 0) {
    detail::throwSystemError("cannot open a pseudo-terminal: grantpt", errno);
  }
  if (::unlockpt(master.get()) < 0) {
    detail::throwSystemError("cannot open a pseudo-terminal: unlockpt", errno);
  }
  return master;
}

std::string slavePathOf(int master) {
  char path[PATH_MAX];
  // ptsname_r: ptsname() returns a static buffer, unsafe when two threads open ptys.
  const int error = ::ptsname_r(master, path, sizeof path);
  if (error != 0) {
    detail::throwSystemError("cannot open a pseudo-terminal: ptsname_r", error);
  }
  return path;
}

}  // namespace

PseudoTerminal openPseudoTerminal(SlaveSide slave) {
  PseudoTerminal terminal;
  terminal.master = openMaster();
  terminal.slavePath = slavePathOf(terminal.master.get());
  // Terminal settings made through the master apply to the slave side, the only side that has
  // any; they hold while the pair exists, whoever opens the slave later.
  detail::makeRaw(terminal.master.get(), "cannot set up " + terminal.slavePath);
  if (slave == SlaveSide::Open) {
    terminal.slave.reset(::open(terminal.slavePath.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!terminal.slave) {
      detail::throwSystemError("cannot open " + terminal.slavePath, errno);
    }
  }
  return terminal;
}

}  // namespace atsharp
