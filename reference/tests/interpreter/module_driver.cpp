#include "module_driver.hpp"

#include <cstdio>

#include "random.hpp"

namespace atsharp::reference::test {

ModuleDriver::ModuleDriver(Scenario scenario, std::optional<FlashImage> flash,
                           NetworkPort* network)
    : module(ModuleOptions{std::move(scenario), std::move(flash), network}),
      gen_(atsharp::test::rng(0x5EED)) {}

std::string ModuleDriver::output() { return asString(module.takeOutput()); }

std::string ModuleDriver::send(std::string_view bytes) {
  for (ByteView chunk : atsharp::test::randomChunks(gen_, asBytes(bytes), 7)) {
    module.receive(chunk, now);
  }
  return output();
}

std::string ModuleDriver::wait(ModuleTime duration) {
  const ModuleTime end = now + duration;
  while (const std::optional<ModuleTime> due = module.nextDeadline()) {
    if (*due > end) break;
    now = std::max(now, *due);
    module.advance(now);
  }
  now = end;
  module.advance(now);
  return output();
}

std::string ModuleDriver::settle(ModuleTime limit) {
  const ModuleTime end = now + limit;
  while (const std::optional<ModuleTime> due = module.nextDeadline()) {
    if (*due > end) break;
    now = std::max(now, *due);
    module.advance(now);
  }
  return output();
}

std::string ModuleDriver::network(const NetworkEvent& event) {
  module.network(event, now);
  return output();
}

std::string ModuleDriver::inject(const RadioEvent& event) {
  module.inject(event, now);
  return output();
}

ModuleDriver quietDriver(Scenario scenario, std::optional<FlashImage> flash,
                         NetworkPort* network) {
  ModuleDriver driver(std::move(scenario), std::move(flash), network);
  REQUIRE(driver.at("ATE0") == "ATE0\r\r\nOK\r\n");
  return driver;
}

std::string framed(std::string_view text) { return "\r\n" + std::string{text} + "\r\n"; }

std::string visible(std::string_view bytes) {
  std::string text;
  for (char c : bytes) {
    if (c == '\r') {
      text += "\\r";
    } else if (c == '\n') {
      text += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(c));
      text += hex;
    } else {
      text += c;
    }
  }
  return text;
}

}  // namespace atsharp::reference::test
