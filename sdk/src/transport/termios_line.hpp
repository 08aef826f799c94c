#pragma once
// The termios backend of SerialTransport, for pseudo-terminals.

#include <memory>
#include <string>

#include "atsharp/transport/serial_settings.hpp"
#include "line_io.hpp"

namespace atsharp::detail {

/// Opens @p device (read-write, not as the controlling terminal, non-blocking, close-on-exec),
/// configures it with configureSerialTerminal() and returns it as an FdLineIo.
/// Throws TransportError naming the device and the cause.
std::unique_ptr<LineIo> openTermiosLine(const std::string& device, const SerialSettings& settings);

}  // namespace atsharp::detail
