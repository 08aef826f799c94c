// Reading AT#PING's lines (7.2.2): the forms the reference module writes, the spacings of the
// spec's own example, lines of other forms, and random input, which never crashes and never
// passes for a report it is not.

#include <doctest/doctest.h>

#include "action_printing.hpp"
#include "actions/ping_report.hpp"
#include "random.hpp"

namespace atsharp::test {
namespace {

using detail::parsePingReport;

std::optional<PingReport> alive(std::string host, int milliseconds) {
  return PingReport{std::move(host), milliseconds};
}

std::optional<PingReport> lost(std::string host) {
  return PingReport{std::move(host), std::nullopt};
}

}  // namespace

TEST_CASE("ping lines as the reference module writes them") {
  CHECK(parsePingReport("\"127.0.0.1\" is alive : time =  12 ms") == alive("127.0.0.1", 12));
  CHECK(parsePingReport("\"127.0.0.1\" is alive : time =  0 ms") == alive("127.0.0.1", 0));
  CHECK(parsePingReport("No answer from \"127.0.0.1\"") == lost("127.0.0.1"));
  CHECK(parsePingReport("\"wavecom.com\" is alive : time =  900 ms") == alive("wavecom.com", 900));
}

TEST_CASE("ping lines as the spec's example spaces them (7.2.2)") {
  CHECK(parsePingReport("\" wavecom.com \" is alive : time =  1000 ms") ==
        alive("wavecom.com", 1000));
  CHECK(parsePingReport("No answer from \" wavecom.com \"") == lost("wavecom.com"));
  CHECK(parsePingReport("\"wavecom.com\"is alive:time=800ms") == alive("wavecom.com", 800));
}

TEST_CASE("lines of other forms are no reports") {
  for (const char* line :
       {"", "OK", "\"\" is alive : time = 1 ms", "\"a\" is alive : time = ms",
        "\"a\" is alive : time = -1 ms", "\"a\" is alive : time = 1", "\"a\" is dead",
        "\"a\" is alive : time = 99999999999 ms", "No answer from", "No answer from \"a\" x",
        "Answer from \"a\"", "\"a is alive : time = 1 ms", "x \"a\" is alive : time = 1 ms",
        "#PINGNUM: 4"}) {
    CAPTURE(line);
    CHECK_FALSE(parsePingReport(line));
  }
}

TEST_CASE("ping property: reports written with random spacing read back - random bytes are safe") {
  ATSHARP_SEED_INFO();
  auto gen = rng(92);
  const Bytes hostLetters = toBytes("abcxyz0123456789.-");
  const auto spaces = [&] {
    return std::string(std::uniform_int_distribution<std::size_t>(0, 3)(gen), ' ');
  };
  for (int round = 0; round < 300; ++round) {
    const std::string host = asString(randomBytesFrom(gen, 1 + round % 40, hostLetters));
    const int time = std::uniform_int_distribution<int>(0, 100000)(gen);
    const std::string aliveLine = spaces() + "\"" + spaces() + host + spaces() + "\"" + spaces() +
                                  "is alive" + spaces() + ":" + spaces() + "time" + spaces() +
                                  "=" + spaces() + std::to_string(time) + spaces() + "ms";
    CAPTURE(aliveLine);
    CHECK(parsePingReport(aliveLine) == alive(host, time));
    const std::string lostLine = "No answer from" + spaces() + "\"" + spaces() + host + "\"";
    CHECK(parsePingReport(lostLine) == lost(host));
  }
  Bytes noise = toBytes("\" isalve:tm=0123456789msNo answer from");
  noise.push_back(0x00);
  noise.push_back(0xFF);
  for (int round = 0; round < 2000; ++round) {
    const Bytes line =
        randomBytesFrom(gen, std::uniform_int_distribution<std::size_t>(0, 60)(gen), noise);
    const std::optional<PingReport> report = parsePingReport(asString(line));
    if (report) {
      CAPTURE(printable(asString(line)));
      CHECK_FALSE(report->host.empty());
      CHECK((!report->milliseconds || *report->milliseconds >= 0));
    }
  }
}

}  // namespace atsharp::test
