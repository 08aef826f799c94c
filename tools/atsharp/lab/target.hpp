#pragma once
// Opening the module a bench command talks to, as a target URL names it: `serial:PATH?baud=N`,
// `tcp:HOST:PORT`, or `ref`, a reference module started in this process for the command's
// duration only (its state ends with the command).

#include <memory>
#include <optional>
#include <string>

#include "atsharp/module/module.hpp"

namespace atsharp::reference {
class Emulator;
}

namespace atsharp::cli::lab {

/// The environment variable that names the target when --target is not given.
inline constexpr const char* kTargetVariable = "ATSHARP_TARGET";

/// @p option when given, else ATSHARP_TARGET; throws UsageError saying how to name a target
/// when neither is there.
std::string chooseTargetUrl(const std::optional<std::string>& option);

/// A module opened and synchronised (AT, ATE0, ATV1, AT#VVERSION), with what keeps it alive.
class OpenTarget {
 public:
  /// Opens @p url. Throws UsageError for a malformed URL, TransportError when the line cannot
  /// be opened, TimeoutError when the module does not answer.
  explicit OpenTarget(const std::string& url);
  /// Closes the module first, then stops the reference module of `ref`.
  ~OpenTarget();
  OpenTarget(const OpenTarget&) = delete;
  OpenTarget& operator=(const OpenTarget&) = delete;

  Module& module() noexcept { return *module_; }

 private:
  std::unique_ptr<reference::Emulator> emulator_;
  std::unique_ptr<Module> module_;
};

}  // namespace atsharp::cli::lab
