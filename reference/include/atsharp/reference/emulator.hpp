#pragma once
/// @file
/// The reference module's runtime: one Module on an event loop, reached through a
/// pseudo-terminal, a TCP port on a loopback address or an in-process line, on real time scaled
/// by a time scale, with its parameters in a flash file and a control channel for radio events.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "atsharp/reference/module.hpp"
#include "atsharp/reference/radio_event.hpp"
#include "atsharp/reference/scenario.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp::reference {

struct EmulatorOptions {
  Scenario scenario;
  /// Make this path a symbolic link to the module's pseudo-terminal (removed on exit).
  std::optional<std::filesystem::path> ptyLink;
  /// Also serve the line as raw serial-over-TCP on this loopback HOST:PORT (one client at a
  /// time; port 0 picks a free one, see tcpPort()).
  std::optional<std::string> listen;
  /// The parameter flash; none: parameters live in memory only.
  std::optional<std::filesystem::path> flashFile;
  /// A Unix socket path for the control channel (JSON lines).
  std::optional<std::filesystem::path> controlSocket;
  /// Real seconds per module second: 0.01 runs every spec timer a hundred times faster.
  double timeScale = 1.0;
  /// Pace the module's output like a UART at this rate (10 bits per byte); none: unpaced.
  std::optional<int> baud;
};

/// A running reference module. All public functions are thread-safe.
class Emulator {
 public:
  /// Opens the endpoints and loads the flash file (a damaged one is reported on stderr, kept
  /// beside as FILE.broken, and replaced by defaults). Throws atsharp::Error when an endpoint
  /// cannot be opened.
  explicit Emulator(EmulatorOptions options);
  /// Stops, and removes the pty link.
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// Runs the event loop in a background thread.
  void start();
  /// Runs the event loop in this thread until stop(), or until SIGINT or SIGTERM when
  /// @p handleSignals.
  void run(bool handleSignals = false);
  /// Ends the event loop (the flash file is complete: it is only ever replaced whole).
  void stop();

  /// A new in-process line to the module (a socket pair). Like the pty and the TCP client it is
  /// a tap on the module's one serial line: what it sends reaches the module, and it receives
  /// everything the module sends.
  std::unique_ptr<Transport> connect();

  /// Injects a radio event.
  void inject(const RadioEvent& event);

  /// What AT#VSTATE would show now.
  LinkState linkState();

  /// The slave side of the module's pseudo-terminal (when ptyLink was given).
  std::optional<std::filesystem::path> ptyPath() const;
  /// The TCP port served (when listen was given).
  std::optional<int> tcpPort() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace atsharp::reference
