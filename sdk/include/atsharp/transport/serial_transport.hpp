#pragma once
/// @file
/// A serial port: a real UART (through libserialport) or a pseudo-terminal (through termios).

#include <memory>
#include <string>

#include "atsharp/transport/serial_settings.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp {

namespace detail {
class PolledLine;
}

/// Which code drives the serial port.
enum class SerialBackend {
  /// termios for a Unix98 pty slave, libserialport for everything else.
  Auto,
  /// libserialport, the portable library for real UARTs (USB adapters, on-board ports).
  LibSerialPort,
  /// termios directly, on a descriptor opened here.
  Termios,
};

/// A Transport over a serial device, configured raw, 8N1, at the settings' baud rate and flow
/// control.
///
/// Why two backends: libserialport 0.1.1 cannot open a pseudo-terminal. sp_get_port_by_name()
/// looks the device up in /sys/class/tty/<name after /dev/>, where /dev/pts/N and symbolic links
/// have no entry ("Device not found"), and sp_open() fails on the TIOCMGET request, which ptys
/// do not implement (ENOTTY). The reference module offers a pty, so ptys go through termios.
///
/// The device path is first resolved with realpath(), so symbolic links work with both backends
/// (/dev/serial/by-id/... for libserialport, the link of `atsharp emulate --pty LINK` for
/// termios). Auto picks termios when the resolved path is a Unix98 pty slave (a character device
/// of major 136..143), libserialport otherwise.
///
/// Thread safety and statuses as for every Transport: one reader and one writer thread at once,
/// close() from any thread wakes both; a hang-up (EIO, ENXIO, a pty whose master went away, an
/// unplugged adapter) is IoStatus::Closed.
class SerialTransport : public Transport {
 public:
  /// Opens and configures @p device. Throws TransportError naming the device and the cause when
  /// it cannot be opened or configured, UsageError for settings the backend cannot take.
  SerialTransport(std::string device, const SerialSettings& settings,
                  SerialBackend backend = SerialBackend::Auto);
  ~SerialTransport() override;

  IoResult write(ByteView bytes, Deadline deadline) override;
  IoResult read(std::span<Byte> buffer, Deadline deadline) override;
  void close() override;
  /// "serial:PATH?baud=N" (and "&flow=F" unless none), with PATH as given: a target URL.
  std::string describe() const override;

  /// The backend in use: LibSerialPort or Termios, never Auto.
  SerialBackend backend() const noexcept { return backend_; }

 private:
  std::unique_ptr<detail::PolledLine> line_;
  std::string description_;
  SerialBackend backend_;
};

/// The backend SerialBackend::Auto picks for @p device: Termios for a Unix98 pty slave (after
/// resolving symbolic links), LibSerialPort otherwise (also when the path does not resolve,
/// so that libserialport reports the failure).
SerialBackend autoBackendFor(const std::string& device);

}  // namespace atsharp
