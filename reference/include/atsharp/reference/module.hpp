#pragma once
/// @file
/// The reference module: a software WISMO module that speaks the AT# command set. This is its
/// sans-I/O core: bytes from the host in, bytes to the host out, radio events in, timers asked
/// for and never taken. The runtime (emulator.hpp) connects it to a pty, a TCP port or a
/// socket pair, to real time and to the flash file.

#include <memory>
#include <optional>
#include <string>

#include "atsharp/bytes.hpp"
#include "atsharp/reference/flash_image.hpp"
#include "atsharp/reference/module_time.hpp"
#include "atsharp/reference/network.hpp"
#include "atsharp/reference/radio_event.hpp"
#include "atsharp/reference/scenario.hpp"

namespace atsharp::reference {

/// The states AT#VSTATE reports (8.2.2), and NoService without radio.
enum class LinkState { Idle, Checking, Dialing, Authenticating, Connected, Disconnecting, NoService };

/// The text AT#VSTATE shows for @p state ("IDLE", ... ; "NO SERVICE").
std::string_view stateName(LinkState state) noexcept;

struct ModuleOptions {
  Scenario scenario;
  /// What the parameter flash held at power-on; nothing: erased (the spec's defaults).
  std::optional<FlashImage> flash;
  /// Where the IP services reach the network; none: the services answer 36872. The port must
  /// outlive the module.
  NetworkPort* network = nullptr;
};

/// One reference module. Not thread-safe: the runtime calls it from one thread.
///
/// Every call takes the current module time, which never goes backwards. Output accumulates
/// until takeOutput(); a changed parameter set accumulates until takeFlashWrite().
class Module {
 public:
  explicit Module(ModuleOptions options, ModuleTime now = ModuleTime{0});
  ~Module();
  Module(Module&&) noexcept;
  Module& operator=(Module&&) noexcept;

  /// Bytes from the host (the serial line's receive direction).
  void receive(ByteView bytes, ModuleTime now);

  /// Something happens to the radio (the control channel's events).
  void inject(const RadioEvent& event, ModuleTime now);

  /// The network reports on an activity of the IP services.
  void network(const NetworkEvent& event, ModuleTime now);

  /// False while the host's input waits in the module up to its bound (an operation runs and
  /// the host keeps sending): the runtime stops reading the line until it is true again.
  bool wantsInput() const;

  /// When advance() must next be called; nothing while no timer runs.
  std::optional<ModuleTime> nextDeadline() const;

  /// Runs the timers that are due at @p now.
  void advance(ModuleTime now);

  /// The bytes for the host produced since the last call.
  Bytes takeOutput();

  /// The parameter values to write to flash, when they changed since the last call.
  std::optional<FlashImage> takeFlashWrite();

  /// What AT#VSTATE would show now.
  LinkState linkState() const;

  /// The parameter image as it is now (for tests and the control channel).
  FlashImage parameters() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace atsharp::reference
