// Profiles (what atsharp config dump writes and apply reads): exact YAML, round trips of
// random profiles through YAML and JSON, the typed check of values, and bad input of any kind
// refused without a crash.

#include <doctest/doctest.h>
#include <yaml-cpp/exceptions.h>

#include <random>

#include "random.hpp"

#include "atsharp/catalogue/credentials.hpp"
#include "profile.hpp"

namespace atsharp::cli::lab {
namespace {

TEST_SUITE_BEGIN("lab-parts");

using catalogue::Param;

std::string printable(std::mt19937_64& random, std::size_t most) {
  // Characters YAML treats specially are the interesting ones.
  static constexpr std::string_view kAlphabet =
      "abcXYZ019 :#-{}[],&*!|>'%@`\\?~.";
  std::string text(random() % (most + 1), ' ');
  for (char& c : text) c = kAlphabet[random() % kAlphabet.size()];
  return text;
}

// A legal value of @p parameter, random, as the typed layer writes it.
std::string randomLegalValue(Param parameter, std::mt19937_64& random) {
  const catalogue::ParameterSpec& spec = catalogue::spec(parameter);
  for (int attempt = 0; attempt < 50; ++attempt) {
    std::string candidate;
    switch (random() % 6) {
      case 0: candidate = std::to_string(random() % 70000); break;
      case 1:
        candidate = spec.choices.empty()
                        ? std::string(spec.defaultValue)
                        : std::string(spec.choices[random() % spec.choices.size()].token);
        break;
      case 2: candidate = printable(random, 30); break;
      case 3:
        candidate = std::to_string(random() % 256) + "." + std::to_string(random() % 256) + "." +
                    std::to_string(random() % 256) + "." + std::to_string(random() % 256);
        break;
      case 4: candidate = "a" + std::to_string(random() % 9) + "@example.com,b@example.org"; break;
      default: candidate = printable(random, 10) + "\r\n" + printable(random, 10);
    }
    try {
      return canonicalValue(parameter, candidate);
    } catch (const IllegalValueError&) {
    }
  }
  return canonicalValue(parameter, spec.defaultValue);
}

Profile randomProfile(std::mt19937_64& random) {
  Profile profile;
  for (const catalogue::ParameterSpec& spec : catalogue::kParameters) {
    if (random() % 3 == 0) continue;
    if (spec.indexing == catalogue::Indexing::SocketId) {
      for (int socket : {1, 2}) {
        if (random() % 2) profile.push_back({spec.id, socket, randomLegalValue(spec.id, random)});
      }
    } else {
      profile.push_back({spec.id, std::nullopt, randomLegalValue(spec.id, random)});
    }
  }
  return profile;
}

TEST_CASE("a profile is written as YAML with a map per TCP parameter") {
  const Profile profile{{Param::Pppmode, std::nullopt, "2"},
                        {Param::Body1, std::nullopt, "a: b\r\n# c"},
                        {Param::Tcpport, 1, "2000"},
                        {Param::Tcpport, 2, "0"},
                        {Param::Pingremote, std::nullopt, ""}};
  CHECK(profileYaml(profile, {"first", "second"}) ==
        "# first\n"
        "# second\n"
        "\n"
        "PPPMODE: \"2\"\n"
        "BODY1: \"a: b\\r\\n# c\"\n"
        "TCPPORT:\n"
        "  1: \"2000\"\n"
        "  2: \"0\"\n"
        "PINGREMOTE: \"\"\n");
  CHECK(profileJson(profile).dump() ==
        R"({"PPPMODE":"2","BODY1":"a: b\r\n# c","TCPPORT":{"1":"2000","2":"0"},"PINGREMOTE":""})");
}

TEST_CASE("a profile is read in catalogue order with names in any case") {
  const Profile profile = readProfile(
      "pingnum: 3\n"
      "TCPTXDELAY: {2: 40, 1: 20}\n"
      "Pppmode: \"2\"\n"
      "APNUN:\n",
      "p.yaml");
  CHECK(profile == Profile{{Param::Pppmode, std::nullopt, "2"},
                           {Param::Apnun, std::nullopt, ""},
                           {Param::Tcptxdelay, 1, "20"},
                           {Param::Tcptxdelay, 2, "40"},
                           {Param::Pingnum, std::nullopt, "3"}});
  CHECK(readProfile("", "empty.yaml").empty());
}

TEST_CASE("what is not a profile is refused naming the key") {
  const auto refusal = [](const std::string& text) {
    try {
      readProfile(text, "p.yaml");
    } catch (const UsageError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  CHECK(refusal("- PPPMODE\n") == "p.yaml: a profile is a map from parameter to value");
  CHECK(refusal("NOPE: 1\n") == "p.yaml: NOPE: no such parameter");
  CHECK(refusal("PPPMODE: 1\npppmode: 2\n") == "p.yaml: pppmode: given twice");
  CHECK(refusal("PPPMODE: [1, 2]\n") ==
        "p.yaml: PPPMODE: the value must be text, not a list or a map");
  CHECK(refusal("TCPPORT: 1\n") ==
        "p.yaml: TCPPORT: holds one value per socket (5.1): give them as a map, {1: VALUE, 2: "
        "VALUE}");
  CHECK(refusal("TCPPORT: {3: 1}\n") == "p.yaml: TCPPORT: socket \"3\": must be 1 or 2");
}

TEST_CASE("values are checked and written back by the typed layer") {
  CHECK(canonicalValue(Param::Rec1, " a@b.c , d@e.f ") == "a@b.c,d@e.f");
  CHECK(canonicalValue(Param::Body2, "one\ntwo\n") == "one\r\ntwo");
  CHECK(canonicalValue(Param::Tcptxdelay, "40") == "40");
  CHECK_THROWS_WITH_AS(canonicalValue(Param::Tcptxdelay, "30"),
                       "TCPTXDELAY \"30\": must be a multiple of 20 from 0 to 32760",
                       IllegalValueError);
  CHECK_THROWS_WITH_AS(canonicalValue(Param::Isppw, std::string(65, 'p')),
                       "ISPPW \"****\": must be ASCII text of at most 64 characters, without '\"'",
                       IllegalValueError);
}

TEST_CASE("random profiles round-trip through YAML and JSON") {
  auto random = test::rng(1);
  ATSHARP_SEED_INFO();
  for (int round = 0; round < 200; ++round) {
    const Profile profile = randomProfile(random);
    CAPTURE(profileYaml(profile, {}));
    CHECK(readProfile(profileYaml(profile, {"a comment"}), "p.yaml") == profile);
    CHECK(readProfile(profileJson(profile).dump(), "p.json") == profile);
  }
}

TEST_CASE("random bytes and damaged profiles are refused or read without a crash") {
  auto random = test::rng(2);
  ATSHARP_SEED_INFO();
  const std::string valid = profileYaml(randomProfile(random), {"dump"});
  for (int round = 0; round < 2000; ++round) {
    std::string text = valid;
    if (round % 2 == 0) {
      text.resize(random() % 200);
      for (char& c : text) c = static_cast<char>(random() % 256);
    } else {
      for (int change = 0; change < 5; ++change) {
        text[random() % text.size()] = static_cast<char>(random() % 128);
      }
    }
    try {
      for (const ProfileEntry& entry : readProfile(text, "p.yaml")) {
        CHECK(static_cast<std::size_t>(entry.parameter) < catalogue::kParameterCount);
      }
    } catch (const UsageError&) {
    } catch (const YAML::Exception&) {
    }
  }
}

TEST_CASE("a masked credential means leave it as it is") {
  CHECK(isMaskedSecret({Param::Ftppw, std::nullopt, std::string(catalogue::kMask)}));
  CHECK_FALSE(isMaskedSecret({Param::Ftppw, std::nullopt, "real"}));
  CHECK_FALSE(isMaskedSecret({Param::Ftpun, std::nullopt, std::string(catalogue::kMask)}));
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::cli::lab
