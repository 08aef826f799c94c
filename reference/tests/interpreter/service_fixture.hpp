#pragma once
// A module connected over GPRS (address 127.0.0.2, gateway 127.0.0.1) whose services talk to a
// ScriptedNetwork, for the services' in-process tests.

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "module_driver.hpp"
#include "scripted_network.hpp"

namespace atsharp::reference::test {

using Requests = std::vector<std::string>;

struct ServiceFixture {
  ScriptedNetwork net;
  ModuleDriver module;

  explicit ServiceFixture(Scenario scenario = attachedScenario())
      : module(quietDriver(std::move(scenario), {}, &net)) {
    REQUIRE(module.at("AT#CONNECTIONSTART") == "");
    REQUIRE(module.settle() == "\r\n127.0.0.2\r\n\r\nOk_Info_GprsActivation\r\n");
  }

  static Scenario attachedScenario() {
    Scenario scenario;
    scenario.gprs.attached = true;
    return scenario;
  }

  /// Sets parameters, each answered OK.
  void set(std::initializer_list<std::string_view> lines) {
    for (std::string_view line : lines) REQUIRE(module.at(line) == "\r\nOK\r\n");
  }
};

inline const std::string kOk = "\r\nOK\r\n";
inline std::string error(int code) { return "\r\n#CME ERROR: " + std::to_string(code) + "\r\n"; }
inline std::string result(std::string_view name) { return "\r\n" + std::string{name} + "\r\n"; }

}  // namespace atsharp::reference::test
