// What the spec says about each parameter (sections 2.1 to 7.1, the display tables 2.4 to 7.3
// and 8.3.2), typed from the spec as one table and compared with the catalogue field by field.

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/catalogue/displays.hpp"
#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::catalogue {
namespace {

using K = ValueKind;
using enum Shown;
using enum Indexing;

// One row per parameter. min/max/step are compared for the numeric kinds (Integer, Port) only,
// maxLength for the text kinds only, choices for every kind (empty unless Choice).
struct Fact {
  std::string_view name;
  std::string_view section;
  ValueKind kind;
  std::string_view defaultValue;  // "" where the spec says "There is no default value"
  std::string_view display;  // the display command besides AT#VALL; "" when none shows it
  Shown shown;
  Indexing indexing;
  int combination;
  bool secret;
  int min;
  int max;
  int step;
  int maxLength;
  std::vector<std::string_view> choices;
};

// clang-format off
const std::vector<Fact> kFacts{
//  name              section   kind            default    display  shown   index     comb secret min max  step len choices
    // 2.1: "Get value : AT#X? or AT#VPHY, AT#VALL" (2.1.1-2.1.10), shown by the 2.6.2 table.
    {"ANSWERMODE",    "2.1.1",  K::Choice,      "0",       "VPHY",  Bare,   None,     0, false, 0, 0,    0, 0,  {"0", "1", "2", "3"}},
    {"CALLBACKTIMER", "2.1.2",  K::Integer,     "2",       "VPHY",  Bare,   None,     0, false, 2, 255,  1, 0,  {}},
    // 2.1.3: "0", "*" or a number, "Alpha-numeric ASCII text string up to 64 characters";
    // 2.6.2 shows #CALLSCREENNUM: "0", quoted.
    {"CALLSCREENNUM", "2.1.3",  K::CallScreen,  "0",       "VPHY",  Quoted, None,     0, false, 0, 0,    0, 64, {}},
    {"REDIALCOUNT",   "2.1.4",  K::Integer,     "5",       "VPHY",  Bare,   None,     0, false, 0, 14,   1, 0,  {}},
    // 2.1.5: "Integer between 5 and 14 inclusive" (the 0 of the next sentence is illegal:
    // docs/spec-decisions.md #5).
    {"REDIALDELAY",   "2.1.5",  K::Integer,     "5",       "VPHY",  Bare,   None,     0, false, 5, 14,   1, 0,  {}},
    {"PHYTIMEOUT",    "2.1.6",  K::Integer,     "15",      "VPHY",  Bare,   None,     0, false, 1, 255,  1, 0,  {}},
    {"RINGCOUNT",     "2.1.7",  K::Integer,     "0",       "VPHY",  Bare,   None,     0, false, 0, 15,   1, 0,  {}},
    // 2.1.8/2.1.9 give no length ("depends on country"); 64 is the documented decision
    // (docs/spec-decisions.md, DIALN1/DIALN2: the length of CALLSCREENNUM).
    {"DIALN1",        "2.1.8",  K::PhoneNumber, "",        "VPHY",  Quoted, None,     0, false, 0, 0,    0, 64, {}},
    {"DIALN2",        "2.1.9",  K::PhoneNumber, "",        "VPHY",  Quoted, None,     0, false, 0, 0,    0, 64, {}},
    {"DIALSELECT",    "2.1.10", K::Choice,      "1",       "VPHY",  Bare,   None,     0, false, 0, 0,    0, 0,  {"1", "2"}},
    // 2.1.11-2.1.17: "AT#VPPP, AT#VALL".
    {"ISPPW",         "2.1.11", K::Text,        "",        "VPPP",  Quoted, None,     0, true,  0, 0,    0, 64, {}},
    {"ISPUN",         "2.1.12", K::Text,        "",        "VPPP",  Quoted, None,     0, false, 0, 0,    0, 64, {}},
    {"PPPMODE",       "2.1.13", K::Choice,      "1",       "VPPP",  Bare,   None,     0, false, 0, 0,    0, 0,  {"1", "2", "3", "4", "9"}},
    // "32-bit number in dotted-decimal notation (i.e. xxx.xxx.xxx.xxx)": at most 15 characters.
    {"PPPMYIP",       "2.1.14", K::Ipv4,        "0.0.0.0", "VPPP",  Quoted, None,     0, false, 0, 0,    0, 15, {}},
    {"PPPPEERIP",     "2.1.15", K::Ipv4,        "0.0.0.0", "VPPP",  Quoted, None,     0, false, 0, 0,    0, 15, {}},
    {"PPPSERVUN",     "2.1.16", K::Text,        "",        "VPPP",  Quoted, None,     0, false, 0, 0,    0, 64, {}},
    {"PPPSERVPW",     "2.1.17", K::Text,        "",        "VPPP",  Quoted, None,     0, true,  0, 0,    0, 64, {}},
    // 2.1.18-2.1.21: "AT#VGPRS, AT#VALL"; "up to 120 characters".
    {"APNPW",         "2.1.18", K::Text,        "",        "VGPRS", Quoted, None,     0, true,  0, 0,    0, 120, {}},
    {"APNSERV",       "2.1.19", K::Text,        "",        "VGPRS", Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"APNUN",         "2.1.20", K::Text,        "",        "VGPRS", Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"GPRSCID",       "2.1.21", K::Integer,     "1",       "VGPRS", Bare,   None,     0, false, 1, 4,    1, 0,  {}},
    // 2.1.22 says "AT#VGPRS", but AT#VGPRS (2.5.2) does not show it and AT#VPHY (2.6.2) does:
    // the display tables win (docs/spec-decisions.md #6).
    {"GPRSMODE",      "2.1.22", K::Choice,      "1",       "VPHY",  Bare,   None,     0, false, 0, 0,    0, 0,  {"0", "1"}},

    // 3.1: SENDERNAME, SENDERADDR, DOMAIN, SMTP* are "AT#VSMTP, AT#VALL".
    {"SENDERNAME",    "3.1.1",  K::Text,        "",        "VSMTP", Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"SENDERADDR",    "3.1.2",  K::Text,        "",        "VSMTP", Quoted, None,     0, false, 0, 0,    0, 120, {}},
    // 3.1.3/3.1.5: RECi and (docs/spec-decisions.md #22) CCRECi hold addresses of at most 120
    // characters each; "AT#VMAILi, AT#VALL".
    {"CCREC1",        "3.1.3",  K::AddressList, "",        "VMAIL", Quoted, None,     1, false, 0, 0,    0, 120, {}},
    {"CCREC2",        "3.1.3",  K::AddressList, "",        "VMAIL", Quoted, None,     2, false, 0, 0,    0, 120, {}},
    {"CCREC3",        "3.1.3",  K::AddressList, "",        "VMAIL", Quoted, None,     3, false, 0, 0,    0, 120, {}},
    {"DOMAIN",        "3.1.4",  K::Text,        "",        "VSMTP", Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"REC1",          "3.1.5",  K::AddressList, "",        "VMAIL", Quoted, None,     1, false, 0, 0,    0, 120, {}},
    {"REC2",          "3.1.5",  K::AddressList, "",        "VMAIL", Quoted, None,     2, false, 0, 0,    0, 120, {}},
    {"REC3",          "3.1.5",  K::AddressList, "",        "VMAIL", Quoted, None,     3, false, 0, 0,    0, 120, {}},
    {"SUBJ1",         "3.1.6",  K::Text,        "",        "VMAIL", Quoted, None,     1, false, 0, 0,    0, 120, {}},
    {"SUBJ2",         "3.1.6",  K::Text,        "",        "VMAIL", Quoted, None,     2, false, 0, 0,    0, 120, {}},
    {"SUBJ3",         "3.1.6",  K::Text,        "",        "VMAIL", Quoted, None,     3, false, 0, 0,    0, 120, {}},
    // 3.1.7: "Get value : AT#BODYi?" only, and 3.5.1: "The BODY1/BODY2/BODY3 parameter values
    // are not displayed" by AT#VMAILi. Only AT#VALL shows them (8.3.2, '#BODY1: ""').
    {"BODY1",         "3.1.7",  K::Body,        "",        "",      Quoted, None,     1, false, 0, 0,    0, 120, {}},
    {"BODY2",         "3.1.7",  K::Body,        "",        "",      Quoted, None,     2, false, 0, 0,    0, 120, {}},
    {"BODY3",         "3.1.7",  K::Body,        "",        "",      Quoted, None,     3, false, 0, 0,    0, 120, {}},
    // 3.1.8-3.1.12: "AT#VPOP3, AT#VALL". Ports: "numbers above 65,535 are illegal", and port 0
    // is illegal (6.1.1; docs/spec-decisions.md #21).
    {"POP3HEADERMODE","3.1.8",  K::Choice,      "1",       "VPOP3", Bare,   None,     0, false, 0, 0,    0, 0,  {"0", "1"}},
    {"POP3PORT",      "3.1.9",  K::Port,        "110",     "VPOP3", Bare,   None,     0, false, 1, 65535, 1, 0, {}},
    {"POP3PW",        "3.1.10", K::Text,        "",        "VPOP3", Quoted, None,     0, true,  0, 0,    0, 64, {}},
    {"POP3SERV",      "3.1.11", K::Host,        "",        "VPOP3", Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"POP3UN",        "3.1.12", K::Text,        "",        "VPOP3", Quoted, None,     0, false, 0, 0,    0, 64, {}},
    {"SMTPPORT",      "3.1.13", K::Port,        "25",      "VSMTP", Bare,   None,     0, false, 1, 65535, 1, 0, {}},
    {"SMTPPW",        "3.1.14", K::Text,        "",        "VSMTP", Quoted, None,     0, true,  0, 0,    0, 64, {}},
    {"SMTPSERV",      "3.1.15", K::Host,        "",        "VSMTP", Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"SMTPUN",        "3.1.16", K::Text,        "",        "VSMTP", Quoted, None,     0, false, 0, 0,    0, 64, {}},
    {"DNSSERV1",      "3.1.17", K::Ipv4,        "0.0.0.0", "VDNS",  Quoted, None,     0, false, 0, 0,    0, 15, {}},
    {"DNSSERV2",      "3.1.18", K::Ipv4,        "0.0.0.0", "VDNS",  Quoted, None,     0, false, 0, 0,    0, 15, {}},

    // 4.1: "AT#VFTP, AT#VALL". FTPTYPE is shown as "#FTPTYPE = I" (4.4.2 and 8.3.2).
    {"FTPPORT",       "4.1.1",  K::Port,        "21",      "VFTP",  Bare,   None,     0, false, 1, 65535, 1, 0, {}},
    {"FTPTYPE",       "4.1.2",  K::Choice,      "I",       "VFTP",  Equals, None,     0, false, 0, 0,    0, 0,  {"A", "I"}},
    {"FTPSERV",       "4.1.3",  K::Host,        "",        "VFTP",  Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"FTPUN",         "4.1.4",  K::Text,        "",        "VFTP",  Quoted, None,     0, false, 0, 0,    0, 64, {}},
    {"FTPPW",         "4.1.5",  K::Text,        "",        "VFTP",  Quoted, None,     0, true,  0, 0,    0, 64, {}},
    {"FTPGETFILENAME","4.1.6",  K::Text,        "",        "VFTP",  Quoted, None,     0, false, 0, 0,    0, 120, {}},
    // 4.1.7/4.1.9 say there is no default; the "." of 4.4.2 is an example value
    // (docs/spec-decisions.md #27).
    {"FTPGETPATH",    "4.1.7",  K::Text,        "",        "VFTP",  Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"FTPPUTFILENAME","4.1.8",  K::Text,        "",        "VFTP",  Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"FTPPUTPATH",    "4.1.9",  K::Text,        "",        "VFTP",  Quoted, None,     0, false, 0, 0,    0, 120, {}},

    // 5.1: "Legal id {1,2}", "AT#VTCP=id, AT#VALL"; 5.5.2 shows '#TCPSERV: 2,""', "#TCPPORT: 2,0".
    {"DLEMODE",       "5.1.1",  K::Choice,      "1",       "VTCP",  Bare,   SocketId, 0, false, 0, 0,    0, 0,  {"0", "1"}},
    {"TCPPORT",       "5.1.2",  K::Port,        "0",       "VTCP",  Bare,   SocketId, 0, false, 1, 65535, 1, 0, {}},
    {"TCPSERV",       "5.1.3",  K::Host,        "",        "VTCP",  Quoted, SocketId, 0, false, 0, 0,    0, 120, {}},
    // "Integer multiple of 20 and between 0 and 32760 inclusive."
    {"TCPTXDELAY",    "5.1.4",  K::Integer,     "100",     "VTCP",  Bare,   SocketId, 0, false, 0, 32760, 20, 0, {}},

    // 6.1: "AT#VUDP, AT#VALL".
    {"UDPPORT",       "6.1.1",  K::Port,        "0",       "VUDP",  Bare,   None,     0, false, 1, 65535, 1, 0, {}},
    {"UDPSERV",       "6.1.2",  K::Host,        "",        "VUDP",  Quoted, None,     0, false, 0, 0,    0, 120, {}},
    {"UDPTXDELAY",    "6.1.3",  K::Integer,     "100",     "VUDP",  Bare,   None,     0, false, 0, 32760, 20, 0, {}},

    // 7.1: "AT#VPING, AT#VALL".
    {"PINGDELAY",     "7.1.1",  K::Integer,     "1",       "VPING", Bare,   None,     0, false, 1, 255,  1, 0,  {}},
    {"PINGNUM",       "7.1.2",  K::Integer,     "4",       "VPING", Bare,   None,     0, false, 1, 255,  1, 0,  {}},
    {"PINGREMOTE",    "7.1.3",  K::Host,        "",        "VPING", Quoted, None,     0, false, 0, 0,    0, 120, {}},
};
// clang-format on

std::string kindName(ValueKind kind) {
  switch (kind) {
    case K::Integer: return "Integer";
    case K::Choice: return "Choice";
    case K::Port: return "Port";
    case K::Text: return "Text";
    case K::PhoneNumber: return "PhoneNumber";
    case K::CallScreen: return "CallScreen";
    case K::Ipv4: return "Ipv4";
    case K::Host: return "Host";
    case K::AddressList: return "AddressList";
    case K::Body: return "Body";
  }
  return "ValueKind(" + std::to_string(static_cast<int>(kind)) + ")";
}

// The command of the display that parameter @p p names, or "" when it names none that exists.
std::string displayOf(const ParameterSpec& p) {
  const auto it = std::ranges::find(kDisplays, p.display, &DisplaySpec::id);
  return it == kDisplays.end() ? std::string{} : std::string{it->command};
}

std::string shownName(Shown shown) {
  switch (shown) {
    case Bare: return "Bare";
    case Quoted: return "Quoted";
    case Equals: return "Equals";
  }
  return "Shown(" + std::to_string(static_cast<int>(shown)) + ")";
}

std::string indexingName(Indexing indexing) {
  switch (indexing) {
    case None: return "None";
    case SocketId: return "SocketId";
  }
  return "Indexing(" + std::to_string(static_cast<int>(indexing)) + ")";
}

std::string tokens(std::span<const Choice> choices) {
  std::string out;
  for (const Choice& c : choices) out += "[" + std::string{c.token} + "]";
  return out;
}

std::string tokens(const std::vector<std::string_view>& choices) {
  std::string out;
  for (std::string_view c : choices) out += "[" + std::string{c} + "]";
  return out;
}

bool isNumeric(ValueKind kind) { return kind == K::Integer || kind == K::Port; }

bool isText(ValueKind kind) { return !isNumeric(kind) && kind != K::Choice; }

TEST_CASE("the fact table covers 67 distinct parameters") {
  CHECK(kFacts.size() == 67);
  for (std::size_t i = 0; i < kFacts.size(); ++i) {
    for (std::size_t j = i + 1; j < kFacts.size(); ++j) {
      CAPTURE(kFacts[i].name);
      CHECK(kFacts[i].name != kFacts[j].name);
    }
  }
}

TEST_CASE("every parameter's facts match the spec - field by field") {
  for (const Fact& fact : kFacts) {
    const std::string name{fact.name};
    CAPTURE(name);
    const ParameterSpec* p = findParameter(fact.name);
    REQUIRE_MESSAGE(p != nullptr, name, " is not in the catalogue");
    const ParameterSpec& actual = *p;

    CHECK(std::string{actual.name} == name);
    CHECK(std::string{actual.section} == std::string{fact.section});
    CHECK(kindName(actual.kind) == kindName(fact.kind));
    CHECK(std::string{actual.defaultValue} == std::string{fact.defaultValue});
    CHECK(displayOf(actual) == std::string{fact.display});
    CHECK(shownName(actual.shown) == shownName(fact.shown));
    CHECK(indexingName(actual.indexing) == indexingName(fact.indexing));
    CHECK(static_cast<int>(actual.combination) == fact.combination);
    CHECK(actual.secret == fact.secret);
    if (isNumeric(fact.kind)) {
      CHECK(actual.min == fact.min);
      CHECK(actual.max == fact.max);
      CHECK(actual.step == fact.step);
    }
    if (isText(fact.kind)) {
      CHECK(static_cast<int>(actual.maxLength) == fact.maxLength);
    }
    CHECK(tokens(actual.choices) == tokens(fact.choices));
  }
}

TEST_CASE("spec(Param) and findParameter agree for every parameter") {
  for (const ParameterSpec& p : kParameters) {
    CAPTURE(std::string{p.name});
    CHECK(&spec(p.id) == &p);
    CHECK(findParameter(p.name) == &p);
  }
}

TEST_CASE("exactly the six credentials are secret") {
  // ISPPW (2.1.11), PPPSERVPW (2.1.17), APNPW (2.1.18), POP3PW (3.1.10), SMTPPW (3.1.14),
  // FTPPW (4.1.5) are passwords; nothing else is.
  std::vector<std::string> secret;
  for (const ParameterSpec& p : kParameters) {
    if (p.secret) secret.emplace_back(p.name);
  }
  std::ranges::sort(secret);
  CHECK(secret == std::vector<std::string>{"APNPW", "FTPPW", "ISPPW", "POP3PW", "PPPSERVPW",
                                           "SMTPPW"});
}

TEST_CASE("exactly the four TCP parameters are indexed by socket id") {
  std::vector<std::string> bySocket;
  for (const ParameterSpec& p : kParameters) {
    if (p.indexing == Indexing::SocketId) bySocket.emplace_back(p.name);
  }
  std::ranges::sort(bySocket);
  CHECK(bySocket == std::vector<std::string>{"DLEMODE", "TCPPORT", "TCPSERV", "TCPTXDELAY"});
  // 5.1: "Legal id {1,2}".
  CHECK(kFirstSocketId == 1);
  CHECK(kLastSocketId == 2);
}

TEST_CASE("the mail combinations 1 to 3 and their members") {
  // 3.1.3-3.1.7, 3.3: three pre-defined combinations of RECi, CCRECi, SUBJi and BODYi.
  CHECK(kFirstCombination == 1);
  CHECK(kLastCombination == 3);
  // 3.1.5: "The RECi parameter can hold a maximum of 10 e-mail addresses".
  CHECK(kMaxAddresses == 10);

  for (const char* family : {"REC", "CCREC", "SUBJ", "BODY"}) {
    for (int from = 1; from <= 3; ++from) {
      const std::string memberName = family + std::to_string(from);
      const ParameterSpec* member = findParameter(memberName);
      REQUIRE_MESSAGE(member != nullptr, memberName);
      for (int to = 1; to <= 3; ++to) {
        CAPTURE(memberName);
        CAPTURE(to);
        const std::optional<Param> other = inCombination(member->id, to);
        REQUIRE(other.has_value());
        CHECK(std::string{spec(*other).name} == family + std::to_string(to));
      }
      CHECK_FALSE(inCombination(member->id, 0).has_value());
      CHECK_FALSE(inCombination(member->id, 4).has_value());
    }
  }
  for (const char* outside : {"SENDERADDR", "SMTPSERV", "PPPMODE", "TCPPORT"}) {
    CAPTURE(outside);
    const ParameterSpec* p = findParameter(outside);
    REQUIRE(p != nullptr);
    CHECK_FALSE(inCombination(p->id, 1).has_value());
  }
}

}  // namespace
}  // namespace atsharp::catalogue
