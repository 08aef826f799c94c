// The flash file format: a round trip, and every kind of damage recognised.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "atsharp/reference/flash_image.hpp"
#include "random.hpp"

namespace atsharp::reference {
namespace {

const FlashImage kImage{{"PPPMODE", "2"}, {"TCPPORT/2", "8080"}, {"BODY1", "a\r\nb \"q\""}};

std::string damage(const std::string& text) {
  const auto decoded = decodeFlashFile(text);
  REQUIRE(std::holds_alternative<FlashDamage>(decoded));
  return std::get<FlashDamage>(decoded).reason;
}

TEST_CASE("an image survives its file") {
  const auto decoded = decodeFlashFile(encodeFlashFile(kImage));
  REQUIRE(std::holds_alternative<FlashImage>(decoded));
  CHECK(std::get<FlashImage>(decoded) == kImage);
  CHECK(std::get<FlashImage>(decodeFlashFile(encodeFlashFile({}))) == FlashImage{});
}

TEST_CASE("damage is recognised and named") {
  const std::string good = encodeFlashFile(kImage);
  CHECK(damage("") == "not valid JSON");
  CHECK(damage(good.substr(0, good.size() / 2)) == "not valid JSON");
  CHECK(damage("{}") == "not an atsharp flash file (format tag missing or unknown)");
  CHECK(damage("[1,2]") == "not an atsharp flash file (format tag missing or unknown)");
  std::string altered = good;
  altered.replace(altered.find("8080"), 4, "8081");
  CHECK(damage(altered) == "checksum mismatch");
}

TEST_CASE("random bytes never crash the decoder and are never taken for an image") {
  ATSHARP_SEED_INFO();
  auto gen = atsharp::test::rng(7);
  for (int i = 0; i < 500; ++i) {
    const Bytes noise = atsharp::test::randomBytes(gen, gen() % 200);
    CHECK(std::holds_alternative<FlashDamage>(decodeFlashFile(asString(noise))));
  }
}

}  // namespace
}  // namespace atsharp::reference
