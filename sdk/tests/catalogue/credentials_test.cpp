// Masking the credentials a command line sets: each command of the line, nothing else.

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "atsharp/catalogue/credentials.hpp"

namespace atsharp::catalogue {
namespace {

TEST_CASE("one credential set by a line is masked - quoted or not - any case") {
  CHECK(maskCredentials("AT#FTPPW=\"s3cret\"") == "AT#FTPPW=****");
  CHECK(maskCredentials("at#ftppw=s3cret") == "at#ftppw=****");
  CHECK(maskCredentials("  AT#POP3PW = \"a b\"") == "  AT#POP3PW =****");
  CHECK(credentialValues("AT#ISPPW= \"a b\" ") == std::vector<std::string>{"a b"});
}

TEST_CASE("every command of a line counts - the others stay as they are") {
  const std::string line = "AT#FTPUN=\"user\";#FTPPW=\"pass;word\";#FTPPORT=21;#SMTPPW=x2";
  CHECK(maskCredentials(line) == "AT#FTPUN=\"user\";#FTPPW=****;#FTPPORT=21;#SMTPPW=****");
  CHECK(credentialValues(line) == std::vector<std::string>{"pass;word", "x2"});
}

TEST_CASE("lines that set no credential come back unchanged") {
  for (const char* line : {"AT#FTPUN=\"user\"", "AT#FTPPW?", "AT#VFTP", "ATE0", "#FTPPW=x",
                           "AT#FTPPWX=1", "", "AT", "AT;;", "AT#=1", "FTPPW=x"}) {
    CAPTURE(line);
    CHECK(maskCredentials(line) == line);
    CHECK(credentialValues(line).empty());
  }
}

TEST_CASE("random lines never crash - masking twice changes nothing - only masks are left") {
  std::mt19937 random(20261204);
  const std::string alphabet = "AT#FTPPWISMOP3=\";, x\r";
  for (int round = 0; round < 5000; ++round) {
    std::string line;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) line += alphabet[random() % alphabet.size()];
    CAPTURE(line);
    const std::string masked = maskCredentials(line);
    CHECK(maskCredentials(masked) == masked);
    const std::vector<std::string> values = credentialValues(masked);
    CHECK(values == std::vector<std::string>(values.size(), std::string(kMask)));
  }
}

}  // namespace
}  // namespace atsharp::catalogue
