// atsharp at, state, version and shell against `atsharp emulate` on a pty, and what every
// bench command shares: the target (--target, ATSHARP_TARGET), exit statuses and --json.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "bench_module.hpp"
#include "cli_run.hpp"

namespace atsharp::test {
namespace {

TEST_SUITE_BEGIN("bench-commands");

using nlohmann::json;

TEST_CASE("atsharp at prints the answer and exits 0") {
  BenchModule module;
  const CliResult result = runAtsharp({"at", "AT#VSTATE", "--target", module.target()});
  CHECK(result.out == "#STATE: \"IDLE\"\nOK\n");
  CHECK(result.err == "");
  CHECK(result.status == 0);

  const CliResult asJson = runAtsharp({"at", "--json", "AT#VSTATE", "--target", module.target()});
  CHECK(asJson.out == R"({"command":"AT#VSTATE","lines":["#STATE: \"IDLE\""],"result":"OK"})"
                      "\n");
  CHECK(asJson.status == 0);
}

TEST_CASE("atsharp at exits 1 with the module's error code") {
  BenchModule module;
  const CliResult result = runAtsharp({"at", "AT#NOSUCHCOMMAND", "--target", module.target()});
  CHECK(result.out == "#CME ERROR: 34817\n");
  CHECK(result.status == 1);

  const CliResult asJson =
      runAtsharp({"at", "AT#NOSUCHCOMMAND", "--json", "--target", module.target()});
  CHECK(asJson.out == R"({"command":"AT#NOSUCHCOMMAND","lines":[],"result":"#CME ERROR: 34817",)"
                      R"("code":34817})"
                      "\n");
  CHECK(asJson.status == 1);
}

TEST_CASE("atsharp state and version") {
  BenchModule module;
  CHECK(runAtsharp({"state", "--target", module.target()}).out == "IDLE\n");
  CHECK(runAtsharp({"state", "--json", "--target", module.target()}).out ==
        "{\"state\":\"IDLE\"}\n");
  const CliResult version = runAtsharp({"version", "--target", module.target()});
  CHECK(version.out == "eDsoft-W302_V03.00 67826 Jan 14 2005 12:00:00\n");
  CHECK(version.status == 0);
  CHECK(runAtsharp({"version", "--json", "--target", module.target()}).out ==
        R"({"fileName":"eDsoft-W302_V03.00","fileSize":67826,"generated":"Jan 14 2005 12:00:00",)"
        R"("text":"eDsoft-W302_V03.00 67826 Jan 14 2005 12:00:00"})"
        "\n");
}

TEST_CASE("ATSHARP_TARGET names the module when --target is not given") {
  BenchModule module;
  const CliResult result = runAtsharp({"state"}, {.target = module.target()});
  CHECK(result.out == "IDLE\n");
  CHECK(result.status == 0);
}

TEST_CASE("without a target the command says how to name one and exits 2") {
  const CliResult result = runAtsharp({"state"});
  CHECK(result.out == "");
  CHECK(result.err ==
        "atsharp state: no module to talk to: give --target URL (serial:PATH?baud=N, "
        "tcp:HOST:PORT or ref) or set ATSHARP_TARGET (see atsharp state --help)\n");
  CHECK(result.status == 2);
}

TEST_CASE("usage and transport errors exit 2 with a JSON error document") {
  SUBCASE("an unknown option") {
    const CliResult result = runAtsharp({"state", "--bogus", "--target", "ref"});
    CHECK(result.err ==
          "atsharp state: unrecognised option '--bogus' (see atsharp state --help)\n");
    CHECK(result.status == 2);
  }
  SUBCASE("a malformed target URL") {
    const CliResult result = runAtsharp({"state", "--json", "--target", "udp:1.2.3.4:5"});
    CHECK(json::parse(result.out)["error"]["kind"] == "usage");
    CHECK(result.err.starts_with("atsharp state: target URL \"udp:1.2.3.4:5\": unknown scheme"));
    CHECK(result.status == 2);
  }
  SUBCASE("a serial port that does not exist") {
    fixtures::TempDir dir;
    const std::string missing = (dir.path() / "no-modem").string();
    const CliResult result = runAtsharp({"version", "--json", "--target", "serial:" + missing});
    const json document = json::parse(result.out);
    CHECK(document["error"]["kind"] == "transport");
    CHECK(document["error"]["message"].get<std::string>().find(missing) != std::string::npos);
    CHECK(result.status == 2);
  }
  SUBCASE("an unknown command family action") {
    const CliResult result = runAtsharp({"config", "frobnicate"});
    CHECK(result.err.starts_with("atsharp config: unknown action \"frobnicate\"\n"));
    CHECK(result.status == 2);
  }
}

TEST_CASE("ref is a reference module for the command's duration only") {
  const CliResult set = runAtsharp({"config", "set", "PPPMODE", "2", "--target", "ref"});
  CHECK(set.out == "PPPMODE set to 2\n");
  CHECK(set.status == 0);
  // A new command, a new module: the default again.
  CHECK(runAtsharp({"config", "get", "PPPMODE", "--target", "ref"}).out == "1\n");
}

TEST_CASE("atsharp shell runs the lines of stdin and masks credentials") {
  BenchModule module;
  const CliResult result = runAtsharp(
      {"shell", "--target", module.target()},
      {.input = "AT\r\nAT#FTPPW=\"s3cret\"\nAT#FTPPW?\nAT#BODY1\n\nAT#NOPE\nexit\nAT\n"});
  CHECK(result.out ==
        "OK\n"
        "OK\n"
        "#FTPPW: ****\nOK\n"
        "atsharp shell: the body entry needs Ctrl-Z: use AT#BODY1=\"text\", or atsharp config "
        "set BODY1 TEXT\n"
        "#CME ERROR: 34817\n");
  CHECK(result.out.find("s3cret") == std::string::npos);
  CHECK(result.status == 0);
}

TEST_CASE("atsharp shell shows unsolicited reports as they come") {
  BenchModule module;
  // Rings every 300 ms of real time until hung up, while the shell waits on its input.
  CHECK(module.control(R"({"event":"ring","caller":"0612345678"})") == R"({"ok":true})");
  const CliResult result = runAtsharp({"shell", "--target", module.target()},
                                      {.keepInputOpen = std::chrono::milliseconds(2000)});
  CHECK(module.control(R"({"event":"hangup"})") == R"({"ok":true})");
  CHECK(result.out.starts_with("RING\n"));
  CHECK(result.status == 0);
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::test
