// Command-line syntax: basic and extended commands, the spec's mixed case and stray spaces,
// quoted and unquoted values, and what is a syntax error.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "interpreter/command_parser.hpp"

namespace atsharp::reference {
namespace {

using Form = ParsedCommand::Form;

std::vector<ParsedCommand> commands(std::string_view line) {
  const ParsedLine parsed = parseCommandLine(line);
  REQUIRE(std::holds_alternative<std::vector<ParsedCommand>>(parsed));
  return std::get<std::vector<ParsedCommand>>(parsed);
}

ParsedCommand only(std::string_view line) {
  const std::vector<ParsedCommand> parsed = commands(line);
  REQUIRE(parsed.size() == 1);
  return parsed[0];
}

SyntaxError syntaxError(std::string_view line) {
  const ParsedLine parsed = parseCommandLine(line);
  REQUIRE(std::holds_alternative<SyntaxError>(parsed));
  return std::get<SyntaxError>(parsed);
}

TEST_CASE("AT alone is a line without commands") { CHECK(commands("AT").empty()); }

TEST_CASE("extended commands in the spec's mixed case read as upper case (appendix A)") {
  CHECK(only("AT#ConnectionStart") == ParsedCommand{'#', "CONNECTIONSTART", Form::Action, {}});
  CHECK(only("at#otcp=1") == ParsedCommand{'#', "OTCP", Form::Set, {{"1", false}}});
  CHECK(only("AT#PPPmode?") == ParsedCommand{'#', "PPPMODE", Form::Read, {}});
  CHECK(only("AT+CREG=?") == ParsedCommand{'+', "CREG", Form::Test, {}});
}

TEST_CASE("spaces around names and signs are ignored as in the spec's syntax lines") {
  CHECK(only("AT#OTCP =1") == ParsedCommand{'#', "OTCP", Form::Set, {{"1", false}}});
  CHECK(only("AT# DIALN1=0860000000") ==
        ParsedCommand{'#', "DIALN1", Form::Set, {{"0860000000", false}}});
  CHECK(only("AT#DLEMODE= 1, 0") ==
        ParsedCommand{'#', "DLEMODE", Form::Set, {{"1", false}, {"0", false}}});
  CHECK(only("AT# CALLBACKTIMER ?") == ParsedCommand{'#', "CALLBACKTIMER", Form::Read, {}});
}

TEST_CASE("values quoted or not - an unquoted value keeps its inner spaces") {
  CHECK(only("AT#REC1=recipient@domain.com").args == std::vector<Argument>{{"recipient@domain.com", false}});
  CHECK(only("AT#SENDERNAME=\"Test module\"").args == std::vector<Argument>{{"Test module", true}});
  CHECK(only("AT#SENDERNAME= Test module ").args == std::vector<Argument>{{"Test module", false}});
  CHECK(only("AT#TCPPORT=1,\"23\"").args == std::vector<Argument>{{"1", false}, {"23", true}});
  CHECK(only("AT#SUBJ1=\"a, b; c\"").args == std::vector<Argument>{{"a, b; c", true}});
  CHECK(only("AT#DIALN1=").args == std::vector<Argument>{{"", false}});
  CHECK(only("AT#DIALN1=\"\"").args == std::vector<Argument>{{"", true}});
}

TEST_CASE("a quoted value right after the name is its value (A.6.1 AT#SENDERADDR\"...\")") {
  CHECK(only("AT#SENDERADDR\"module@domain.com\"") ==
        ParsedCommand{'#', "SENDERADDR", Form::Set, {{"module@domain.com", true}}});
}

TEST_CASE("basic commands chain and take their digits") {
  CHECK(commands("ATE0V1") == std::vector<ParsedCommand>{{0, "E", Form::Action, {{"0", false}}},
                                                         {0, "V", Form::Action, {{"1", false}}}});
  CHECK(commands("ATE") == std::vector<ParsedCommand>{{0, "E", Form::Action, {}}});
  CHECK(commands("ATS0=2") == std::vector<ParsedCommand>{{0, "S0", Form::Set, {{"2", false}}}});
  CHECK(commands("ats0?") == std::vector<ParsedCommand>{{0, "S0", Form::Read, {}}});
  CHECK(commands("AT&F") == std::vector<ParsedCommand>{{0, "&F", Form::Action, {}}});
}

TEST_CASE("commands separated by semicolons") {
  CHECK(commands("AT+CREG=1;+CGREG=1;#VSTATE") ==
        std::vector<ParsedCommand>{{'+', "CREG", Form::Set, {{"1", false}}},
                                   {'+', "CGREG", Form::Set, {{"1", false}}},
                                   {'#', "VSTATE", Form::Action, {}}});
}

TEST_CASE("text before AT is skipped and a line without AT is no command line") {
  CHECK(only("xyzAT#VSTATE") == ParsedCommand{'#', "VSTATE", Form::Action, {}});
  CHECK(std::holds_alternative<NotACommandLine>(parseCommandLine("hello")));
  CHECK(std::holds_alternative<NotACommandLine>(parseCommandLine("")));
  CHECK(std::holds_alternative<NotACommandLine>(parseCommandLine("A")));
}

TEST_CASE("syntax errors say in which kind of command they are") {
  CHECK(syntaxError("AT#").prefix == '#');
  CHECK(syntaxError("AT#PPPMODE=\"1").prefix == '#');
  CHECK(syntaxError("AT#PPPMODE?x").prefix == '#');
  CHECK(syntaxError("AT#SUBJ1=\"a\"b").prefix == '#');
  CHECK(syntaxError("AT#SUBJ1=a\"b\"").prefix == '#');
  CHECK(syntaxError("AT+").prefix == '+');
  CHECK(syntaxError("AT!").prefix == 0);
  CHECK(syntaxError("ATS=1").prefix == 0);
  CHECK(syntaxError("ATS0=").prefix == 0);
  CHECK(syntaxError("AT&").prefix == 0);
}

}  // namespace
}  // namespace atsharp::reference
