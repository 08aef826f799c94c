#pragma once
/// @file
/// Target URLs: how a user names the module to talk to (`atsharp conform --target URL`).
///
///     ref                                       the built-in reference module
///     serial:PATH[?baud=N][&flow=none|rtscts|xonxoff]
///     tcp:HOST:PORT                             HOST: IPv4 literal, name, or [IPv6 literal]

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "atsharp/transport/serial_settings.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp {

/// `ref`: the reference module, started in-process by the layers above the transports.
struct RefTarget {
  friend bool operator==(const RefTarget&, const RefTarget&) = default;
};

/// `serial:PATH?baud=N&flow=F`: a serial device (a UART, or a pty such as the reference module's).
struct SerialTarget {
  std::string path;         ///< the device path as written (no '?' in it: that starts the query)
  SerialSettings settings;  ///< baud and flow from the query, defaults otherwise
  friend bool operator==(const SerialTarget&, const SerialTarget&) = default;
};

/// `tcp:HOST:PORT`: a raw serial-over-TCP bridge.
struct TcpTarget {
  std::string host;       ///< name or literal address, IPv6 without its brackets
  std::uint16_t port{0};  ///< 1..65535
  friend bool operator==(const TcpTarget&, const TcpTarget&) = default;
};

/// A parsed target URL.
using TargetUrl = std::variant<RefTarget, SerialTarget, TcpTarget>;

/// Parses @p text. Throws UsageError with a message that quotes the URL and says what is wrong:
/// an unknown scheme, a missing path, host or port, a port of 0 or above 65535, a baud rate that
/// is not a whole number in 1..SerialSettings::kMaxBaud, an unknown flow control, an unknown or
/// repeated query key.
TargetUrl parseTargetUrl(std::string_view text);

/// The URL of @p target, in the form parseTargetUrl() reads back to an equal value: the serial
/// form always names its baud rate, and its flow control unless none; IPv6 hosts get brackets.
std::string describe(const TargetUrl& target);

/// Opens the transport @p target names: a SerialTransport (backend Auto) or a TcpTransport,
/// whose connect is bounded by @p deadline. Throws UsageError for `ref`, which the layers above
/// open (it is a module, not a line), TransportError when opening fails.
std::unique_ptr<Transport> openTransport(const TargetUrl& target, Deadline deadline);

}  // namespace atsharp
