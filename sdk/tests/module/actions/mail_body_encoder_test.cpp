// The PUTMAIL body as the SDK sends it (3.4, docs/spec-decisions.md #26): examples, then
// properties over random text cut at random: the same bytes whatever the chunking, the caller's
// text back once the module's unstuffing is applied, and no end sequence before the end.

#include <doctest/doctest.h>

#include "action_printing.hpp"
#include "actions/mail_body_encoder.hpp"
#include "random.hpp"

namespace atsharp::test {
namespace {

std::string encoded(std::string_view text) {
  detail::MailBodyEncoder encoder;
  Bytes out;
  encoder.encode(asBytes(text), out);
  encoder.finish(out);
  return asString(out);
}

// What the module makes of the body (reference: MailBodyReader): up to the line holding only a
// dot, a doubled leading dot undone.
std::optional<std::string> asModuleReadsIt(const std::string& body) {
  std::string text;
  std::size_t at = 0;
  while (at < body.size()) {
    const std::size_t end = body.find("\r\n", at);
    if (end == std::string::npos) return std::nullopt;  // every line ends with CR LF
    std::string_view line(body.data() + at, end - at);
    at = end + 2;
    if (line == ".") return at == body.size() ? std::optional(text) : std::nullopt;
    if (line.starts_with('.')) {
      if (!line.starts_with("..")) return std::nullopt;  // an unstuffed leading dot
      line.remove_prefix(1);
    }
    text += line;
    text += "\r\n";
  }
  return std::nullopt;  // no end
}

// The caller's text with every line end (CR LF, LF, CR) made CR LF and the last line ended.
std::string normalised(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      out += "\r\n";
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  if (!out.empty() && !out.ends_with("\r\n")) out += "\r\n";
  return out;
}

}  // namespace

TEST_CASE("body examples: line ends made CR LF - leading dots doubled - the end sequence") {
  CHECK(printable(encoded("")) == printable(".\r\n"));
  CHECK(printable(encoded("Hello")) == printable("Hello\r\n.\r\n"));
  CHECK(printable(encoded("Hello\r\n")) == printable("Hello\r\n.\r\n"));
  CHECK(printable(encoded("a\nb\rc\r\n\r\nd")) == printable("a\r\nb\r\nc\r\n\r\nd\r\n.\r\n"));
  CHECK(printable(encoded(".\n..x\n.y.\nz.")) == printable("..\r\n...x\r\n..y.\r\nz.\r\n.\r\n"));
  CHECK(printable(encoded("\r\r\n\n")) == printable("\r\n\r\n\r\n.\r\n"));
}

TEST_CASE("body property: any chunking gives the same bytes - the module reads the text back") {
  ATSHARP_SEED_INFO();
  auto gen = rng(91);
  const std::string alphabet = "..\r\n\nab .\x1a\x10";
  const Bytes letters = toBytes(alphabet);
  for (int round = 0; round < 500; ++round) {
    const Bytes text = randomBytesFrom(gen, std::uniform_int_distribution<std::size_t>(0, 200)(gen),
                                       letters);
    CAPTURE(printable(asString(text)));
    const std::string whole = encoded(asString(text));
    detail::MailBodyEncoder encoder;
    Bytes pieces;
    for (const ByteView chunk : randomChunks(gen, text, 9)) encoder.encode(chunk, pieces);
    encoder.finish(pieces);
    CHECK(printable(asString(pieces)) == printable(whole));
    const std::optional<std::string> read = asModuleReadsIt(whole);
    REQUIRE(read);
    CHECK(printable(*read) == printable(normalised(asString(text))));
  }
}

}  // namespace atsharp::test
