// AT#DELFLASH (8.4) through Module::deleteFlash: the values in use stay until the module
// restarts (AT+CFUN=1), which starts from the spec's defaults, as the catalogue gives them.

#include <doctest/doctest.h>

#include "action_printing.hpp"
#include "atsharp/catalogue/parameters.hpp"
#include "module_rig.hpp"

namespace atsharp::test {
namespace {

using catalogue::Param;

// `#NAME: value` as AT#NAME? shows a number.
std::vector<std::string> shown(Param parameter, std::string_view value) {
  return {"#" + std::string(catalogue::spec(parameter).name) + ": " + std::string(value)};
}

std::vector<std::string> read(Module& module, Param parameter) {
  return module.command("AT#" + std::string(catalogue::spec(parameter).name) + "?").lines;
}

}  // namespace

TEST_CASE("deleteFlash then AT+CFUN=1: the parameters set before are at their defaults") {
  ModuleRig rig;
  Module& module = rig.module();
  const std::vector<std::pair<Param, std::string>> changes{
      {Param::Pppmode, "2"}, {Param::Pingnum, "9"}, {Param::Redialcount, "3"}};
  for (const auto& [parameter, value] : changes) {
    REQUIRE(catalogue::spec(parameter).defaultValue != value);
    module.command("AT#" + std::string(catalogue::spec(parameter).name) + "=" + value);
  }
  module.command("AT#DLEMODE=1,0");
  CHECK(module.tcpCoding(SocketId(1)) == DataCoding::PassThrough);

  module.deleteFlash();
  // The values in use stay until the restart (docs/spec-decisions.md #37).
  for (const auto& [parameter, value] : changes) {
    CHECK(read(module, parameter) == shown(parameter, value));
  }

  module.command("AT+CFUN=1");
  for (const auto& [parameter, value] : changes) {
    CAPTURE(catalogue::spec(parameter).name);
    CHECK(read(module, parameter) == shown(parameter, catalogue::spec(parameter).defaultValue));
  }
  // The Module forgot the DLEMODE it knew: it reads the default again.
  CHECK(module.tcpCoding(SocketId(1)) == DataCoding::Dle);
}

}  // namespace atsharp::test
