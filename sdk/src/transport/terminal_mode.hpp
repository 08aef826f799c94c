#pragma once
// Terminal settings through termios: raw mode for ptys, and raw 8N1 with a baud rate and flow
// control for the termios serial backend.

#include <string>

#include "atsharp/transport/serial_settings.hpp"

namespace atsharp::detail {

/// Puts the terminal @p fd in raw mode (cfmakeraw), reads returning as soon as one byte is
/// there. @p name prefixes error messages (TransportError).
void makeRaw(int fd, const std::string& name);

/// Raw mode as makeRaw(), plus 8N1, receiver on, modem status lines ignored (CLOCAL), the baud
/// rate and flow control of @p settings. Throws UsageError for a baud rate termios has no
/// constant for, TransportError when the terminal refuses the settings.
void configureSerialTerminal(int fd, const SerialSettings& settings, const std::string& name);

}  // namespace atsharp::detail
