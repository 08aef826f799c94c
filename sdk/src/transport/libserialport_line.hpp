#pragma once
// The libserialport backend of SerialTransport, for real UARTs.

#include <memory>
#include <string>

#include "atsharp/transport/serial_settings.hpp"
#include "line_io.hpp"

namespace atsharp::detail {

/// Opens @p device with libserialport: sp_get_port_by_name() on @p resolved (the device with
/// its symbolic links resolved: libserialport finds /dev/ttyUSB0 in sysfs, not the
/// /dev/serial/by-id/... link to it), falling back to @p device as written when libserialport
/// does not know the resolved name; then sp_open() and 8N1 at the settings' baud rate and flow
/// control, with DTR and RTS asserted (a modem ignores a host that drops DTR; under RTS/CTS flow
/// control the driver owns RTS). Throws TransportError naming the device and libserialport's
/// reason.
std::unique_ptr<LineIo> openLibSerialPortLine(const std::string& device,
                                              const std::string& resolved,
                                              const SerialSettings& settings);

}  // namespace atsharp::detail
