// Fuzzing of what the harness reads: a suite or bench file's YAML, and the module's output cut
// into lines. Whatever the input, the YAML reader returns a document or throws DocumentError
// (anything else escaping is a finding); and the line lexer's tokens tile the input exactly,
// each text free of CR and LF and never longer than kMaxLineLength.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "document/yaml_document.hpp"
#include "session/line_lexer.hpp"

namespace {

using atsharp::ByteView;
using namespace atsharp::harness;

void require(bool condition) {
  if (!condition) std::abort();
}

bool isLineBreak(std::uint8_t byte) { return byte == '\r' || byte == '\n'; }

void checkToken(ByteView input, std::size_t from, const LineToken& token) {
  require(token.begin == from && token.begin <= token.textEnd && token.textEnd <= token.end);
  require(token.end <= input.size());
  require(token.textEnd - token.begin <= kMaxLineLength);
  for (std::size_t i = token.begin; i < token.textEnd; ++i) require(!isLineBreak(input[i]));
  for (std::size_t i = token.textEnd; i < token.end; ++i) require(isLineBreak(input[i]));
  require(token.overlong ? token.textEnd == token.end : token.end > token.textEnd);
}

// The input's first byte picks the rules; the rest is the module's output.
void lexAll(ByteView input) {
  if (input.empty()) return;
  LexRules rules;
  rules.numericResults = (input[0] & 1) != 0;
  rules.flush = (input[0] & 2) != 0;
  input = input.subspan(1);
  std::size_t from = 0;
  while (from < input.size()) {
    const LexResult result = lexLine(input, from, rules);
    if (result.status != LexStatus::Complete) return;
    checkToken(input, from, result.token);
    from = result.token.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lexAll(ByteView(data, size));
  try {
    parseYamlDocument(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  } catch (const DocumentError&) {
    // A clear, typed refusal: what malformed YAML must get.
  }
  return 0;
}
