// Property tests: whatever lines a module sends, reading them as a display either gives the
// struct or throws ProtocolError, never another exception, a crash or a hang. The answers are
// the reference module's own, shuffled (which must not matter: AT#VUDP and AT#VALL order UDP
// differently), mutated a character, a line at a time, or replaced by random bytes.

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "module_rig.hpp"
#include "random.hpp"
#include "sample_values.hpp"

namespace atsharp::test {
namespace {

using catalogue::Display;
using Lines = std::vector<std::string>;

// Every reader of a display answer, each with the command whose answer it reads.
struct Reader {
  std::string command;
  std::function<void(const Lines&)> read;
};

std::vector<Reader> readers() {
  return {
      {"AT#VPHY", [](const Lines& l) { parseDisplay<Display::Vphy>(l); }},
      {"AT#VPPP", [](const Lines& l) { parseDisplay<Display::Vppp>(l); }},
      {"AT#VGPRS", [](const Lines& l) { parseDisplay<Display::Vgprs>(l); }},
      {"AT#VDNS", [](const Lines& l) { parseDisplay<Display::Vdns>(l); }},
      {"AT#VFTP", [](const Lines& l) { parseDisplay<Display::Vftp>(l); }},
      {"AT#VPOP3", [](const Lines& l) { parseDisplay<Display::Vpop3>(l); }},
      {"AT#VSMTP", [](const Lines& l) { parseDisplay<Display::Vsmtp>(l); }},
      {"AT#VUDP", [](const Lines& l) { parseDisplay<Display::Vudp>(l); }},
      {"AT#VPING", [](const Lines& l) { parseDisplay<Display::Vping>(l); }},
      {"AT#VMAIL2", [](const Lines& l) { parseMailDisplay(l, MailCombination(2)); }},
      {"AT#VTCP=2", [](const Lines& l) { parseTcpDisplay(l, SocketId(2)); }},
      {"AT#VALL", [](const Lines& l) { parseAllDisplay(l); }},
      {"AT#VSTATE", [](const Lines& l) { parseModuleState(l); }},
      {"AT#VVERSION", [](const Lines& l) { parseVersionDisplay(l); }},
  };
}

// The reference module's answers to every display command, with every parameter set.
std::vector<std::pair<Reader, Lines>> realAnswers() {
  ModuleRig rig;
  for (const auto& [parameter, id] : everyValue()) {
    rig.module().setText(parameter, sampleFor(parameter, id), id);
  }
  std::vector<std::pair<Reader, Lines>> answers;
  for (const Reader& reader : readers()) {
    answers.emplace_back(reader, rig.module().command(reader.command).lines);
  }
  return answers;
}

// True when reading @p lines gives a struct or ProtocolError; false for any other exception.
bool readsOrRefuses(const Reader& reader, const Lines& lines) {
  try {
    reader.read(lines);
  } catch (const ProtocolError&) {
  } catch (...) {
    return false;
  }
  return true;
}

std::string randomLine(std::mt19937_64& gen) {
  // Mostly the characters a display line is made of, some of any value.
  static const std::string alphabet = "#:= ,\"\\n0123456789.@ABCDEFGIKLMNOPRSTUVWXYabcdefilmnoprstuvxy";
  std::uniform_int_distribution<std::size_t> length(0, 40);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> anyByte(0, 255);
  std::bernoulli_distribution wild(0.05);
  std::string line = std::bernoulli_distribution(0.5)(gen) ? "#" : "";
  for (std::size_t i = length(gen); i > 0; --i) {
    line += wild(gen) ? static_cast<char>(anyByte(gen)) : alphabet[pick(gen)];
  }
  return line;
}

Lines mutated(Lines lines, std::mt19937_64& gen) {
  std::uniform_int_distribution<int> how(0, 4);
  std::uniform_int_distribution<int> anyByte(0, 255);
  const auto anyIndex = [&](std::size_t size) {
    return std::uniform_int_distribution<std::size_t>(0, size == 0 ? 0 : size - 1)(gen);
  };
  switch (how(gen)) {
    case 0:  // a character changed
      if (!lines.empty()) {
        std::string& line = lines[anyIndex(lines.size())];
        if (!line.empty()) line[anyIndex(line.size())] = static_cast<char>(anyByte(gen));
      }
      break;
    case 1:  // a line lost
      if (!lines.empty()) lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(anyIndex(lines.size())));
      break;
    case 2:  // a line twice
      if (!lines.empty()) lines.push_back(lines[anyIndex(lines.size())]);
      break;
    case 3:  // a line cut short
      if (!lines.empty()) {
        std::string& line = lines[anyIndex(lines.size())];
        line.resize(anyIndex(line.size() + 1));
      }
      break;
    default:  // a random line somewhere
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(anyIndex(lines.size() + 1)),
                   randomLine(gen));
  }
  return lines;
}

}  // namespace

TEST_CASE("the reference module's answers read in any order of their lines") {
  ATSHARP_SEED_INFO();
  auto gen = rng(501);
  for (const auto& [reader, answer] : realAnswers()) {
    CAPTURE(reader.command);
    reader.read(answer);
    for (int round = 0; round < 20; ++round) {
      Lines shuffled = answer;
      // AT#VALL's first line is the software's name: it stays first.
      const bool keepFirst = reader.command == "AT#VALL";
      std::shuffle(shuffled.begin() + (keepFirst ? 1 : 0), shuffled.end(), gen);
      CHECK_NOTHROW(reader.read(shuffled));
    }
  }
}

TEST_CASE("mutated answers give a struct or ProtocolError - never anything else") {
  ATSHARP_SEED_INFO();
  auto gen = rng(502);
  for (const auto& [reader, answer] : realAnswers()) {
    CAPTURE(reader.command);
    for (int round = 0; round < 400; ++round) {
      Lines lines = answer;
      for (int mutations = std::uniform_int_distribution<int>(1, 3)(gen); mutations > 0; --mutations) {
        lines = mutated(std::move(lines), gen);
      }
      CHECK(readsOrRefuses(reader, lines));
    }
  }
}

TEST_CASE("random lines give a struct or ProtocolError - never a crash") {
  ATSHARP_SEED_INFO();
  auto gen = rng(503);
  const std::vector<Reader> all = readers();
  const auto ipReader = Reader{"AT#DISPLAYIP", [](const Lines& l) { parseIpDisplay(l); }};
  for (int round = 0; round < 500; ++round) {
    Lines lines(std::uniform_int_distribution<std::size_t>(0, 6)(gen));
    std::ranges::generate(lines, [&] { return randomLine(gen); });
    for (const Reader& reader : all) CHECK(readsOrRefuses(reader, lines));
    CHECK(readsOrRefuses(ipReader, lines));
  }
}

}  // namespace atsharp::test
