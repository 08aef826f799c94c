// The defaults: a fresh module and a module after AT#DELFLASH and AT+CFUN=1 hold the catalogue's
// default of every parameter (8.4, docs/spec-decisions.md #37).

#include <doctest/doctest.h>

#include <string>

#include "for_each_parameter.hpp"
#include "module_rig.hpp"
#include "sample_values.hpp"

namespace atsharp::test {
namespace {

using catalogue::Param;

// Every value as getText gives it, and typed, equals the catalogue's default.
void checkDefaults(Module& module) {
  for (const auto& [parameter, id] : everyValue()) {
    CAPTURE(catalogue::spec(parameter).name);
    CHECK(module.getText(parameter, id) == catalogue::spec(parameter).defaultValue);
  }
  forEachParameter([&]<Param P>() {
    CAPTURE(catalogue::spec(P).name);
    const param::Tag<P> tag;
    if constexpr (tag.bySocket) {
      CHECK(module.get(tag, SocketId(1)) == defaultOf<P>());
      CHECK(module.get(tag, SocketId(2)) == defaultOf<P>());
    } else {
      CHECK(module.get(tag) == defaultOf<P>());
    }
  });
}

}  // namespace

TEST_CASE("a module on an erased flash holds every default") {
  ModuleRig rig;
  checkDefaults(rig.module());
}

TEST_CASE("every parameter is back to its default after AT#DELFLASH and AT+CFUN=1") {
  ModuleRig rig;
  Module& module = rig.module();
  for (const auto& [parameter, id] : everyValue()) {
    module.setText(parameter, sampleFor(parameter, id), id);
  }
  module.command("AT#DELFLASH");
  // The values in use stay until the restart (docs/spec-decisions.md #37).
  CHECK(module.getText(Param::Pppmode) == sampleFor(Param::Pppmode, std::nullopt));
  module.command("AT+CFUN=1");
  module.synchronise();  // the restart brings the module's power-on settings back (echo)
  checkDefaults(module);
}

}  // namespace atsharp::test
