// Credentials in the lines the commands print: command lines and answer lines of every form
// the spec shows, and random lines, never show a secret value.

#include <doctest/doctest.h>

#include <random>

#include "random.hpp"

#include "atsharp/catalogue/parameters.hpp"
#include "masking.hpp"

namespace atsharp::cli::lab {
namespace {

TEST_SUITE_BEGIN("lab-parts");

TEST_CASE("credential values are masked in command and answer lines") {
  CHECK(maskedLine("AT#FTPPW=\"s3cret\"") == "AT#FTPPW=****");
  CHECK(maskedLine("at#smtppw=s3cret") == "at#smtppw=****");
  CHECK(maskedLine("#FTPPW: \"s3cret\"") == "#FTPPW: ****");
  CHECK(maskedLine("#APNPW = s3cret") == "#APNPW = ****");
  CHECK(maskedLine("#POP3PW : \"s3cret\"") == "#POP3PW : ****");
  CHECK(maskedLine("PPPSERVPW=s3cret") == "PPPSERVPW=****");
  CHECK(maskedLine("#ISPPW:s3cret") == "#ISPPW:****");
}

TEST_CASE("other lines are left as they are") {
  for (const char* line : {"#FTPUN: \"user\"", "AT#FTPPW?", "OK", "#CME ERROR: 34817",
                           "#STATE: \"IDLE\"", "", "#", "FTPPWX: 1", "#FTPPW"}) {
    CHECK(maskedLine(line) == line);
  }
}

TEST_CASE("random answer lines never show a credential's value") {
  auto random = test::rng(3);
  ATSHARP_SEED_INFO();
  for (int round = 0; round < 2000; ++round) {
    const catalogue::ParameterSpec& spec =
        catalogue::kParameters[random() % catalogue::kParameterCount];
    std::string secret = "S" + std::to_string(random());
    const std::string separators[] = {": ", " = ", " : ", ":", "="};
    std::string line = std::string(random() % 2 ? "#" : "") + std::string(spec.name) +
                       separators[random() % 5] + (random() % 2 ? "\"" + secret + "\"" : secret);
    const std::string shown = maskedLine(line);
    if (spec.secret) {
      CHECK(shown.find(secret) == std::string::npos);
    } else {
      CHECK(shown == line);
    }
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::cli::lab
