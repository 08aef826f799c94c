#include "atsharp/transport/serial_transport.hpp"

#include <optional>
#include <utility>

#include "atsharp/error.hpp"
#include "atsharp/transport/target_url.hpp"
#include "device_path.hpp"
#include "libserialport_line.hpp"
#include "polled_line.hpp"
#include "termios_line.hpp"

namespace atsharp {
namespace {

void checkSettings(const std::string& device, const SerialSettings& settings) {
  if (device.empty()) {
    throw UsageError("serial transport: empty device path");
  }
  if (settings.baud == 0 || settings.baud > SerialSettings::kMaxBaud) {
    throw UsageError(device + ": baud " + std::to_string(settings.baud) +
                     " is out of range (1 to " + std::to_string(SerialSettings::kMaxBaud) + ")");
  }
}

// The termios backend opens the path as written (open() follows links itself); libserialport
// needs the resolved name to find the port in sysfs.
std::unique_ptr<detail::LineIo> openLine(const std::string& device, const SerialSettings& settings,
                                         SerialBackend backend) {
  if (backend == SerialBackend::Termios) {
    return detail::openTermiosLine(device, settings);
  }
  const std::string resolved = detail::resolvedPath(device).value_or(device);
  return detail::openLibSerialPortLine(device, resolved, settings);
}

}  // namespace

SerialBackend autoBackendFor(const std::string& device) {
  const std::optional<std::string> resolved = detail::resolvedPath(device);
  return resolved && detail::isPtySlave(*resolved) ? SerialBackend::Termios
                                                   : SerialBackend::LibSerialPort;
}

SerialTransport::SerialTransport(std::string device, const SerialSettings& settings,
                                 SerialBackend backend)
    : backend_(backend == SerialBackend::Auto ? autoBackendFor(device) : backend) {
  checkSettings(device, settings);
  line_ = std::make_unique<detail::PolledLine>(openLine(device, settings, backend_));
  description_ = atsharp::describe(SerialTarget{std::move(device), settings});
}

SerialTransport::~SerialTransport() = default;

IoResult SerialTransport::write(ByteView bytes, Deadline deadline) {
  return line_->write(bytes, deadline);
}

IoResult SerialTransport::read(std::span<Byte> buffer, Deadline deadline) {
  return line_->read(buffer, deadline);
}

void SerialTransport::close() { line_->close(); }

std::string SerialTransport::describe() const { return description_; }

}  // namespace atsharp
