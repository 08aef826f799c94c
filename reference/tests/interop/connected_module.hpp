#pragma once
// A module as a host finds it once its GPRS link is up: `atsharp emulate` running, the host's
// session on its pty with echo off, and AT#CONNECTIONSTART answered with the module's address,
// 127.0.0.2. Every service test starts from here.

#include "emulator_process.hpp"
#include "modem_session.hpp"

namespace atsharp::test {

/// The module's address on its GPRS link (the default scenario's).
inline constexpr const char* kModuleAddress = "127.0.0.2";

class ConnectedModule {
 public:
  explicit ConnectedModule(const EmulatorSettings& settings = {});

  ModemSession& modem() noexcept { return modem_; }
  /// The module is in command mode: AT is answered exactly OK.
  void checkCommandMode();
  /// Stops the module and checks its exit status (also done at the end of the test).
  void stop() { emulator_.stop(); }

 private:
  EmulatorProcess emulator_;
  ModemSession modem_;
};

}  // namespace atsharp::test
