#pragma once
// Events as short text, so that tests compare whole event sequences exactly and a failure shows
// what arrived. Adjacent DataBytes are merged: their split depends on chunking, their bytes not.

#include <string>
#include <vector>

#include "atsharp/protocol/response_parser.hpp"

namespace atsharp::test {

/// One event as text: "result OK", "cme #38027", "data 41 10 03", "mail-end", ...
std::string eventText(const Event& event);

/// Feeds @p chunks to @p parser and returns the events as text, data merged.
std::vector<std::string> parse(ResponseParser& parser, const std::vector<ByteView>& chunks);

/// Feeds @p bytes in one chunk to a parser with @p options.
std::vector<std::string> parse(std::string_view bytes, ResponseParser::Options options = {});

/// Collects events as text from a parser's sink, merging adjacent data.
class EventLog {
 public:
  ResponseParser::Sink sink();
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::vector<std::string> lines_;
};

}  // namespace atsharp::test

