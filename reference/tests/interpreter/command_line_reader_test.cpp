// Assembling command lines from typed bytes: echo, backspace, the length limit, A/, and the
// multi-line entry that Ctrl-Z ends.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "interpreter/command_line_reader.hpp"

namespace atsharp::reference {
namespace {

struct Typed {
  std::vector<std::string> events;  // "line:AT", "overlong", "repeat:AT", "entry:...", ...
  std::string echo;
};

Typed type(CommandLineReader& reader, std::string_view bytes) {
  Typed typed;
  for (char c : bytes) {
    Bytes echo;
    const std::optional<ReaderEvent> event = reader.take(static_cast<Byte>(c), &echo);
    typed.echo += asString(echo);
    if (!event) continue;
    static constexpr const char* kNames[] = {"line:", "overlong", "repeat:", "entry:",
                                             "abandoned", "entry-overlong"};
    typed.events.push_back(kNames[static_cast<int>(event->kind)] + event->text);
  }
  return typed;
}

TEST_CASE("a line ends at CR and is echoed as typed") {
  CommandLineReader reader;
  const Typed typed = type(reader, "AT#VSTATE\r");
  CHECK(typed.events == std::vector<std::string>{"line:AT#VSTATE"});
  CHECK(typed.echo == "AT#VSTATE\r");
}

TEST_CASE("LF and other control bytes are not part of a line and are not echoed") {
  CommandLineReader reader;
  const Typed typed = type(reader, std::string("A\nT\0\x1a\x1b", 6) + "E0\r");
  CHECK(typed.events == std::vector<std::string>{"line:ATE0"});
  CHECK(typed.echo == "ATE0\r");
}

TEST_CASE("backspace and DEL erase the last character") {
  CommandLineReader reader;
  CHECK(type(reader, "ATX\bE1\r").events == std::vector<std::string>{"line:ATE1"});
  CHECK(type(reader, "ATX\x7f" "E1\r").events == std::vector<std::string>{"line:ATE1"});
  CHECK(type(reader, "\b\b\bAT\r").events == std::vector<std::string>{"line:AT"});
}

TEST_CASE("an empty line is no line") {
  CommandLineReader reader;
  CHECK(type(reader, "\r\r").events.empty());
}

TEST_CASE("a line over the limit is reported at its end and the next line is whole") {
  CommandLineReader reader;
  const std::string longLine = "AT#SUBJ1=" + std::string(CommandLineReader::kMaxLine, 'x');
  CHECK(type(reader, longLine + "\r").events == std::vector<std::string>{"overlong"});
  CHECK(type(reader, "AT\r").events == std::vector<std::string>{"line:AT"});
  const std::string exact(CommandLineReader::kMaxLine, 'A');
  CHECK(type(reader, exact + "\r").events == std::vector<std::string>{"line:" + exact});
}

TEST_CASE("A/ repeats the last line at once") {
  CommandLineReader reader;
  type(reader, "AT#VSTATE\r");
  CHECK(type(reader, "A/").events == std::vector<std::string>{"repeat:AT#VSTATE"});
  CHECK(type(reader, "a/").events == std::vector<std::string>{"repeat:AT#VSTATE"});
}

TEST_CASE("an entry keeps line breaks and ends at Ctrl-Z - ESC abandons it") {
  CommandLineReader reader;
  reader.beginEntry();
  const Typed typed = type(reader, "Hello\r\nWorld\x1a");
  CHECK(typed.events == std::vector<std::string>{"entry:Hello\r\nWorld"});
  CHECK(typed.echo == "Hello\r\nWorld");
  CHECK_FALSE(reader.inEntry());
  reader.beginEntry();
  CHECK(type(reader, "typo\x1b").events == std::vector<std::string>{"abandoned"});
  reader.beginEntry();
  CHECK(type(reader, "ab\bc\x1a").events == std::vector<std::string>{"entry:ac"});
}

TEST_CASE("an overlong entry is reported at Ctrl-Z with bounded memory") {
  CommandLineReader reader;
  reader.beginEntry();
  CHECK(type(reader, std::string(CommandLineReader::kMaxEntry * 3, 'x') + "\x1a").events ==
        std::vector<std::string>{"entry-overlong"});
  CHECK(type(reader, "AT\r").events == std::vector<std::string>{"line:AT"});
}

}  // namespace
}  // namespace atsharp::reference
