// Cutting the module's output into lines with their exact endings, the framing rules, and the
// settings the harness follows from the commands it sends.

#include <doctest/doctest.h>

#include <random>

#include "random.hpp"
#include "session/framing.hpp"
#include "session/line_lexer.hpp"
#include "session/line_settings.hpp"

namespace atsharp::harness {
namespace {

TEST_SUITE_BEGIN("harness");

struct Cut {
  std::string text;
  std::string ending;
};

// Every complete token of @p data, lexed as the harness does.
std::vector<Cut> lexAll(const std::string& data, LexRules rules = {}) {
  std::vector<Cut> out;
  std::size_t at = 0;
  while (at < data.size()) {
    const LexResult lexed = lexLine(asBytes(data), at, rules);
    if (lexed.status != LexStatus::Complete) break;
    out.push_back({data.substr(lexed.token.begin, lexed.token.textEnd - lexed.token.begin),
                   data.substr(lexed.token.textEnd, lexed.token.end - lexed.token.textEnd)});
    at = lexed.token.end;
  }
  return out;
}

bool operator==(const Cut& a, const Cut& b) { return a.text == b.text && a.ending == b.ending; }

TEST_CASE("lines keep their exact endings") {
  CHECK(lexAll("\r\nOK\r\n") == std::vector<Cut>{{"", "\r\n"}, {"OK", "\r\n"}});
  CHECK(lexAll("OK\n") == std::vector<Cut>{{"OK", "\n"}});
  CHECK(lexAll("OK\r\r\nX\r\n") == std::vector<Cut>{{"OK", "\r\r\n"}, {"X", "\r\n"}});
  CHECK(lexAll("OK\rX\r\n") == std::vector<Cut>{{"OK", "\r"}, {"X", "\r\n"}});
  CHECK(lexAll("\r\n\r\nA\r\n") == std::vector<Cut>{{"", "\r\n"}, {"", "\r\n"}, {"A", "\r\n"}});
}

TEST_CASE("a line ended by CR waits for a possible LF until flushed") {
  CHECK(lexLine(asBytes("OK\r"), 0, {}).status == LexStatus::NeedMoreAfterCr);
  CHECK(lexLine(asBytes("OK"), 0, {}).status == LexStatus::NeedMore);
  const LexResult flushed = lexLine(asBytes("OK\r"), 0, {.flush = true});
  CHECK(flushed.status == LexStatus::Complete);
  CHECK(flushed.token.end == 3);
}

TEST_CASE("under ATV0 a numeric result code ends at its CR") {
  CHECK(lexAll("0\r4\r", {.numericResults = true}) == std::vector<Cut>{{"0", "\r"}, {"4", "\r"}});
  // Not a result code: it may still get an LF.
  CHECK(lexLine(asBytes("12345\r"), 0, {.numericResults = true}).status == LexStatus::NeedMoreAfterCr);
  CHECK(lexLine(asBytes("0\r"), 0, {}).status == LexStatus::NeedMoreAfterCr);
}

TEST_CASE("an overlong line is cut at the bound") {
  const std::string line(kMaxLineLength + 10, 'x');
  const LexResult lexed = lexLine(asBytes(line), 0, {});
  CHECK(lexed.status == LexStatus::Complete);
  CHECK(lexed.token.overlong);
  CHECK(lexed.token.end == kMaxLineLength);
}

TEST_CASE("lexing as bytes arrive gives the lines of lexing them at once") {
  ATSHARP_SEED_INFO();
  auto generator = test::rng(61);
  const std::vector<std::string> endings{"\r\n", "\n", "\r\r\n", "\r"};
  for (int round = 0; round < 200; ++round) {
    std::string data;
    const int lines = std::uniform_int_distribution<int>(1, 12)(generator);
    for (int i = 0; i < lines; ++i) {
      const int length = std::uniform_int_distribution<int>(0, 8)(generator);
      for (int k = 0; k < length; ++k) {
        data += static_cast<char>(std::uniform_int_distribution<int>('A', 'Z')(generator));
      }
      data += endings[std::uniform_int_distribution<std::size_t>(0, endings.size() - 1)(generator)];
    }
    data += "END\r\n";  // so that a trailing CR ending is resolved
    const std::vector<Cut> whole = lexAll(data);
    // Arrival in random chunks: lex what is there, keep what is not complete.
    std::vector<Cut> streamed;
    std::string arrived;
    std::size_t at = 0;
    for (const ByteView chunk : test::randomChunks(generator, asBytes(data), 7)) {
      arrived.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
      while (true) {
        const LexResult lexed = lexLine(asBytes(arrived), at, {});
        if (lexed.status != LexStatus::Complete) break;
        streamed.push_back({arrived.substr(lexed.token.begin, lexed.token.textEnd - lexed.token.begin),
                            arrived.substr(lexed.token.textEnd, lexed.token.end - lexed.token.textEnd)});
        at = lexed.token.end;
      }
    }
    CHECK(streamed == whole);
  }
}

TEST_CASE("arbitrary bytes never crash the lexer and every byte is read once") {
  ATSHARP_SEED_INFO();
  auto generator = test::rng(62);
  for (int round = 0; round < 200; ++round) {
    const Bytes data = test::randomBytes(generator, 300);
    std::size_t at = 0;
    while (at < data.size()) {
      const LexResult lexed = lexLine(data, at, {.flush = true});
      if (lexed.status != LexStatus::Complete) break;
      REQUIRE(lexed.token.end > at);
      at = lexed.token.end;
    }
    // What is left has no line ending: the start of a line still to come.
    for (std::size_t i = at; i < data.size(); ++i) CHECK((data[i] != '\r' && data[i] != '\n'));
  }
}

TEST_CASE("framing in verbose mode") {
  const FramingContext start{.verbose = true, .responseStart = true};
  const FramingContext middle{.verbose = true, .responseStart = false};
  CHECK_FALSE(framingProblem("OK", {{"\r\n"}, "\r\n"}, middle));
  CHECK(framingProblem("OK", {{"\r\n"}, "\n"}, middle) ==
        std::optional<std::string>("it ends with \"\\n\", not \"\\r\\n\""));
  CHECK(framingProblem("OK", {{}, "\r\n"}, middle) ==
        std::optional<std::string>(
            "no \"\\r\\n\" before it: a response and every result code start with CR LF"));
  CHECK(framingProblem("OK", {{"\r\n", "\r\n"}, "\r\n"}, middle) ==
        std::optional<std::string>("2 blank lines before it, where one belongs"));
  CHECK(framingProblem("OK", {{"\n"}, "\r\n"}, middle) ==
        std::optional<std::string>("a blank line before it ends with \"\\n\", not \"\\r\\n\""));
  CHECK(framingProblem("#CME ERROR: 34882", {{}, "\r\n"}, middle).has_value());
  // An information line: the first of a response has its CR LF before it; the others may.
  CHECK(framingProblem("#ANSWERMODE: 0", {{}, "\r\n"}, start).has_value());
  CHECK_FALSE(framingProblem("#ANSWERMODE: 0", {{"\r\n"}, "\r\n"}, start));
  CHECK_FALSE(framingProblem("#CALLBACKTIMER: 2", {{}, "\r\n"}, middle));
  CHECK_FALSE(framingProblem("#CALLBACKTIMER: 2", {{"\r\n"}, "\r\n"}, middle));
  // An unsolicited line is a response of its own.
  CHECK(framingProblem("+CGREG: 1", {{}, "\r\n"}, {.verbose = true, .unsolicited = true}).has_value());
  // In a mail, a blank line is content: none is taken as framing.
  CHECK(framingProblem("body", {{"\r\n"}, "\r\n"}, {.verbose = true, .mail = true}).has_value());
}

TEST_CASE("framing in numeric mode") {
  const FramingContext numeric{.verbose = false, .responseStart = true};
  CHECK_FALSE(framingProblem("0", {{}, "\r"}, numeric));
  CHECK(framingProblem("0", {{}, "\r\n"}, numeric).has_value());
  CHECK(framingProblem("0", {{"\r\n"}, "\r"}, numeric).has_value());
  CHECK_FALSE(framingProblem("#CME ERROR: 34817", {{}, "\r\n"}, numeric));
}

TEST_CASE("what a module would send for a line") {
  CHECK(framedText("OK", {.verbose = true}) == "\r\nOK\r\n");
  CHECK(framedText("#CALLBACKTIMER: 2", {.verbose = true}) == "#CALLBACKTIMER: 2\r\n");
  CHECK(framedText("#ANSWERMODE: 0", {.verbose = true, .responseStart = true}) == "\r\n#ANSWERMODE: 0\r\n");
  CHECK(framedText("0", {.verbose = false}) == "0\r");
}

TEST_CASE("result codes come from the catalogue") {
  for (const char* result : {"OK", "ERROR", "BUSY", "NO CARRIER", "Ok_Info_SocketClosed",
                             "#CME ERROR: 34882", "+CME ERROR: 600", "CONNECT 9600", "DIALING",
                             "#NO SERVICE", "PPP OK"}) {
    CAPTURE(result);
    CHECK(isResultCode(result, true));
  }
  CHECK_FALSE(isResultCode("#STATE: \"IDLE\"", true));
  CHECK_FALSE(isResultCode("OKAY", true));
  CHECK(isResultCode("0", false));
  CHECK(isResultCode("3077", false));
  CHECK_FALSE(isResultCode("99", false));
}

TEST_CASE("the settings follow the commands sent") {
  LineSettings settings;
  settings.afterCommand("ATE0");
  CHECK_FALSE(settings.echo);
  settings.afterCommand("at e1 v0");
  CHECK(settings.echo);
  CHECK_FALSE(settings.verbose);
  settings.afterCommand("AT+CFUN=1");
  CHECK_FALSE(settings.verbose);  // its own result still comes as ATV0 has it
  settings.resultCame();
  CHECK(settings.verbose);
  settings.resultCame();
  CHECK(settings.verbose);
  settings.afterCommand("ATE0;+CFUN=0");
  settings.resultCame();
  CHECK_FALSE(settings.echo);
  settings.afterCommand("AT&F");
  CHECK_FALSE(settings.echo);
  settings.resultCame();
  CHECK(settings.echo);
  settings.afterCommand("AT#DLEMODE=2,0");
  CHECK(settings.dleMode[1] == false);
  settings.afterCommand("AT#OTCP=2");
  CHECK(settings.dataCoding() == DataCoding::PassThrough);
  settings.afterCommand("AT#otcp=1");
  CHECK(settings.dataCoding() == DataCoding::Dle);
  settings.afterCommand("AT#LTCPSTART=\"2\"");
  CHECK(settings.dataCoding() == DataCoding::PassThrough);
  settings.afterCommand("AT#FTPGET");
  CHECK(settings.dataCoding() == DataCoding::Dle);
  settings.afterCommand("AT#DLEMODE= 2 , 1");
  CHECK(settings.dleMode[1]);
  settings.afterCommand("hello");  // not a command: nothing changes
  CHECK(settings.echo);
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness
