#include "connected_module.hpp"

#include <doctest/doctest.h>

namespace atsharp::test {

ConnectedModule::ConnectedModule(const EmulatorSettings& settings)
    : emulator_(settings), modem_(emulator_.link()) {
  // The module echoes by default (ATE1); a host that streams data wants no echo of its lines.
  REQUIRE(visible(modem_.command("ATE0").raw) == visible("ATE0\r\r\nOK\r\n"));
  REQUIRE(visible(modem_.command("AT#CONNECTIONSTART").raw) ==
          visible("\r\n" + std::string(kModuleAddress) + "\r\n\r\nOk_Info_GprsActivation\r\n"));
}

void ConnectedModule::checkCommandMode() {
  CHECK(visible(modem_.command("AT").raw) == "\\r\\nOK\\r\\n");
}

}  // namespace atsharp::test
