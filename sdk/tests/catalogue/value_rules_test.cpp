// The legal values of the parameters (sections 2.1 to 7.1), at and around their boundaries, typed
// from the spec, and a property test feeding random bytes to every parameter.

#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "random.hpp"

namespace atsharp::catalogue {
namespace {

// Printable for a doctest message: control and non-ASCII bytes as \xNN.
std::string shown(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

const ParameterSpec& param(std::string_view name) {
  const ParameterSpec* p = findParameter(name);
  REQUIRE_MESSAGE(p != nullptr, "no parameter ", std::string{name});
  return *p;
}

void checkLegal(std::string_view name, std::string_view value) {
  const std::string where = std::string{name} + " \"" + shown(value) + "\"";
  CAPTURE(where);
  const std::optional<Illegal> verdict = checkValue(param(name), value);
  CHECK_MESSAGE(!verdict.has_value(), "refused: ", verdict ? shown(verdict->reason) : "");
}

// An illegal value, whose reason must name the parameter and show the value.
void checkIllegal(std::string_view name, std::string_view value) {
  const std::string where = std::string{name} + " \"" + shown(value) + "\"";
  CAPTURE(where);
  const std::optional<Illegal> verdict = checkValue(param(name), value);
  REQUIRE_MESSAGE(verdict.has_value(), "accepted");
  const std::string& reason = verdict->reason;
  CAPTURE(shown(reason));
  CHECK(reason.find(name) != std::string::npos);
  CHECK(reason.find(value) != std::string::npos);
}

void checkAllLegal(std::string_view name, std::initializer_list<std::string_view> values) {
  for (std::string_view v : values) checkLegal(name, v);
}

void checkAllIllegal(std::string_view name, std::initializer_list<std::string_view> values) {
  for (std::string_view v : values) checkIllegal(name, v);
}

TEST_CASE("integers at and around their bounds") {
  // 2.1.2 "Integer between 2 and 255 inclusive".
  checkAllLegal("CALLBACKTIMER", {"2", "3", "254", "255"});
  checkAllIllegal("CALLBACKTIMER", {"0", "1", "256", "-2"});
  // 2.1.4 "Integer between 0 and 14, inclusive".
  checkAllLegal("REDIALCOUNT", {"0", "1", "13", "14"});
  checkAllIllegal("REDIALCOUNT", {"15", "-1"});
  // 2.1.5 "Integer between 5 and 14 inclusive"; the 0 its next sentence describes is illegal
  // (docs/spec-decisions.md #5).
  checkAllLegal("REDIALDELAY", {"5", "6", "13", "14"});
  checkAllIllegal("REDIALDELAY", {"0", "4", "15"});
  // 2.1.6 "Integer between 1 and 255 inclusive".
  checkAllLegal("PHYTIMEOUT", {"1", "15", "255"});
  checkAllIllegal("PHYTIMEOUT", {"0", "256"});
  // 2.1.7 "Integer between 0 and 15 inclusive".
  checkAllLegal("RINGCOUNT", {"0", "15"});
  checkAllIllegal("RINGCOUNT", {"16", "-1"});
  // 2.1.21 "Numeric between 1 and 4 inclusive".
  checkAllLegal("GPRSCID", {"1", "2", "3", "4"});
  checkAllIllegal("GPRSCID", {"0", "5"});
  // 7.1.1, 7.1.2 "From 1 to 255 inclusive".
  for (const char* name : {"PINGDELAY", "PINGNUM"}) {
    checkAllLegal(name, {"1", "4", "10", "255"});
    checkAllIllegal(name, {"0", "256"});
  }
}

TEST_CASE("numbers are decimal digits only") {
  for (const char* name : {"CALLBACKTIMER", "REDIALCOUNT", "PHYTIMEOUT", "GPRSCID", "PINGNUM"}) {
    checkAllIllegal(name, {"", " ", "+2", " 2", "2 ", "2.0", "2,0", "0x2", "2a", "a", "two",
                           "1e1", "--2", "\"2\""});
  }
}

TEST_CASE("TCPTXDELAY and UDPTXDELAY: multiples of 20 from 0 to 32760") {
  // 5.1.4 and 6.1.3 "Integer multiple of 20 and between 0 and 32760 inclusive."
  for (const char* name : {"TCPTXDELAY", "UDPTXDELAY"}) {
    checkAllLegal(name, {"0", "20", "40", "100", "32740", "32760"});
    checkAllIllegal(name, {"10", "19", "21", "30", "99", "32750", "32761", "32780", "32800",
                           "-20", "", "20.0"});
  }
}

TEST_CASE("ports: 1 to 5 digits - 1 to 65535") {
  // 3.1.9, 3.1.13, 4.1.1, 5.1.2 "From 1 to 5 digits"; "numbers above 65,535 are illegal";
  // 6.1.1 "Port number 0 is illegal" (for every port: docs/spec-decisions.md #20, #21).
  for (const char* name : {"POP3PORT", "SMTPPORT", "FTPPORT", "TCPPORT", "UDPPORT"}) {
    checkAllLegal(name, {"1", "21", "25", "110", "65534", "65535", "00021"});
    checkAllIllegal(name, {"0", "00000", "65536", "99999", "123456", "000021", "", "2a", "-1",
                           "+1", " 21", "21 ", "0x15", "21.0"});
  }
}

TEST_CASE("choices: exactly the listed tokens") {
  // 2.1.1
  checkAllLegal("ANSWERMODE", {"0", "1", "2", "3"});
  checkAllIllegal("ANSWERMODE", {"4", "-1", "", "00", " 0", "a"});
  // 2.1.10
  checkAllLegal("DIALSELECT", {"1", "2"});
  checkAllIllegal("DIALSELECT", {"0", "3", ""});
  // 2.1.22
  checkAllLegal("GPRSMODE", {"0", "1"});
  checkAllIllegal("GPRSMODE", {"2", ""});
  // 2.1.13: 1, 2, 3, 4 and 9; 0 was removed (history rev 001.1).
  checkAllLegal("PPPMODE", {"1", "2", "3", "4", "9"});
  checkAllIllegal("PPPMODE", {"0", "5", "6", "7", "8", "10", "", "19"});
  // 3.1.8
  checkAllLegal("POP3HEADERMODE", {"0", "1"});
  checkAllIllegal("POP3HEADERMODE", {"2", ""});
  // 5.1.1
  checkAllLegal("DLEMODE", {"0", "1"});
  checkAllIllegal("DLEMODE", {"2", "", "11"});
  // 4.1.2: "A", and "I" ("upper case 'i' char").
  checkAllLegal("FTPTYPE", {"A", "I"});
  checkAllIllegal("FTPTYPE", {"a", "i", "B", "E", "", "AI", " A", "I "});
}

struct LengthFact {
  std::string_view name;
  std::size_t maxLength;
  char filler;  // a character legal for the parameter
};

// "up to 64 characters" / "up to 120 characters", as each section says. DIALN1/DIALN2 have no
// length in 2.1.8/2.1.9; 64 is the documented decision (docs/spec-decisions.md).
const std::vector<LengthFact> kLengths{
    {"CALLSCREENNUM", 64, '1'}, {"DIALN1", 64, '1'},       {"DIALN2", 64, '1'},
    {"ISPPW", 64, 'a'},         {"ISPUN", 64, 'a'},        {"PPPSERVUN", 64, 'a'},
    {"PPPSERVPW", 64, 'a'},     {"APNPW", 120, 'a'},       {"APNSERV", 120, 'a'},
    {"APNUN", 120, 'a'},        {"SENDERNAME", 120, 'a'},  {"SENDERADDR", 120, 'a'},
    {"CCREC1", 120, 'a'},       {"CCREC2", 120, 'a'},      {"CCREC3", 120, 'a'},
    {"DOMAIN", 120, 'a'},       {"REC1", 120, 'a'},        {"REC2", 120, 'a'},
    {"REC3", 120, 'a'},         {"SUBJ1", 120, 'a'},       {"SUBJ2", 120, 'a'},
    {"SUBJ3", 120, 'a'},        {"BODY1", 120, 'a'},       {"BODY2", 120, 'a'},
    {"BODY3", 120, 'a'},        {"POP3PW", 64, 'a'},       {"POP3SERV", 120, 'a'},
    {"POP3UN", 64, 'a'},        {"SMTPPW", 64, 'a'},       {"SMTPSERV", 120, 'a'},
    {"SMTPUN", 64, 'a'},        {"FTPSERV", 120, 'a'},     {"FTPUN", 64, 'a'},
    {"FTPPW", 64, 'a'},         {"FTPGETFILENAME", 120, 'a'}, {"FTPGETPATH", 120, 'a'},
    {"FTPPUTFILENAME", 120, 'a'}, {"FTPPUTPATH", 120, 'a'}, {"TCPSERV", 120, 'a'},
    {"UDPSERV", 120, 'a'},      {"PINGREMOTE", 120, 'a'},
};

TEST_CASE("text lengths: the maximum is legal - one more is not") {
  CHECK(kLengths.size() == 41);
  for (const LengthFact& f : kLengths) {
    checkLegal(f.name, std::string(f.maxLength, f.filler));
    checkLegal(f.name, std::string(f.maxLength - 1, f.filler));
    checkIllegal(f.name, std::string(f.maxLength + 1, f.filler));
    checkIllegal(f.name, std::string(300, f.filler));
  }
}

const std::vector<std::string_view> kTextNames{
    "ISPPW",      "ISPUN",      "PPPSERVUN",  "PPPSERVPW", "APNPW",          "APNSERV",
    "APNUN",      "SENDERNAME", "SENDERADDR", "CCREC1",    "CCREC2",         "CCREC3",
    "DOMAIN",     "REC1",       "REC2",       "REC3",      "SUBJ1",          "SUBJ2",
    "SUBJ3",      "POP3PW",     "POP3UN",     "SMTPPW",    "SMTPUN",         "FTPUN",
    "FTPPW",      "FTPGETFILENAME", "FTPGETPATH", "FTPPUTFILENAME", "FTPPUTPATH",
    "CALLSCREENNUM"};

TEST_CASE("text: printable ASCII - no double quote - no control characters") {
  // "Alphanumeric ASCII text string": printable ASCII without '"' (docs/spec-decisions.md).
  using namespace std::string_view_literals;
  for (std::string_view name : kTextNames) {
    checkAllLegal(name, {"a b", "x-y_z.w@v!", "~", " "});
    checkAllIllegal(name, {"a\"b", "\"", "a\x01", "a\tb", "a\rb", "a\nb", "\r\n", "\x1a",
                           "a\x7f", "caf\xc3\xa9", "\x80", "\xff", "a\0b"sv});
  }
  // The spec's own example values.
  checkLegal("SENDERNAME", "machine 245");                 // 3.1.1
  checkLegal("SENDERADDR", "dev12345678@web.zyx");         // 3.1.2
  checkLegal("CCREC1", "dev12345678@web.xyz");             // 3.1.3
  checkLegal("REC1", "Email1@domain.fr");                  // 3.1.5
  checkLegal("FTPGETPATH", "/list");                       // 4.1.7
  checkLegal("FTPPUTFILENAME", "Testseb3.txt");            // 4.4.2
  checkLegal("APNSERV", "a2myoperator.com");               // 2.5.2
}

TEST_CASE("the empty string clears a text parameter without a default") {
  for (std::string_view name : kTextNames) {
    if (name == "CALLSCREENNUM") continue;  // it has a default, "0"
    checkLegal(name, "");
  }
  for (const char* name : {"BODY1", "BODY2", "BODY3", "DIALN1", "DIALN2", "POP3SERV",
                           "SMTPSERV", "FTPSERV", "TCPSERV", "UDPSERV", "PINGREMOTE"}) {
    checkLegal(name, "");
  }
}

TEST_CASE("BODYi: text over several lines") {
  // 3.1.7: the body is typed after AT#BODYi<CR> and ended by Ctrl-Z; its lines end in CR LF.
  for (const char* name : {"BODY1", "BODY2", "BODY3"}) {
    checkAllLegal(name, {"Text string", "line one\r\nline two", "\r\n", "a\rb", "a\nb"});
    checkAllIllegal(name, {"a\x1a", "a\x01", "a\tb", "say \"hi\"", "\x7f", "\xc3\xa9"});
    checkLegal(name, std::string(59, 'x') + "\r\n" + std::string(59, 'y'));  // 120 in all
    checkIllegal(name, std::string(60, 'x') + "\r\n" + std::string(59, 'y'));
  }
}

TEST_CASE("IPv4 addresses: dotted decimal xxx.xxx.xxx.xxx") {
  // 2.1.14, 2.1.15, 3.1.17, 3.1.18 "32-bit number in dotted-decimal notation".
  for (const char* name : {"PPPMYIP", "PPPPEERIP", "DNSSERV1", "DNSSERV2"}) {
    checkAllLegal(name, {"0.0.0.0", "255.255.255.255", "213.192.200.4", "1.2.3.4", "1.0.3.5",
                         "10.0.0.1", "192.168.100.254"});
    checkAllIllegal(name, {"256.0.0.0", "0.256.0.0", "0.0.256.0", "1.2.3.256", "999.1.1.1",
                           // A.5.1 sets DNSSERV1 to "xxx.xxx.xxx": three octets are illegal.
                           "xxx.xxx.xxx", "xxx.xxx.xxx.xxx", "1.2.3", "1.2", "1", "1.2.3.4.5",
                           ".1.2.3", "1.2.3.", ".1.2.3.4", "1.2.3.4.", "1..2.3", "1.2..3.4",
                           "1.2.3.0001", "1234.1.1.1", "", "a.b.c.d", " 1.2.3.4", "1.2.3.4 ",
                           "1.2.3.-4", "1.2.3.+4", "1,2,3,4", "...", "1.2.3.4/24", "1.2.3.4a",
                           "localhost", "\"1.2.3.4\""});
  }
}

TEST_CASE("hosts: a dotted quad or a name") {
  // 3.1.11, 3.1.15, 4.1.3, 5.1.3, 6.1.2, 7.1.3: "dotted-decimal ... or alphanumeric ASCII text
  // string up to 120 characters if DNS is available".
  for (const char* name :
       {"POP3SERV", "SMTPSERV", "FTPSERV", "TCPSERV", "UDPSERV", "PINGREMOTE"}) {
    checkAllLegal(name, {"wavecom.com", "a2myoper.com", "pop3server", "mytestwebsite.com",
                         "smtp.a2bouygtel.com", "192.168.0.1", "213.192.200.4", "0.0.0.0",
                         "255.255.255.255"});
    checkAllIllegal(name, {"1.2.3.999", "256.1.1.1", "a\"b", "host\x01", "ho\rst", "\xc3\xa9"});
  }
}

TEST_CASE("phone numbers: decimal digits") {
  // 2.1.8/2.1.9 "Decimal phone numbers"; 2.2.3.2 dials 2124560123. A leading '+' (international
  // form) is the documented decision (docs/spec-decisions.md, DIALN1/DIALN2).
  for (const char* name : {"DIALN1", "DIALN2"}) {
    checkAllLegal(name, {"2124560123", "0123456789", "0", "+33123456789"});
    checkAllIllegal(name, {"12a4", "212-456", "212 456", "+", "++33", "2124560123+", "*", "#",
                           "\"2124560123\"", "2124560123\r"});
  }
}

TEST_CASE("CALLSCREENNUM: 0 or star or a number") {
  // 2.1.3: "0 (zero): No remote caller authorized", "* (all)", "Decimal phone number".
  checkAllLegal("CALLSCREENNUM", {"0", "*", "2124560123", "0123456789"});
  checkAllIllegal("CALLSCREENNUM", {"\"0\"", "0\r", "*\x01", ""});  // no empty: it has a default
}

TEST_CASE("non-numbers and overflow never pass and never crash") {
  for (const char* name : {"CALLBACKTIMER", "REDIALCOUNT", "REDIALDELAY", "PHYTIMEOUT",
                           "RINGCOUNT", "GPRSCID", "TCPTXDELAY", "UDPTXDELAY", "PINGDELAY",
                           "PINGNUM", "POP3PORT", "SMTPPORT", "FTPPORT", "TCPPORT", "UDPPORT",
                           "ANSWERMODE", "PPPMODE", "DLEMODE", "GPRSMODE", "DIALSELECT",
                           "POP3HEADERMODE"}) {
    checkAllIllegal(name, {"99999999999999999999", "2147483647", "2147483648", "4294967296",
                           // 2^32 + 20: wraps to 20 in 32 bits.
                           "4294967316",
                           // 2^32 + 1: wraps to 1.
                           "4294967297", "-2147483648", "18446744073709551616",
                           "000000000000000000000000000000000000000000000000000000000000001x",
                           "NaN", "inf", "1e3", "\xd9\xa3"});
  }
}

TEST_CASE("every default is legal - except the 0 of TCPPORT and UDPPORT") {
  // 5.1.2 and 6.1.1 give 0 as the default of a port whose 0 is illegal: the default means "not
  // set" and cannot be set (docs/spec-decisions.md #21).
  for (const ParameterSpec& p : kParameters) {
    if (p.defaultValue.empty()) continue;
    if (p.name == "TCPPORT" || p.name == "UDPPORT") {
      checkIllegal(p.name, p.defaultValue);
    } else {
      checkLegal(p.name, p.defaultValue);
    }
  }
}

TEST_CASE("describeLegalValues says something for every parameter - with the spec's bounds") {
  for (const ParameterSpec& p : kParameters) {
    CAPTURE(std::string{p.name});
    CHECK_FALSE(describeLegalValues(p).empty());
  }
  const auto mentions = [](std::string_view name, std::initializer_list<std::string_view> words) {
    const std::string text = describeLegalValues(param(name));
    for (std::string_view word : words) {
      CAPTURE(std::string{name});
      CAPTURE(text);
      CHECK(text.find(word) != std::string::npos);
    }
  };
  mentions("CALLBACKTIMER", {"2", "255"});
  mentions("TCPTXDELAY", {"20", "0", "32760"});
  mentions("REDIALDELAY", {"5", "14"});
  mentions("PPPMODE", {"1", "2", "3", "4", "9"});
  mentions("FTPTYPE", {"A", "I"});
  mentions("UDPPORT", {"1", "65535"});
  mentions("ISPPW", {"64"});
  mentions("APNSERV", {"120"});
}

// What the spec allows at most, whatever the parameter: used as the oracle of the property test.
void checkLegalValueIsPlausible(const ParameterSpec& p, std::string_view value) {
  const std::string where = std::string{p.name} + " \"" + shown(value) + "\"";
  CAPTURE(where);
  const auto allDigits = [&] {
    return !value.empty() &&
           std::ranges::all_of(value, [](char c) { return c >= '0' && c <= '9'; });
  };
  switch (p.kind) {
    case ValueKind::Integer:
      CHECK(allDigits());
      CHECK(value.size() <= 9);
      break;
    case ValueKind::Port:
      CHECK(allDigits());
      CHECK(value.size() <= 5);
      CHECK(std::stoi(std::string{value}) >= 1);
      CHECK(std::stoi(std::string{value}) <= 65535);
      break;
    case ValueKind::Choice:
      CHECK(value.size() == 1);
      break;
    case ValueKind::Ipv4:
      CHECK(std::ranges::count(value, '.') == 3);
      CHECK(value.size() <= 15);
      break;
    default: {
      CHECK(value.size() <= 120);
      const bool body = p.kind == ValueKind::Body;
      for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool printable = byte >= 0x20 && byte <= 0x7E && c != '"';
        CHECK((printable || (body && (c == '\r' || c == '\n'))));
      }
      break;
    }
  }
}

TEST_CASE("property: random bytes never crash checkValue - and what passes is plausible") {
  ATSHARP_SEED_INFO();
  std::mt19937_64 gen = test::rng(0xCA7A);
  std::uniform_int_distribution<std::size_t> length(0, 300);
  // Half the strings draw from an alphabet of the characters the rules care about, so that
  // legal values and near misses come up often; the other half from all 256 byte values.
  const Bytes alphabet = toBytes(std::string_view{"0123456789...AIai*+-\" \r\n\x01\x1a\x7f\xff"});
  std::size_t legal = 0;
  for (int round = 0; round < 400; ++round) {
    const std::size_t size = round % 4 == 0 ? length(gen) % 8 : length(gen);
    const Bytes bytes = round % 2 == 0 ? test::randomBytes(gen, size)
                                       : test::randomBytesFrom(gen, size, alphabet);
    const std::string value = asString(bytes);
    for (const ParameterSpec& p : kParameters) {
      const std::optional<Illegal> verdict = checkValue(p, value);
      if (verdict) {
        if (verdict->reason.find(p.name) == std::string::npos) {
          CAPTURE(shown(verdict->reason));
          FAIL_CHECK("the reason does not name ", std::string{p.name});
        }
      } else {
        ++legal;
        checkLegalValueIsPlausible(p, value);
      }
    }
  }
  // The property is only worth something if some random values pass.
  CHECK(legal > 0);
}

}  // namespace
}  // namespace atsharp::catalogue

namespace atsharp::catalogue {
namespace {

// RECi and CCRECi show their addresses joined with commas, so an address cannot hold one.
TEST_CASE("a recipient address has no comma - other text may") {
  CHECK(checkValue(*findParameter("REC1"), "a,b@c.d"));
  CHECK(checkValue(*findParameter("CCREC2"), "a,b@c.d"));
  CHECK_FALSE(checkValue(*findParameter("REC1"), "a.b@c.d"));
  CHECK_FALSE(checkValue(*findParameter("SUBJ1"), "Hello, world"));
}

}  // namespace
}  // namespace atsharp::catalogue
