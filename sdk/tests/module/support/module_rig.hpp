#pragma once
// A reference module (the in-process Emulator) on a real pseudo-terminal, and an atsharp::Module
// on that pty through libserialport, as a host application would open a module on a serial
// port. Every test of the typed API runs against it.

#include <filesystem>
#include <memory>
#include <optional>

#include "atsharp/module/module.hpp"
#include "atsharp/reference/emulator.hpp"
#include "atsharp/transport/unique_fd.hpp"
#include "pty_modem_lines.hpp"

namespace atsharp::test {

struct RigOptions {
  reference::Scenario scenario;
  /// Module time runs this much faster than real time (spec timers in milliseconds).
  double timeScale = 0.01;
  Module::Options module;
};

class ModuleRig {
 public:
  ModuleRig() : ModuleRig(RigOptions{}) {}
  explicit ModuleRig(RigOptions options);
  ~ModuleRig();
  ModuleRig(const ModuleRig&) = delete;
  ModuleRig& operator=(const ModuleRig&) = delete;

  Module& module() noexcept { return *module_; }
  reference::Emulator& emulator() noexcept { return *emulator_; }
  /// The pty's link (a path a second program could open).
  const std::filesystem::path& link() const noexcept { return link_; }
  /// A second line to the same module (in-process), to watch or disturb it.
  std::unique_ptr<Transport> tap() { return emulator_->connect(); }
  /// Brings the GPRS connection up (AT#CONNECTIONSTART with the default scenario): the module's
  /// address is then 127.0.0.2.
  void connectGprs();

 private:
  std::filesystem::path dir_;
  std::filesystem::path link_;
  PtyModemLines modemLines_;
  UniqueFd slave_;
  std::unique_ptr<reference::Emulator> emulator_;
  std::unique_ptr<Module> module_;
};

}  // namespace atsharp::test
