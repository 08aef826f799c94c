// The parameter names of spec sections 2.1 to 7.1, typed from the spec, against the catalogue.

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "same_members.hpp"
#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::catalogue {
namespace {

// Every parameter the spec defines, in the order of its sections. RECi, CCRECi, SUBJi and BODYi
// are three parameters each (3.1.3, 3.1.5-3.1.7); the TCP parameters of 5.1 hold one value per
// socket id but are one parameter each.
const std::vector<std::string> kSpecNames{
    // 2.1 Dialing services
    "ANSWERMODE",      // 2.1.1
    "CALLBACKTIMER",   // 2.1.2
    "CALLSCREENNUM",   // 2.1.3
    "REDIALCOUNT",     // 2.1.4
    "REDIALDELAY",     // 2.1.5
    "PHYTIMEOUT",      // 2.1.6
    "RINGCOUNT",       // 2.1.7
    "DIALN1",          // 2.1.8
    "DIALN2",          // 2.1.9
    "DIALSELECT",      // 2.1.10
    "ISPPW",           // 2.1.11
    "ISPUN",           // 2.1.12
    "PPPMODE",         // 2.1.13
    "PPPMYIP",         // 2.1.14
    "PPPPEERIP",       // 2.1.15
    "PPPSERVUN",       // 2.1.16
    "PPPSERVPW",       // 2.1.17
    "APNPW",           // 2.1.18
    "APNSERV",         // 2.1.19
    "APNUN",           // 2.1.20
    "GPRSCID",         // 2.1.21
    "GPRSMODE",        // 2.1.22
    // 3.1 SMTP/POP3 e-mail services
    "SENDERNAME",      // 3.1.1
    "SENDERADDR",      // 3.1.2
    "CCREC1", "CCREC2", "CCREC3",  // 3.1.3
    "DOMAIN",          // 3.1.4
    "REC1", "REC2", "REC3",        // 3.1.5
    "SUBJ1", "SUBJ2", "SUBJ3",     // 3.1.6
    "BODY1", "BODY2", "BODY3",     // 3.1.7
    "POP3HEADERMODE",  // 3.1.8
    "POP3PORT",        // 3.1.9
    "POP3PW",          // 3.1.10
    "POP3SERV",        // 3.1.11
    "POP3UN",          // 3.1.12
    "SMTPPORT",        // 3.1.13
    "SMTPPW",          // 3.1.14
    "SMTPSERV",        // 3.1.15
    "SMTPUN",          // 3.1.16
    "DNSSERV1",        // 3.1.17
    "DNSSERV2",        // 3.1.18
    // 4.1 FTP services
    "FTPPORT",         // 4.1.1
    "FTPTYPE",         // 4.1.2
    "FTPSERV",         // 4.1.3
    "FTPUN",           // 4.1.4
    "FTPPW",           // 4.1.5
    "FTPGETFILENAME",  // 4.1.6
    "FTPGETPATH",      // 4.1.7
    "FTPPUTFILENAME",  // 4.1.8
    "FTPPUTPATH",      // 4.1.9
    // 5.1 TCP socket services
    "DLEMODE",         // 5.1.1
    "TCPPORT",         // 5.1.2
    "TCPSERV",         // 5.1.3
    "TCPTXDELAY",      // 5.1.4
    // 6.1 UDP socket services
    "UDPPORT",         // 6.1.1
    "UDPSERV",         // 6.1.2
    "UDPTXDELAY",      // 6.1.3
    // 7.1 PING services
    "PINGDELAY",       // 7.1.1
    "PINGNUM",         // 7.1.2
    "PINGREMOTE",      // 7.1.3
};

std::string lowerCase(std::string_view text) {
  std::string out{text};
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

TEST_CASE("the typed list itself has 67 distinct names") {
  // A guard on this file: the comparison below is only as good as the list.
  std::map<std::string, int> seen;
  for (const std::string& name : kSpecNames) ++seen[name];
  CHECK(kSpecNames.size() == 67);
  CHECK(seen.size() == 67);
}

TEST_CASE("the catalogue has exactly the parameters of sections 2.1 to 7.1") {
  std::vector<std::string> catalogue;
  for (const ParameterSpec& p : kParameters) catalogue.emplace_back(p.name);
  const auto differences = test::compareMembers(kSpecNames, catalogue);
  INFO(differences.describe());
  CHECK(differences.none());
  CHECK(kParameters.size() == 67);
  CHECK(kParameterCount == 67);
}

TEST_CASE("findParameter finds every spec name - in any case") {
  for (const std::string& name : kSpecNames) {
    CAPTURE(name);
    const ParameterSpec* upper = findParameter(name);
    REQUIRE(upper != nullptr);
    CHECK(std::string{upper->name} == name);
    // Appendix A writes AT#PPPmode; the names are looked up without regard to case.
    const ParameterSpec* lower = findParameter(lowerCase(name));
    CHECK(lower == upper);
  }
  const ParameterSpec* mixed = findParameter("PPPmode");
  REQUIRE(mixed != nullptr);
  CHECK(std::string{mixed->name} == "PPPMODE");
}

TEST_CASE("names the spec does not define as parameters are not found") {
  // 2.2.1.3's misspellings, out-of-range combinations and socket suffixes, commands, and
  // near misses.
  for (const char* name :
       {"IPSPW", "PPPPEER", "PPPSENDPW", "PPPSENDUN", "REC0", "REC4", "CCREC4", "SUBJ0", "BODY4",
        "REC", "BODY", "REC1ADD", "CCREC1ADD", "DLEMODE1", "TCPPORT2", "VPHY", "VALL", "OTCP",
        "VERSION", "STATE", "", " PPPMODE", "PPPMODE ", "PPPMODE?", "#PPPMODE", "DIALN",
        "DIALN3", "DNSSERV3", "PPPMODEX"}) {
    CAPTURE(name);
    CHECK(findParameter(name) == nullptr);
  }
}

}  // namespace
}  // namespace atsharp::catalogue
