// AT#PING (7.2) through Module::ping against the reference module, whose echo requests are real
// ICMP on the loopback: 127.0.0.1 answers; inside a network namespace whose loopback ignores
// echo requests, nothing does, and in one without ICMP permission no socket opens (root only:
// skipped otherwise).

#include <doctest/doctest.h>

#include "action_printing.hpp"
#include "atsharp/fixtures/isolated_network.hpp"
#include "module_error_of.hpp"
#include "module_rig.hpp"

namespace atsharp::test {
namespace {

const bool kNoNamespace = !fixtures::IsolatedNetwork::available();

void pingLoopback(Module& module, int requests) {
  module.command("AT#PINGREMOTE=\"127.0.0.1\"");
  module.command("AT#PINGNUM=" + std::to_string(requests));
  module.command("AT#PINGDELAY=1");
}

}  // namespace

TEST_CASE("ping of 127.0.0.1: PINGNUM alive reports - each handed on as it came") {
  // PINGDELAY (1 s of module time) becomes 200 ms: ample for a loopback echo on a loaded
  // machine, which the request waits for no longer than that.
  RigOptions options;
  options.timeScale = 0.2;
  ModuleRig rig(options);
  rig.connectGprs();
  pingLoopback(rig.module(), 3);
  std::vector<PingReport> handed;
  const std::vector<PingReport> reports =
      rig.module().ping([&](const PingReport& report) { handed.push_back(report); });
  REQUIRE(reports.size() == 3);
  for (const PingReport& report : reports) {
    CAPTURE(report);
    CHECK(report.host == "127.0.0.1");
    CHECK(report.alive());
    CHECK(report.milliseconds >= 0);
  }
  CHECK(handed == reports);
  CHECK(rig.module().command("AT").final.succeeded());
}

TEST_CASE("ping where no echo is answered: a no-answer report for each request" *
          doctest::skip(kNoNamespace)) {
  const fixtures::IsolatedNetwork network(fixtures::IsolatedNetworkKind::Silent);  // first:
  // the rig's threads start inside it
  RigOptions options;
  options.timeScale = 0.05;  // each request waits PINGDELAY (1 s of module time) in vain
  ModuleRig rig(options);
  rig.connectGprs();
  pingLoopback(rig.module(), 2);
  const PingReport lost{"127.0.0.1", std::nullopt};
  CHECK(rig.module().ping() == std::vector<PingReport>{lost, lost});
  CHECK(rig.module().command("AT").final.succeeded());
}

TEST_CASE("ping where no ICMP socket may be opened: ModuleError 36872 - no report" *
          doctest::skip(kNoNamespace)) {
  const fixtures::IsolatedNetwork network(fixtures::IsolatedNetworkKind::NoIcmp);  // first
  ModuleRig rig;
  rig.connectGprs();
  pingLoopback(rig.module(), 1);
  int handed = 0;
  const auto error =
      moduleErrorOf([&] { rig.module().ping([&](const PingReport&) { ++handed; }); });
  REQUIRE(error);
  CHECK(error->code() == 36872);
  CHECK(error->command() == "AT#PING");
  CHECK(handed == 0);
  CHECK(rig.module().command("AT").final.succeeded());
}

TEST_CASE("ping without the IP link: ModuleError 35867 - no report") {
  ModuleRig rig;
  pingLoopback(rig.module(), 1);
  int handed = 0;
  const auto error =
      moduleErrorOf([&] { rig.module().ping([&](const PingReport&) { ++handed; }); });
  REQUIRE(error);
  CHECK(error->code() == 35867);
  CHECK(error->command() == "AT#PING");
  CHECK(handed == 0);
}

}  // namespace atsharp::test
