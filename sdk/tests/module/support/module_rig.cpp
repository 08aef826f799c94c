// The reference module on a pty, and a Module on it through libserialport.

#include "module_rig.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "atsharp/transport/serial_transport.hpp"

namespace atsharp::test {
namespace {

std::filesystem::path freshDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "atsharp-sdk-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

}  // namespace

ModuleRig::ModuleRig(RigOptions options) : dir_(freshDirectory()), link_(dir_ / "modem") {
  reference::EmulatorOptions emulatorOptions;
  emulatorOptions.scenario = options.scenario;
  emulatorOptions.timeScale = options.timeScale;
  emulatorOptions.ptyLink = link_;
  emulator_ = std::make_unique<reference::Emulator>(emulatorOptions);
  emulator_->start();
  // libserialport cannot look a pty up by its name (docs/transports.md): it opens the slave
  // this rig holds open, by a name its sysfs lookup and its open() both resolve.
  slave_ = UniqueFd(::open(link_.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC));
  if (!slave_.valid()) throw std::runtime_error("cannot open the module's pty " + link_.string());
  auto serial = std::make_unique<SerialTransport>(
      "/dev/../../../proc/self/fd/" + std::to_string(slave_.get()), SerialSettings{},
      SerialBackend::LibSerialPort);
  module_ = std::make_unique<Module>(std::move(serial), options.module);
}

ModuleRig::~ModuleRig() {
  module_.reset();
  emulator_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void ModuleRig::connectGprs() {
  // 2.2.3: "GPRS attachment must be performed before a CONNECTIONSTART command".
  // The attachment completes after the OK (appendix A.4: +CGREG: 2, then +CGREG: 1).
  module_->command("AT+CGATT=1", Milliseconds{10000});
  const Deadline deadline = after(Milliseconds{10000});
  while (module_->command("AT+CGATT?").lines != std::vector<std::string>{"+CGATT: 1"}) {
    if (Clock::now() > deadline) throw std::runtime_error("the module did not attach to GPRS");
    std::this_thread::sleep_for(Milliseconds{5});
  }
  module_->command("AT#CONNECTIONSTART", Milliseconds{10000});
}

}  // namespace atsharp::test
