#pragma once
/// @file
/// Unix98 pseudo-terminal pairs, the line a reference module offers to programs that expect a
/// serial port.

#include <string>

#include "atsharp/transport/unique_fd.hpp"

namespace atsharp {

/// Whether openPseudoTerminal() also opens the slave side.
enum class SlaveSide {
  Closed,  ///< only the master is open; a client opens slavePath itself
  Open,    ///< the slave is opened too (O_NOCTTY) and kept in PseudoTerminal::slave
};

/// An open pseudo-terminal pair in raw mode.
///
/// While no process holds the slave open, the master reads as hung up (poll reports POLLHUP
/// and read() fails with EIO). A server that wants its line to stay up between clients keeps
/// the slave open itself (SlaveSide::Open).
struct PseudoTerminal {
  UniqueFd master;        ///< the master side, read and write
  std::string slavePath;  ///< the slave's device path, as /dev/pts/N
  UniqueFd slave;         ///< the slave side, when it was asked for; else invalid
};

/// Opens a pseudo-terminal pair (posix_openpt, grantpt, unlockpt) and puts it in raw mode
/// (cfmakeraw: no echo, no CR/LF translation, no signals, 8 bits, reads return each byte as it
/// arrives), so that all 256 byte values cross it unchanged. Both descriptors are close-on-exec.
/// Throws TransportError naming the failed step and the cause.
PseudoTerminal openPseudoTerminal(SlaveSide slave = SlaveSide::Closed);

}  // namespace atsharp
