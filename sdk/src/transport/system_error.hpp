#pragma once
// Turning errno values into messages and exceptions, shared by every transport.

#include <string>

namespace atsharp::detail {

/// The text of errno value @p error ("No such file or directory").
std::string errorText(int error);

/// Throws TransportError "<what>: <text of error>".
[[noreturn]] void throwSystemError(const std::string& what, int error);

/// True for the errno values that mean the other side of the line is gone, which transports
/// report as IoStatus::Closed rather than throw: EIO (a pty whose other side closed, a UART
/// that went away), ENXIO and ENODEV (an unplugged adapter), ECONNRESET, ECONNABORTED, EPIPE
/// and ENOTCONN (a socket whose peer left).
bool isHangUp(int error) noexcept;

}  // namespace atsharp::detail
