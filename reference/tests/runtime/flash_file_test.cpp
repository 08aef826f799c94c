// The flash file: parameters survive the emulator, a damaged file is reported and set aside,
// and a kill -9 at any moment of a write leaves the old image or the new one.

#include "runtime/flash_file.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <thread>

#include "atsharp/error.hpp"
#include "atsharp/reference/emulator.hpp"
#include "random.hpp"
#include "runtime_test_support.hpp"

namespace atsharp::test {
namespace {

using reference::decodeFlashFile;
using reference::Emulator;
using reference::EmulatorOptions;
using reference::FlashFile;
using reference::FlashImage;

EmulatorOptions withFlash(const std::filesystem::path& file) {
  EmulatorOptions options;
  options.flashFile = file;
  return options;
}

// What AT#PPPMODE? answers on a new emulator over @p file.
std::string pppModeAfterRestart(const std::filesystem::path& file) {
  Emulator emulator(withFlash(file));
  emulator.start();
  const auto line = emulator.connect();
  const std::string sample = "AT#PPPMODE?\r\r\n#PPPMODE: 1\r\n\r\nOK\r\n";
  return exchange(*line, "AT#PPPMODE?\r", sample);
}

std::optional<FlashImage> decodedFile(const std::filesystem::path& file) {
  const std::optional<std::string> text = fileText(file);
  if (!text) return std::nullopt;
  const auto decoded = decodeFlashFile(*text);
  if (const auto* image = std::get_if<FlashImage>(&decoded)) return *image;
  return std::nullopt;
}

}  // namespace

TEST_CASE("parameters set on one emulator are there on the next one") {
  const TempDir dir;
  const auto file = dir / "flash.json";
  {
    Emulator emulator(withFlash(file));
    emulator.start();
    const auto line = emulator.connect();
    CHECK_FALSE(std::filesystem::exists(file));  // erased until something is stored
    CHECK(exchange(*line, "AT#PPPMODE=2\r", "AT#PPPMODE=2\r\r\nOK\r\n") ==
          "AT#PPPMODE=2\r\r\nOK\r\n");
    CHECK(decodedFile(file) == FlashImage{{"PPPMODE", "2"}});
  }
  CHECK(pppModeAfterRestart(file) == "AT#PPPMODE?\r\r\n#PPPMODE: 2\r\n\r\nOK\r\n");
  CHECK_FALSE(std::filesystem::exists(FlashFile(file).temporaryPath()));
}

TEST_CASE("a damaged flash file is reported - kept as FILE.broken - and replaced by defaults") {
  const TempDir dir;
  const auto file = dir / "flash.json";
  const std::string good = reference::encodeFlashFile({{"PPPMODE", "2"}});
  std::string damaged;
  std::string reason;
  SUBCASE("garbage") {
    damaged =
        "\x7f"
        "ELF\x01\x02 not a flash file";
    reason = "not valid JSON";
  }
  SUBCASE("truncated") {
    damaged = good.substr(0, good.size() / 2);
    reason = "not valid JSON";
  }
  SUBCASE("wrong checksum") {
    damaged = good;
    damaged.replace(damaged.find("\"2\""), 3, "\"3\"");
    reason = "checksum mismatch";
  }
  SUBCASE("empty") {
    damaged = "";
    reason = "not valid JSON";
  }
  SUBCASE("too large") {
    damaged = std::string(FlashFile::kMaxSize + 10, ' ');
    reason = "larger than 1 MiB";
  }
  writeFile(file, damaged);
  std::string answer;
  std::string diagnostics;
  {
    const CerrCapture capture;
    answer = pppModeAfterRestart(file);
    diagnostics = capture.text();
  }
  CHECK(diagnostics == "atsharp: the flash file " + file.string() + " is damaged (" + reason +
                           "); kept as " + file.string() +
                           ".broken, the module starts from the default parameters\n");
  CHECK(answer == "AT#PPPMODE?\r\r\n#PPPMODE: 1\r\n\r\nOK\r\n");
  CHECK(fileText(dir / "flash.json.broken") == damaged);
  CHECK(decodedFile(file) == FlashImage{});
}

TEST_CASE("a flash file that cannot be read or kept stops the emulator from starting") {
  const TempDir dir;
  CHECK_THROWS_WITH_AS(Emulator{withFlash(dir / "missing" / "flash.json")},
                       ("cannot keep the flash file " + (dir / "missing" / "flash.json").string() +
                        ": " + (dir / "missing").string() + " is not a directory")
                           .c_str(),
                       Error);
  std::filesystem::create_directory(dir / "flash.json");
  CHECK_THROWS_WITH_AS(
      Emulator{withFlash(dir / "flash.json")},
      ("cannot read the flash file " + (dir / "flash.json").string() + ": Is a directory").c_str(),
      Error);
}

// The image the writer child writes in round @p round: big enough that a write takes a while,
// so that many kills land in the middle of one.
FlashImage imageOfRound(long round) {
  return {{"ROUND", std::to_string(round)},
          {"PADDING", std::string(64 * 1024, static_cast<char>('a' + round % 26))}};
}

TEST_CASE("a kill -9 during flash writes leaves the old image or the new one") {
  ATSHARP_SEED_INFO();
  auto random = rng(9);
  std::uniform_int_distribution<int> delayMicros(200, 15'000);
  const TempDir dir;
  const FlashFile flash(dir / "flash.json");
  flash.write(imageOfRound(0));
  int killedMidWrite = 0;
  long lastRound = 0;
  for (int kill = 0; kill < 40; ++kill) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      // Rewrites the flash through the runtime's own code, for ever, until the kill.
      for (long round = lastRound + 1;; ++round) flash.write(imageOfRound(round));
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delayMicros(random)));  // a random moment
    REQUIRE(::kill(child, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));

    if (std::filesystem::exists(flash.temporaryPath())) ++killedMidWrite;
    const std::optional<FlashImage> image = decodedFile(flash.path());
    REQUIRE_MESSAGE(image.has_value(), "kill ", kill, " left a file that does not decode");
    const long round = std::stol(image->at("ROUND"));
    CAPTURE(round);
    CHECK(round >= lastRound);
    CHECK(*image == imageOfRound(round));
    lastRound = round;
  }
  // Not a vacuous pass: the kills did land in the middle of writes, and writes went through.
  CHECK(killedMidWrite > 0);
  CHECK(lastRound > 0);
}

}  // namespace atsharp::test
