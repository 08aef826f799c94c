#include "target.hpp"

#include <chrono>
#include <cstdlib>
#include <utility>
#include <variant>

#include "atsharp/reference/emulator.hpp"
#include "atsharp/transport/target_url.hpp"

namespace atsharp::cli::lab {
namespace {

using namespace std::chrono_literals;

// A serial port opens at once; a serial-over-TCP bridge may take a moment to accept.
constexpr auto kOpenTimeout = 10s;

// `ref` is a healthy network with GPRS attached from power-on, so that every command,
// AT#CONNECTIONSTART included, works on it as on a module that has been on a while.
reference::EmulatorOptions referenceModuleOptions() {
  reference::EmulatorOptions options;
  options.scenario.gprs.attached = true;
  return options;
}

}  // namespace

std::string chooseTargetUrl(const std::optional<std::string>& option) {
  if (option) return *option;
  if (const char* fromEnvironment = std::getenv(kTargetVariable);
      fromEnvironment != nullptr && *fromEnvironment != '\0') {
    return fromEnvironment;
  }
  throw UsageError(std::string("no module to talk to: give --target URL (serial:PATH?baud=N, "
                               "tcp:HOST:PORT or ref) or set ") +
                   kTargetVariable);
}

OpenTarget::OpenTarget(const std::string& url) {
  const TargetUrl target = parseTargetUrl(url);
  std::unique_ptr<Transport> line;
  if (std::holds_alternative<RefTarget>(target)) {
    emulator_ = std::make_unique<reference::Emulator>(referenceModuleOptions());
    emulator_->start();
    line = emulator_->connect();
  } else {
    line = openTransport(target, after(kOpenTimeout));
  }
  module_ = std::make_unique<Module>(std::move(line));
}

OpenTarget::~OpenTarget() {
  module_.reset();
  if (emulator_) emulator_->stop();
}

}  // namespace atsharp::cli::lab
