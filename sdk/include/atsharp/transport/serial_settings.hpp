#pragma once
/// @file
/// The line settings of a serial port. The frame is always 8N1 (8 data bits, no parity, one
/// stop bit), as the AT command set of WISMO modules requires in data mode.

#include <optional>
#include <string_view>

namespace atsharp {

/// How the two ends of a serial line keep each other from overrunning.
enum class FlowControl {
  None,     ///< no flow control
  RtsCts,   ///< hardware flow control on the RTS and CTS lines
  XonXoff,  ///< software flow control with XON/XOFF characters (not for binary data)
};

/// Baud rate, flow control; 8N1 always.
struct SerialSettings {
  /// Highest baud rate accepted anywhere (the highest standard rate of Linux termios).
  static constexpr unsigned kMaxBaud = 4'000'000;

  unsigned baud = 115200;                ///< bits per second, 1..kMaxBaud
  FlowControl flow = FlowControl::None;  ///< flow control

  friend bool operator==(const SerialSettings&, const SerialSettings&) = default;
};

/// The name of @p flow in target URLs: "none", "rtscts" or "xonxoff".
std::string_view flowControlName(FlowControl flow) noexcept;

/// The flow control named @p name in target URLs, or nothing if the name is unknown.
std::optional<FlowControl> flowControlFromName(std::string_view name) noexcept;

}  // namespace atsharp
