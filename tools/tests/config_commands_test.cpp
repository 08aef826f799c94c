// atsharp config get, set, dump and apply against `atsharp emulate` on a pty: values checked
// before anything is sent, credentials masked, and a dump that applies back unchanged.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "atsharp/fixtures/daemons/temp_dir.hpp"
#include "bench_module.hpp"
#include "cli_run.hpp"

namespace atsharp::test {
namespace {

TEST_SUITE_BEGIN("bench-commands");

using nlohmann::json;

CliResult config(const BenchModule& module, std::vector<std::string> args,
                 const CliOptions& options = {}) {
  args.insert(args.begin(), "config");
  args.push_back("--target");
  args.push_back(module.target());
  return runAtsharp(args, options);
}

TEST_CASE("config set then get one parameter") {
  BenchModule module;
  const CliResult set = config(module, {"set", "pppmode", "2"});
  CHECK(set.out == "PPPMODE set to 2\n");
  CHECK(set.status == 0);
  CHECK(config(module, {"get", "PPPMODE"}).out == "2\n");
  CHECK(config(module, {"get", "PPPMODE", "--json"}).out ==
        R"({"parameter":"PPPMODE","value":"2"})"
        "\n");

  SUBCASE("a TCP parameter takes its socket") {
    CHECK(config(module, {"set", "TCPPORT", "2000", "--socket", "2"}).out ==
          "TCPPORT of socket 2 set to 2000\n");
    CHECK(config(module, {"get", "TCPPORT", "--socket", "2", "--json"}).out ==
          R"({"parameter":"TCPPORT","socket":2,"value":"2000"})"
          "\n");
    CHECK(config(module, {"get", "TCPPORT", "--socket", "1"}).out == "0\n");
    const CliResult noSocket = config(module, {"get", "TCPPORT"});
    CHECK(noSocket.err == "atsharp config get: TCPPORT holds one value per socket: give "
                          "--socket 1 or 2 (see atsharp config get --help)\n");
    CHECK(noSocket.status == 2);
  }
  SUBCASE("a list and a body as whole values") {
    CHECK(config(module, {"set", "REC2", "a@example.com, b@example.com"}).status == 0);
    CHECK(config(module, {"get", "REC2"}).out == "a@example.com,b@example.com\n");
    CHECK(config(module, {"set", "BODY3", "first line\nsecond line"}).status == 0);
    CHECK(config(module, {"get", "BODY3", "--json"}).out ==
          R"({"parameter":"BODY3","value":"first line\r\nsecond line"})"
          "\n");
  }
}

TEST_CASE("config set refuses an illegal value before sending anything") {
  BenchModule module;
  const CliResult result = config(module, {"set", "PPPMODE", "7"});
  CHECK(result.out == "");
  CHECK(result.err ==
        "atsharp config set: PPPMODE \"7\": must be 1, 2, 3, 4 or 9 (see atsharp config set "
        "--help)\n");
  CHECK(result.status == 2);
  CHECK(config(module, {"get", "PPPMODE"}).out == "1\n");

  const CliResult unknown = config(module, {"get", "NOPE", "--json"});
  CHECK(json::parse(unknown.out)["error"]["kind"] == "usage");
  CHECK(unknown.status == 2);
}

TEST_CASE("credentials are masked except for config get --reveal") {
  BenchModule module;
  const CliResult set = config(module, {"set", "FTPPW", "s3cret pass"});
  CHECK(set.out == "FTPPW set to ****\n");
  CHECK(config(module, {"get", "FTPPW"}).out == "****\n");
  CHECK(config(module, {"get", "ftppw", "--reveal"}).out == "s3cret pass\n");
  CHECK(runAtsharp({"at", "AT#FTPPW?", "--target", module.target()}).out == "#FTPPW: ****\nOK\n");
  const CliResult dump = config(module, {"dump"});
  CHECK(dump.out.find("FTPPW: \"****\"\n") != std::string::npos);
  CHECK(dump.out.find("s3cret") == std::string::npos);
  const CliResult refused = config(module, {"set", "FTPPW", std::string(70, 'x')});
  CHECK(refused.err.find("xxxx") == std::string::npos);
  CHECK(refused.status == 2);
}

TEST_CASE("config dump lists every parameter in AT#VALL order") {
  BenchModule module;
  const CliResult yaml = config(module, {"dump"});
  CHECK(yaml.status == 0);
  CHECK(yaml.out.starts_with("# atsharp config dump\n"
                             "# module: eDsoft-W302_V03.00 67826 Jan 14 2005 12:00:00\n"));
  CHECK(yaml.out.find("\nANSWERMODE: \"0\"\nCALLBACKTIMER: \"2\"\n") != std::string::npos);
  CHECK(yaml.out.find("\nTCPPORT:\n  1: \"0\"\n  2: \"0\"\n") != std::string::npos);
  CHECK(yaml.out.ends_with("PINGREMOTE: \"\"\n"));

  const json document = json::parse(config(module, {"dump", "--json"}).out);
  CHECK(document.size() == 67);  // a TCP parameter is one key, with a value per socket
  CHECK(document.begin().key() == "ANSWERMODE");
  CHECK(document["TCPTXDELAY"] == json{{"1", "100"}, {"2", "100"}});
  CHECK(document["ISPPW"] == "****");
}

TEST_CASE("config dump applies back unchanged and to another module") {
  fixtures::TempDir files;
  std::string dumped;
  {
    BenchModule first;
    for (const auto& [name, value] :
         std::vector<std::pair<std::string, std::string>>{{"PPPMODE", "2"},
                                                          {"APNSERV", "internet.example"},
                                                          {"REC1", "a@example.com,b@example.com"},
                                                          {"BODY1", "one\ntwo"},
                                                          {"SMTPPW", "smtp secret"}}) {
      REQUIRE(config(first, {"set", name, value}).status == 0);
    }
    REQUIRE(config(first, {"set", "TCPTXDELAY", "200", "--socket", "2"}).status == 0);
    const CliResult dump = config(first, {"dump"});
    REQUIRE(dump.status == 0);
    dumped = dump.out;
    fixtures::writeFile(files.path() / "profile.yaml", dumped);
    const CliResult again = config(first, {"apply", (files.path() / "profile.yaml").string()});
    CHECK(again.out == "nothing to change\n");
    CHECK(again.status == 0);
  }
  BenchModule second;
  const CliResult applied = config(second, {"apply", (files.path() / "profile.yaml").string()});
  CHECK(applied.out ==
        "PPPMODE: \"1\" -> \"2\"\n"
        "APNSERV: \"\" -> \"internet.example\"\n"
        "BODY1: \"\" -> \"one\r\ntwo\"\n"
        "REC1: \"\" -> \"a@example.com,b@example.com\"\n"
        "TCPTXDELAY of socket 2: \"100\" -> \"200\"\n");
  CHECK(applied.status == 0);
  // The credential was masked in the dump: it stays as it was.
  CHECK(config(second, {"get", "SMTPPW", "--reveal"}).out == "\n");
  CHECK(config(second, {"dump"}).out == dumped);

  SUBCASE("a JSON dump applies too") {
    fixtures::writeFile(files.path() / "profile.json", config(second, {"dump", "--json"}).out);
    const CliResult json = config(second, {"apply", "--json",
                                           (files.path() / "profile.json").string()});
    CHECK(json.out == R"({"changed":[],"unchanged":71,"dryRun":false})"
                      "\n");
  }
}

TEST_CASE("config apply checks every value before it sets any") {
  BenchModule module;
  fixtures::TempDir files;
  const auto profile = files.path() / "profile.yaml";
  fixtures::writeFile(profile,
                      "PPPMODE: 2\n"
                      "GPRSCID: 9\n"
                      "FTPPW: \"" + std::string(70, 'x') + "\"\n"
                      "TCPPORT: {1: 2000}\n");
  const CliResult result = config(module, {"apply", profile.string()});
  CHECK(result.out == "");
  CHECK(result.err == "atsharp config apply: " + profile.string() +
                          ": nothing was set:\n"
                          "  GPRSCID \"9\": must be an integer from 1 to 4\n"
                          "  FTPPW \"****\": must be ASCII text of at most 64 characters, "
                          "without '\"' (see atsharp config apply --help)\n");
  CHECK(result.status == 2);
  CHECK(config(module, {"get", "PPPMODE"}).out == "1\n");
  CHECK(config(module, {"get", "TCPPORT", "--socket", "1"}).out == "0\n");

  SUBCASE("a key that is no parameter") {
    fixtures::writeFile(profile, "PPPMODE: 2\nNOPE: 1\n");
    const CliResult unknown = config(module, {"apply", profile.string(), "--json"});
    CHECK(json::parse(unknown.out)["error"]["message"] ==
          profile.string() + ": NOPE: no such parameter");
    CHECK(unknown.status == 2);
  }
  SUBCASE("a TCP parameter without its socket") {
    fixtures::writeFile(profile, "TCPPORT: 2000\n");
    CHECK(config(module, {"apply", profile.string()}).status == 2);
  }
  SUBCASE("--dry-run reports and sets nothing") {
    fixtures::writeFile(profile, "PPPMODE: 2\nTCPPORT: {1: 2000}\n");
    const CliResult dry = config(module, {"apply", "--dry-run", "--json", profile.string()});
    CHECK(dry.out ==
          R"({"changed":[{"parameter":"PPPMODE","from":"1","to":"2"},)"
          R"({"parameter":"TCPPORT","socket":1,"from":"0","to":"2000"}],"unchanged":0,"dryRun":true})"
          "\n");
    CHECK(config(module, {"get", "PPPMODE"}).out == "1\n");
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::test
