// The order in which each display command shows its parameters, typed from the spec's display
// tables (2.4.2 to 7.3.2) and from AT#VALL (8.3.2).

#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/catalogue/commands.hpp"
#include "atsharp/catalogue/displays.hpp"
#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::catalogue {
namespace {

using Names = std::vector<std::string>;

std::string joined(const Names& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += " ";
    out += name;
  }
  return out;
}

Names namesOf(std::span<const Param> params) {
  Names out;
  for (Param p : params) out.emplace_back(spec(p).name);
  return out;
}

struct DisplayOrder {
  std::string command;
  std::string section;
  Names lines;  // the parameters, in the order the table prints them
};

const std::vector<DisplayOrder> kDisplayOrders{
    {"VPPP", "2.4",  // 2.4.2
     {"ISPUN", "ISPPW", "PPPMODE", "PPPMYIP", "PPPPEERIP", "PPPSERVUN", "PPPSERVPW"}},
    {"VGPRS", "2.5",  // 2.5.2
     {"GPRSCID", "APNPW", "APNSERV", "APNUN"}},
    {"VPHY", "2.6",  // 2.6.2
     {"ANSWERMODE", "CALLBACKTIMER", "CALLSCREENNUM", "DIALN1", "DIALN2", "DIALSELECT",
      "GPRSMODE", "PHYTIMEOUT", "REDIALCOUNT", "REDIALDELAY", "RINGCOUNT"}},
    // 3.5.2 shows AT#VMAIL1: REC1=, CCREC1=, SUBJ1= (no BODY1, 3.5.1).
    {"VMAIL", "3.5", {"REC1", "CCREC1", "SUBJ1"}},
    {"VPOP3", "3.6",  // 3.6.2
     {"POP3HEADERMODE", "POP3PORT", "POP3PW", "POP3SERV", "POP3UN"}},
    {"VSMTP", "3.7",  // 3.7.2
     {"DOMAIN", "SENDERADDR", "SENDERNAME", "SMTPPORT", "SMTPPW", "SMTPSERV", "SMTPUN"}},
    {"VDNS", "3.8",  // 3.8.2
     {"DNSSERV1", "DNSSERV2"}},
    {"VFTP", "4.4",  // 4.4.2 (its 4.4.3 list puts FTPTYPE last; the display prints it fifth)
     {"FTPSERV", "FTPPORT", "FTPUN", "FTPPW", "FTPTYPE", "FTPGETFILENAME", "FTPGETPATH",
      "FTPPUTFILENAME", "FTPPUTPATH"}},
    {"VTCP", "5.5",  // 5.5.2
     {"DLEMODE", "TCPSERV", "TCPPORT", "TCPTXDELAY"}},
    {"VUDP", "6.5",  // 6.5.2
     {"UDPSERV", "UDPPORT", "UDPTXDELAY"}},
    {"VPING", "7.3",  // 7.3.2
     {"PINGDELAY", "PINGNUM", "PINGREMOTE"}},
};

// AT#VALL as 8.3.2 prints it, block by block, the TCP block once (it repeats per socket id).
const Names kVallAsPrinted{
    // physical
    "ANSWERMODE", "CALLBACKTIMER", "CALLSCREENNUM", "DIALN1", "DIALN2", "DIALSELECT", "GPRSMODE",
    "PHYTIMEOUT", "REDIALCOUNT", "REDIALDELAY", "RINGCOUNT",
    // PPP
    "ISPUN", "ISPPW", "PPPMODE", "PPPMYIP", "PPPPEERIP", "PPPSERVUN", "PPPSERVPW",
    // GPRS
    "GPRSCID", "APNPW", "APNSERV", "APNUN",
    // DNS
    "DNSSERV1", "DNSSERV2",
    // FTP
    "FTPSERV", "FTPPORT", "FTPUN", "FTPPW", "FTPTYPE", "FTPGETFILENAME", "FTPGETPATH",
    "FTPPUTFILENAME", "FTPPUTPATH",
    // POP3
    "POP3HEADERMODE", "POP3PORT", "POP3PW", "POP3SERV", "POP3UN",
    // SMTP
    "DOMAIN", "SENDERADDR", "SENDERNAME", "SMTPPORT", "SMTPPW", "SMTPSERV", "SMTPUN",
    // mail combinations
    "BODY1", "CCREC1", "REC1", "SUBJ1",
    "BODY2", "CCREC2", "REC2", "SUBJ2",
    "BODY3", "CCREC3", "REC3", "SUBJ3",
    // TCP
    "DLEMODE", "TCPSERV", "TCPPORT", "TCPTXDELAY",
    // UDP, as printed by 8.3.2: "#UDPPORT : 0", "#UDPSERV : """, "#UDPTXDELAY:100"
    "UDPPORT", "UDPSERV", "UDPTXDELAY",
    // PING
    "PINGDELAY", "PINGNUM", "PINGREMOTE",
};

const DisplaySpec* findDisplay(std::string_view command) {
  const auto it = std::ranges::find(kDisplays, command, &DisplaySpec::command);
  return it == kDisplays.end() ? nullptr : &*it;
}

TEST_CASE("each display command shows its parameters in the order of its spec table") {
  CHECK(kDisplays.size() == kDisplayOrders.size());
  for (const DisplayOrder& expected : kDisplayOrders) {
    CAPTURE(expected.command);
    const DisplaySpec* display = findDisplay(expected.command);
    REQUIRE_MESSAGE(display != nullptr, "no display command ", expected.command);
    CHECK(std::string{display->section} == expected.section);
    CHECK(joined(namesOf(display->shows)) == joined(expected.lines));
    CHECK(&spec(display->id) == display);
  }
}

TEST_CASE("AT#VMAIL2 and AT#VMAIL3 show their own combination - in VMAIL1's order") {
  // 3.5.2 prints VMAIL1; "#VMAILi is used for #VMAIL1 or #VMAIL2 or #VMAIL3" (3.5.1).
  const std::vector<std::pair<std::string, Names>> expected{
      {"VMAIL1", {"REC1", "CCREC1", "SUBJ1"}},
      {"VMAIL2", {"REC2", "CCREC2", "SUBJ2"}},
      {"VMAIL3", {"REC3", "CCREC3", "SUBJ3"}},
  };
  for (const auto& [command, lines] : expected) {
    CAPTURE(command);
    const CommandSpec* c = findCommand(command);
    REQUIRE(c != nullptr);
    CHECK(joined(namesOf(c->reads)) == joined(lines));
  }
}

TEST_CASE("a parameter's display command is the one whose table shows it") {
  // Both directions: the display named by each parameter shows it, and each parameter a
  // display shows names that display. VMAILi shows the parameters of combination i. BODY1-3
  // have no display command besides AT#VALL (3.1.7 "Get value : AT#BODYi?", and 3.5.1: "The
  // BODY1/BODY2/BODY3 parameter values are not displayed").
  for (const ParameterSpec& p : kParameters) {
    const std::string name{p.name};
    CAPTURE(name);
    const auto display = std::ranges::find(kDisplays, p.display, &DisplaySpec::id);
    const bool body = name.starts_with("BODY");
    if (display == kDisplays.end()) {
      CHECK_MESSAGE(body, name, " names no display command");
      continue;
    }
    std::span<const Param> shownBy = display->shows;
    if (p.display == Display::Vmail) {
      const CommandSpec* vmail = findCommand("VMAIL" + std::to_string(p.combination));
      REQUIRE_MESSAGE(vmail != nullptr, "no VMAIL", int{p.combination});
      shownBy = vmail->reads;
    }
    const bool shows = std::ranges::find(shownBy, p.id) != shownBy.end();
    if (body) {
      CHECK_MESSAGE(!shows, name, " is shown by ", display->command, ", against 3.5.1");
      FAIL_CHECK(name, " names display ", display->command,
                 ", but only AT#BODYi? and AT#VALL show it (3.1.7, 3.5.1)");
    } else {
      CHECK_MESSAGE(shows, name, " names display ", display->command, ", which does not show it");
    }
  }
  for (const DisplaySpec& d : kDisplays) {
    for (Param shown : d.shows) {
      CAPTURE(std::string{d.command});
      CAPTURE(std::string{spec(shown).name});
      CHECK(spec(shown).display == d.id);
    }
  }
}

TEST_CASE("kParameters is in AT#VALL order - with AT#VUDP's order for the UDP block") {
  // Decision (docs/spec-decisions.md, item 7 of ambiguities.md): 8.3.2 prints UDPPORT, UDPSERV,
  // UDPTXDELAY but AT#VUDP (6.5.2) prints UDPSERV, UDPPORT, UDPTXDELAY; the catalogue uses
  // AT#VUDP's order in both. That is the one deliberate deviation from 8.3.2.
  Names expected = kVallAsPrinted;
  const auto udpPort = std::ranges::find(expected, std::string{"UDPPORT"});
  const auto udpServ = std::ranges::find(expected, std::string{"UDPSERV"});
  REQUIRE(udpPort != expected.end());
  REQUIRE(udpServ == udpPort + 1);
  std::iter_swap(udpPort, udpServ);

  Names actual;
  for (const ParameterSpec& p : kParameters) actual.emplace_back(p.name);

  CHECK(expected.size() == 67);
  CHECK(joined(actual) == joined(expected));
  // The deviation, stated on its own so that a change to it is named as such.
  const auto serv = std::ranges::find(actual, std::string{"UDPSERV"});
  REQUIRE(serv != actual.end());
  REQUIRE(actual.end() - serv >= 3);
  CHECK(*(serv + 1) == "UDPPORT");
  CHECK(*(serv + 2) == "UDPTXDELAY");
}

TEST_CASE("every parameter but BODYi is shown by exactly one display command besides AT#VALL") {
  // BODY1-3: "Get value : AT#BODYi?" (3.1.7), and AT#VMAILi does not display them (3.5.1).
  std::vector<std::string> shownTwice;
  std::vector<std::string> notShown;
  for (const ParameterSpec& p : kParameters) {
    int count = 0;
    for (const DisplaySpec& d : kDisplays) {
      count += static_cast<int>(std::ranges::count(d.shows, p.id));
    }
    for (const char* vmail : {"VMAIL2", "VMAIL3"}) {
      const CommandSpec* c = findCommand(vmail);
      REQUIRE(c != nullptr);
      count += static_cast<int>(std::ranges::count(c->reads, p.id));
    }
    if (count > 1) shownTwice.emplace_back(p.name);
    if (count == 0) notShown.emplace_back(p.name);
  }
  CHECK(joined(shownTwice) == "");
  CHECK(joined(notShown) == "BODY1 BODY2 BODY3");
}

}  // namespace
}  // namespace atsharp::catalogue
