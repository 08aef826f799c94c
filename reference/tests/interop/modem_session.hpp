#pragma once
// The host's end of the module's pty, opened as a serial port (termios), as an application on
// a serial port would drive it: a HostSession over it.

#include <filesystem>
#include <memory>

#include "atsharp/transport/serial_transport.hpp"
#include "host_session.hpp"

namespace atsharp::test {

using Reply = HostReply;

class ModemSession : public HostSession {
 public:
  /// Opens the pty (or its link) as a serial port.
  explicit ModemSession(const std::filesystem::path& device)
      : HostSession(std::make_unique<SerialTransport>(device.string(), SerialSettings{},
                                                      SerialBackend::Termios)) {}
};

}  // namespace atsharp::test
