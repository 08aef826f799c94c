// The parts of a report: credential masking, the diff of lines, and the selection of cases.

#include <doctest/doctest.h>

#include <algorithm>

#include "atsharp/error.hpp"
#include "report/credential_mask.hpp"
#include "report/json_report.hpp"
#include "report/run_result.hpp"
#include "run/case_instance.hpp"
#include "steps/line_diff.hpp"

namespace atsharp::harness {
namespace {

TEST_SUITE_BEGIN("harness");

TEST_CASE("a command that sets a credential is masked") {
  const CredentialMask mask;
  CHECK(mask.mask("AT#FTPPW=\"s3cret\"\r") == "AT#FTPPW=****\r");
  CHECK(mask.mask("at#apnpw=x\r") == "at#apnpw=****\r");
  CHECK(mask.mask("AT#FTPUN=\"me\"\r") == "AT#FTPUN=\"me\"\r");
}

TEST_CASE("a line that shows a credential is masked") {
  const CredentialMask mask;
  CHECK(mask.mask("\r\n#FTPPW: \"s3cret\"\r\n") == "\r\n#FTPPW: ****\r\n");
  CHECK(mask.mask("#SMTPPW = x\r\n#SMTPUN: \"me\"\r\n") == "#SMTPPW = ****\r\n#SMTPUN: \"me\"\r\n");
  CHECK(mask.mask("#STATE: \"IDLE\"") == "#STATE: \"IDLE\"");
}

TEST_CASE("a credential's value is masked wherever it turns up") {
  CredentialMask mask;
  mask.learnFromCommand("AT#POP3PW=\"hunter22\"\r");
  CHECK(mask.mask("the server said hunter22 is wrong") == "the server said **** is wrong");
  mask.addSecret("ab");  // too short to mask everywhere
  CHECK(mask.mask("abc") == "abc");
  bool changed = true;
  mask.mask("nothing here", &changed);
  CHECK_FALSE(changed);
  mask.mask("hunter22", &changed);
  CHECK(changed);
}

TEST_CASE("every command of a line teaches the mask its credential") {
  CredentialMask mask;
  mask.learnFromCommand("AT#FTPUN=\"me\";#FTPPW=\"mypassword\";#FTPPORT=21\r");
  CHECK(mask.mask("AT#FTPUN=\"me\";#FTPPW=\"mypassword\"\r") == "AT#FTPUN=\"me\";#FTPPW=****\r");
  CHECK(mask.mask("the server refused mypassword") == "the server refused ****");
}

TEST_CASE("a case id holding a credential from its params is masked in the JSON report") {
  RunResult result;
  CaseResult one;
  one.id = "params/set[name=FTPPW,value=hunter22]";
  one.params = Vars{{"name", "FTPPW"}, {"value", "hunter22"}};
  TranscriptEntry sent;
  sent.direction = Direction::Tx;
  sent.kind = EntryKind::Command;
  sent.bytes = toBytes("AT#FTPPW=\"hunter22\"\r");
  one.transcript.push_back(sent);
  result.cases.push_back(one);
  const std::string json = reportJson(result).dump();
  CHECK(json.find("hunter22") == std::string::npos);
  CHECK(reportJson(result)["cases"][0]["id"] == "params/set[name=FTPPW,value=****]");
}

TEST_CASE("the diff of expected against received lines") {
  const std::vector<ExpectedItem> expected{{"\r\nA\r\n", true}, {"\r\nOK\r\n", true}};
  const auto diff = diffLines(expected, {"\r\nA\r\n", "\r\nEXTRA\r\n", "\r\nOK\r\n"});
  REQUIRE(diff.size() == 3);
  CHECK(diff[0].op == ' ');
  CHECK(diff[1].op == '+');
  CHECK(diff[1].bytes == "\r\nEXTRA\r\n");
  CHECK(diff[2].op == ' ');
  const auto changed = diffLines({{"\r\nOK\r\n", true}}, {"\r\nOK\n"});
  REQUIRE(changed.size() == 2);
  CHECK(changed[0].op == '-');
  CHECK(changed[1].op == '+');
  // A pattern is never the same as a line.
  const auto pattern = diffLines({{"/O./", false}}, {"\r\nOK\r\n"});
  CHECK(pattern.size() == 2);
}

Suite suiteWith(const std::vector<std::string>& ids) {
  Suite suite;
  suite.name = "s";
  suite.tags = {"all"};
  for (const std::string& id : ids) {
    CaseSpec spec;
    spec.id = id;
    suite.cases.push_back(spec);
  }
  return suite;
}

TEST_CASE("cases with params run once per set named by their values") {
  Suite suite = suiteWith({"plain", "with"});
  suite.cases[1].params = {{{"value", "5"}}, {{"value", "14"}, {"x", "y"}}};
  suite.cases[1].tags = {"slow"};
  const std::vector<Suite> suites{suite};
  const auto cases = expandCases(suites);
  REQUIRE(cases.size() == 3);
  CHECK(cases[0].id == "s/plain");
  CHECK(cases[1].id == "s/with[value=5]");
  CHECK(cases[2].id == "s/with[value=14,x=y]");
  CHECK(cases[2].params.at("x") == "y");
  CHECK(cases[2].tags() == std::vector<std::string>{"all", "slow"});
}

TEST_CASE("a run's rows are the case's with the run's variables put in") {
  Suite suite = suiteWith({"plain", "each"});
  suite.vars = {{"aspect", "default"}};
  suite.cases[0].spec = {rowSpec("8.1.2/vversion", kSpecDocument)};
  suite.cases[1].spec = {rowSpec("param/{{name}}/{{aspect}}", kSpecDocument),
                         rowSpec("8.3.2/vall", kSpecDocument)};
  suite.cases[1].params = {{{"name", "PPPMODE"}}, {{"name", "DLEMODE"}, {"aspect", "set"}}};
  const std::vector<Suite> suites{suite};
  const auto cases = expandCases(suites);
  REQUIRE(cases.size() == 3);
  REQUIRE(cases[0].rows.size() == 1);
  CHECK(cases[0].rows[0].row == "8.1.2/vversion");
  CHECK(cases[0].rows[0].section == "8.1.2");
  REQUIRE(cases[1].rows.size() == 2);
  CHECK(cases[1].rows[0].row == "param/PPPMODE/default");
  CHECK(cases[1].rows[1].row == "8.3.2/vall");
  CHECK(cases[2].rows[0].row == "param/DLEMODE/set");  // a param wins over the suite's vars
}

TEST_CASE("filters by tag and id including and excluding") {
  Suite suite = suiteWith({"a-one", "a-two", "b-one"});
  suite.cases[2].tags = {"slow"};
  const std::vector<Suite> suites{suite};
  const auto cases = expandCases(suites);
  const auto selected = [&](std::vector<std::string> texts) {
    std::vector<CaseFilter> filters;
    for (const auto& text : texts) filters.push_back(parseFilter(text));
    std::vector<std::string> ids;
    for (const auto& one : cases) {
      if (isSelected(one, filters)) ids.push_back(one.spec->id);
    }
    return ids;
  };
  CHECK(selected({}) == std::vector<std::string>{"a-one", "a-two", "b-one"});
  CHECK(selected({"tag:slow"}) == std::vector<std::string>{"b-one"});
  CHECK(selected({"id:a-*"}) == std::vector<std::string>{"a-one", "a-two"});
  CHECK(selected({"id:s/b-*"}) == std::vector<std::string>{"b-one"});
  CHECK(selected({"!tag:slow"}) == std::vector<std::string>{"a-one", "a-two"});
  CHECK(selected({"a-*", "-a-two"}) == std::vector<std::string>{"a-one"});
  CHECK(selected({"slow"}) == std::vector<std::string>{"b-one"});
  CHECK_THROWS_AS(parseFilter("tag:"), UsageError);
}

TEST_CASE("shards split the cases with each in exactly one part") {
  const std::vector<Suite> suites{suiteWith({"a", "b", "c", "d", "e"})};
  const auto cases = expandCases(suites);
  std::vector<std::string> seen;
  for (int k = 1; k <= 3; ++k) {
    for (const auto& one : shardOf(cases, parseShard(std::to_string(k) + "/3"))) seen.push_back(one.spec->id);
  }
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(shardOf(cases, parseShard("1/3")).size() == 2);
  for (const char* bad : {"0/3", "4/3", "1/0", "x", "1/", "/2", "1/2/3"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parseShard(bad), UsageError);
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness
