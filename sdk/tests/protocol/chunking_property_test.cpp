// Property tests: a random transcript, built together with the events it must give, parses to
// exactly those events whatever the chunking; random garbage never crashes, stays bounded, and
// parses alike whatever the chunking.

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "atsharp/codec/dle_encoder.hpp"
#include "event_printing.hpp"
#include "event_text.hpp"
#include "random.hpp"

namespace atsharp::test {
namespace {

using Lines = std::vector<std::string>;

struct Transcript {
  std::string stream;
  Lines events;
};

std::string hexWords(ByteView bytes) {
  std::string text;
  for (Byte b : bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    text += ' ';
    text += kDigits[b >> 4];
    text += kDigits[b & 0xF];
  }
  return text;
}

class TranscriptBuilder {
 public:
  explicit TranscriptBuilder(std::mt19937_64& gen) : gen_(gen) {}

  Transcript build(int segments) {
    for (int i = 0; i < segments; ++i) addSegment();
    return std::move(transcript_);
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(gen_); }

  // Verbose lines are framed CR LF ... CR LF by the module; CR CR LF and LF-only variants too.
  // Before data or a mail the line must end with CR LF or LF: after CR CR LF the second CR
  // would already be content.
  void line(std::string_view text, std::string event, bool beforeContent = false) {
    static constexpr std::string_view kEnds[] = {"\r\n", "\n", "\r\r\n"};
    const std::string_view end = kEnds[pick(beforeContent ? 2 : 3)];
    transcript_.stream += end;
    transcript_.stream += text;
    transcript_.stream += end;
    transcript_.events.push_back(std::move(event));
  }

  void addSegment() {
    switch (pick(9)) {
      case 0:
        transcript_.stream += "AT#VSTATE\r";  // echo ends with the CR the host typed
        transcript_.events.push_back("echo AT#VSTATE");
        break;
      case 1: line("#STATE: \"IDLE\"", "info #STATE: \"IDLE\""); break;
      case 2: line("OK", "result OK"); break;
      case 3: line("#CME ERROR: 38027", "cme #38027"); break;
      case 4: line("RING", "urc ring RING"); break;
      case 5: line("+CREG: 1", "urc creg +CREG: 1"); break;
      case 6: line("CONNECT 9600", "progress connect CONNECT 9600"); break;
      case 7: dataSession(); break;
      default: mail(); break;
    }
  }

  void dataSession() {
    line("Ok_Info_WaitingForData", "result Ok_Info_WaitingForData", true);
    transcript_.events.push_back("data-start dle");
    const Bytes payload =
        randomBytes(gen_, std::uniform_int_distribution<std::size_t>(0, 600)(gen_));
    Bytes coded;
    DleEncoder::encode(payload, coded);
    DleEncoder::finish(coded);
    transcript_.stream.append(coded.begin(), coded.end());
    if (!payload.empty()) transcript_.events.push_back("data" + hexWords(payload));
    transcript_.events.push_back("data-end etx");
  }

  void mail() {
    line("Ok_Info_Mail", "result Ok_Info_Mail", true);
    const int lines = pick(6);
    for (int i = 0; i < lines; ++i) {
      std::string text;
      const int length = pick(40);
      for (int c = 0; c < length; ++c) text += static_cast<char>(0x20 + pick(0x5F));
      if (pick(4) == 0) text.insert(0, ".");
      transcript_.events.push_back("mail " + text);
      if (text.starts_with('.')) text.insert(0, ".");  // dot-stuffing on the wire
      transcript_.stream += text + "\r\n";
    }
    transcript_.stream += ".\r\n";
    transcript_.events.push_back("mail-end");
  }

  std::mt19937_64& gen_;
  Transcript transcript_;
};

TEST_CASE("random transcripts give exactly their events - in one chunk - byte by byte - at random") {
  ATSHARP_SEED_INFO();
  auto gen = rng(1);
  for (int round = 0; round < 300; ++round) {
    CAPTURE(round);
    const Transcript transcript = TranscriptBuilder(gen).build(1 + round % 25);
    const ByteView stream = asBytes(transcript.stream);
    ResponseParser whole;
    REQUIRE(parse(whole, {stream}) == transcript.events);
    ResponseParser bytewise;
    REQUIRE(parse(bytewise, fixedChunks(stream, 1)) == transcript.events);
    ResponseParser random;
    REQUIRE(parse(random, randomChunks(gen, stream, 1 + round % 97)) == transcript.events);
  }
}

// Bytes that steer the parser into its corners more often than uniform noise would.
Bytes nastyStream(std::mt19937_64& gen, std::size_t size) {
  static const std::string_view kTokens[] = {
      "\r", "\n", "\x10", "\x03", "Ok_Info_DataBegin\r\n", "Ok_Info_Mail\r\n", ".\r\n",
      "..", "OK\r\n", "#CME ERROR: ", "1028\r", "\r\r\n", "AT"};
  Bytes out;
  while (out.size() < size) {
    if (std::uniform_int_distribution<int>(0, 2)(gen) == 0) {
      const std::string_view token = kTokens[std::uniform_int_distribution<std::size_t>(
          0, std::size(kTokens) - 1)(gen)];
      out.insert(out.end(), token.begin(), token.end());
    } else {
      const Bytes noise = randomBytes(gen, 1 + gen() % 16);
      out.insert(out.end(), noise.begin(), noise.end());
    }
  }
  return out;
}

TEST_CASE("garbage never crashes - keeps memory bounded - and parses alike whatever the chunking") {
  ATSHARP_SEED_INFO();
  auto gen = rng(2);
  for (int round = 0; round < 200; ++round) {
    CAPTURE(round);
    const Bytes stream = nastyStream(gen, 1 + gen() % 4000);
    const ResponseParser::Options options{
        .maxLineLength = 1 + gen() % 64,
        .format = static_cast<ResultFormat>(round % 3)};
    ResponseParser whole(options);
    const Lines expected = parse(whole, {ByteView{stream}});
    ResponseParser bytewise(options);
    EventLog log;
    for (ByteView chunk : fixedChunks(stream, 1)) {
      bytewise.feed(chunk, log.sink());
      REQUIRE(bytewise.bufferedLineLength() <= options.maxLineLength);
    }
    REQUIRE(log.lines() == expected);
    ResponseParser random(options);
    REQUIRE(parse(random, randomChunks(gen, stream, 1 + gen() % 200)) == expected);
  }
}

}  // namespace
}  // namespace atsharp::test
