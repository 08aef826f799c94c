// Bad input never crashes, hangs or grows memory without bound, and the module answers AT
// afterwards: random bytes, NUL, overlong lines, Ctrl-Z, a flood of input while a command runs.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "module_driver.hpp"
#include "random.hpp"

namespace atsharp::reference::test {
namespace {

TEST_CASE("random bytes - then the module still answers AT") {
  ATSHARP_SEED_INFO();
  auto gen = atsharp::test::rng(11);
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    ModuleDriver module;
    const Bytes noise = atsharp::test::randomBytes(gen, 1 + gen() % 3000);
    module.send(asString(noise));
    module.settle(ModuleTime{600000});
    // Whatever state the noise left (an entry, ATE0, ATV0), a reset and AT get a clean answer.
    module.send("\x1b\r");
    module.settle(ModuleTime{600000});
    module.at("AT+CFUN=1");
    module.settle(ModuleTime{600000});
    CHECK(module.at("AT") == "AT\r\r\nOK\r\n");
  }
}

TEST_CASE("printable noise shaped like commands never crashes the interpreter") {
  ATSHARP_SEED_INFO();
  auto gen = atsharp::test::rng(12);
  static const std::string kPieces[] = {"AT", "#", "+", "=", "?", ",", "\"", ";", "\r", "1",
                                        "PPPMODE", "TCPPORT", "VALL", "BODY1", "REC1ADD",
                                        "CONNECTIONSTART", "\x1a", "\x1b", "E0", "V0", "S0",
                                        "CREG", "CGATT", "ACCEPT", "DELFLASH", "CFUN"};
  ModuleDriver module;
  for (int i = 0; i < 20000; ++i) {
    module.send(kPieces[gen() % std::size(kPieces)]);
    if (i % 500 == 0) module.settle(ModuleTime{100000});
  }
  module.send("\x1b\r");
  module.settle();
  module.at("AT+CFUN=1");
  CHECK(module.at("AT") == "AT\r\r\nOK\r\n");
}

TEST_CASE("NUL bytes and a Ctrl-Z outside an entry are ignored") {
  ModuleDriver module = quietDriver();
  CHECK(module.send(std::string("A\0T\x1a\r", 5)) == "\r\nOK\r\n");
}

TEST_CASE("input that floods in while a command runs is bounded") {
  Scenario scenario;
  scenario.gsm.dialDelay = ModuleTime{60000};
  ModuleDriver module = quietDriver(scenario);
  module.at("AT#GPRSMODE=0");
  module.at("AT#DIALN1=\"0860000000\"");
  module.at("AT#CONNECTIONSTART");
  const std::string flood(1 << 20, 'x');
  CHECK(module.send(flood) == "");
  CHECK(module.settle(ModuleTime{59'000 + 3000}) == "\r\nCONNECT 9600\r\n\r\n127.0.0.3\r\n\r\nOk_Info_Ppp\r\n");
  // What was kept of the flood is a line over the limit, which its CR ends.
  CHECK(module.send("\r") == "\r\n#CME ERROR: 34881\r\n");
  CHECK(module.at("AT") == "\r\nOK\r\n");
}

}  // namespace
}  // namespace atsharp::reference::test
