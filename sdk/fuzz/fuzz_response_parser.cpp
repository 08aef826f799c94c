// Fuzzing of the response parser: whatever the bytes, the options and the chunking (all chosen
// by the input), the parser must not crash, must keep its line buffer within its bound, and
// must give the same events in one chunk as in the chosen chunks.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "atsharp/protocol/response_parser.hpp"
#include "event_text.hpp"

namespace {

using atsharp::ByteView;
using atsharp::ResponseParser;

struct Setup {
  ResponseParser::Options options;
  atsharp::DataCoding coding;
  atsharp::AfterSwitch after;
  std::size_t chunk;
};

Setup setupFrom(std::uint8_t a, std::uint8_t b) {
  return {.options = {.maxLineLength = 1 + static_cast<std::size_t>(a % 128),
                      .format = static_cast<atsharp::ResultFormat>(b % 3)},
          .coding = (b & 4) ? atsharp::DataCoding::PassThrough : atsharp::DataCoding::Dle,
          .after = (b & 8) ? atsharp::AfterSwitch::Lines : atsharp::AfterSwitch::Data,
          .chunk = 1 + static_cast<std::size_t>(b >> 4)};
}

std::vector<std::string> run(const Setup& setup, ByteView input, std::size_t chunk) {
  ResponseParser parser(setup.options);
  parser.setDataCoding(setup.coding);
  parser.setAfterSwitch(setup.after);
  atsharp::test::EventLog log;
  const auto sink = log.sink();
  for (std::size_t offset = 0; offset < input.size(); offset += chunk) {
    parser.feed(input.subspan(offset, std::min(chunk, input.size() - offset)), sink);
    if (parser.bufferedLineLength() > setup.options.maxLineLength) std::abort();
  }
  return log.lines();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const Setup setup = setupFrom(data[0], data[1]);
  const ByteView input{data + 2, size - 2};
  if (run(setup, input, setup.chunk) != run(setup, input, input.size() + 1)) std::abort();
  return 0;
}
