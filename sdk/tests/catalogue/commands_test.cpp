// The action commands of sections 2 to 8, typed from the spec: names, sections, forms, flows and
// each command's "List of parameters / Read parameters".

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "same_members.hpp"
#include "atsharp/catalogue/commands.hpp"

namespace atsharp::catalogue {
namespace {

using enum CommandForm;
using enum Flow;
using Names = std::set<std::string>;

struct CommandFact {
  std::string name;
  std::string section;
  CommandForm form;
  Flow flow;
  int combination;
  Names reads;
};

// The read parameter lists, as the "List of parameters" subsections give them.
// 2.2.1.3 writes IPSPW, PPPPEER, PPPSENDPW and PPPSENDUN, which 2.1 does not define; they are read
// as ISPPW, PPPPEERIP, PPPSERVPW and PPPSERVUN (docs/spec-decisions.md #16). PPPPEERIP, also
// listed on its own, then appears once.
const Names kAccept{"ANSWERMODE", "ISPPW", "ISPUN", "PPPMODE", "PPPMYIP", "PPPPEERIP",
                    "PPPSERVPW", "PPPSERVUN"};
// 2.2.3.3: GSM mode, PPPMODE 2 or 4, GPRS mode. GPRSMODE selects GSM or GPRS (2.2.3.1) and PPPMODE
// selects the PPP-server parameters, so both are read too (the catalogue's documented reading).
const Names kConnectionStart{"DIALN1",  "DIALN2",    "DIALSELECT", "ISPPW",     "ISPUN",
                             "REDIALCOUNT", "REDIALDELAY", "PPPMYIP", "PPPPEERIP", "PPPSERVPW",
                             "PPPSERVUN", "APNPW", "APNSERV", "APNUN", "GPRSCID",
                             "GPRSMODE", "PPPMODE"};
const Names kDisplayIp{"PPPMYIP", "PPPPEERIP"};                                  // 2.3.3
const Names kVppp{"ISPPW", "ISPUN", "PPPMODE", "PPPMYIP", "PPPPEERIP", "PPPSERVUN",
                  "PPPSERVPW"};                                                  // 2.4.3
const Names kVgprs{"APNPW", "APNSERV", "APNUN", "GPRSCID"};                      // 2.5.3
const Names kVphy{"ANSWERMODE", "CALLBACKTIMER", "CALLSCREENNUM", "DIALN1", "DIALN2",
                  "DIALSELECT", "GPRSMODE", "PHYTIMEOUT", "REDIALCOUNT", "REDIALDELAY",
                  "RINGCOUNT"};                                                  // 2.6.3
const Names kGetMail{"POP3HEADERMODE", "POP3PORT", "POP3UN", "POP3PW", "POP3SERV"};  // 3.2.3
// 3.3.3: "REC1 or REC2 or REC3", ... : SENDMAILi reads the parameters of combination i.
Names sendMail(int i) {
  const std::string n = std::to_string(i);
  return {"REC" + n, "CCREC" + n, "SUBJ" + n, "BODY" + n, "SENDERADDR", "SENDERNAME", "DOMAIN",
          "SMTPPORT", "SMTPSERV", "SMTPPW", "SMTPUN"};
}
const Names kPutMail{"REC1", "CCREC1", "SUBJ1", "SENDERADDR", "SENDERNAME", "DOMAIN",
                     "SMTPPORT", "SMTPSERV", "SMTPPW", "SMTPUN"};                // 3.4.3
Names vmail(int i) {                                                             // 3.5.3
  const std::string n = std::to_string(i);
  return {"REC" + n, "CCREC" + n, "SUBJ" + n};
}
const Names kVpop3{"POP3HEADERMODE", "POP3PORT", "POP3PW", "POP3SERV", "POP3UN"};  // 3.6.3
const Names kVsmtp{"DOMAIN", "SENDERADDR", "SENDERNAME", "SMTPPORT", "SMTPPW", "SMTPSERV",
                   "SMTPUN"};                                                    // 3.7.3
const Names kVdns{"DNSSERV1", "DNSSERV2"};                                       // 3.8.3
const Names kFtpGet{"FTPGETFILENAME", "FTPGETPATH", "FTPPORT", "FTPSERV", "FTPTYPE", "FTPPW",
                    "FTPUN"};                                                    // 4.2.3
const Names kFtpPut{"FTPPUTFILENAME", "FTPPUTPATH", "FTPPORT", "FTPSERV", "FTPTYPE", "FTPPW",
                    "FTPUN"};                                                    // 4.3.3
const Names kVftp{"FTPSERV", "FTPPORT", "FTPUN", "FTPPW", "FTPGETFILENAME", "FTPGETPATH",
                  "FTPPUTFILENAME", "FTPPUTPATH", "FTPTYPE"};                    // 4.4.3
const Names kTcp{"DLEMODE", "TCPPORT", "TCPSERV", "TCPTXDELAY"};  // 5.2.3, 5.3.3, 5.4.3, 5.5.3
const Names kUdp{"UDPPORT", "UDPSERV", "UDPTXDELAY"};             // 6.2.3, 6.3.3, 6.4.3, 6.5.3
const Names kPing{"PINGDELAY", "PINGNUM", "PINGREMOTE"};          // 7.2.3, 7.3.3
const Names kNone{};  // "No TCP-IP parameter is used" (2.2.2.3), "No TCP/IP parameters." (8.x.3)

const std::vector<CommandFact> kCommandFacts{
    {"ACCEPT", "2.2.1", Plain, Lines, 0, kAccept},
    {"CONNECTIONSTOP", "2.2.2", Plain, Lines, 0, kNone},
    {"CONNECTIONSTART", "2.2.3", Plain, Lines, 0, kConnectionStart},
    {"DISPLAYIP", "2.3", Plain, Lines, 0, kDisplayIp},
    {"VPPP", "2.4", Plain, Lines, 0, kVppp},
    {"VGPRS", "2.5", Plain, Lines, 0, kVgprs},
    {"VPHY", "2.6", Plain, Lines, 0, kVphy},
    // 3.2.2: Ok_Info_Mail, then the mail up to CR LF . CR LF.
    {"GETMAIL", "3.2", Plain, MailRetrieval, 0, kGetMail},
    {"SENDMAIL1", "3.3", Plain, Lines, 1, sendMail(1)},
    {"SENDMAIL2", "3.3", Plain, Lines, 2, sendMail(2)},
    {"SENDMAIL3", "3.3", Plain, Lines, 3, sendMail(3)},
    // 3.4.2: Ok_Info_WaitingForData, then the host sends the body up to CR LF . CR LF.
    {"PUTMAIL", "3.4", Plain, MailBody, 0, kPutMail},
    {"VMAIL1", "3.5", Plain, Lines, 1, vmail(1)},
    {"VMAIL2", "3.5", Plain, Lines, 2, vmail(2)},
    {"VMAIL3", "3.5", Plain, Lines, 3, vmail(3)},
    {"VPOP3", "3.6", Plain, Lines, 0, kVpop3},
    {"VSMTP", "3.7", Plain, Lines, 0, kVsmtp},
    {"VDNS", "3.8", Plain, Lines, 0, kVdns},
    // 4.2.2 Ok_Info_DataBegin ... <ETX>; 4.3.2 Ok_WaitingForData ... <ETX>.
    {"FTPGET", "4.2", Plain, DataMode, 0, kFtpGet},
    {"FTPPUT", "4.3", Plain, DataMode, 0, kFtpPut},
    {"VFTP", "4.4", Plain, Lines, 0, kVftp},
    // "AT#LTCPSTART=id", "AT#LTCPSTOP =id", "AT#OTCP =id", "AT#VTCP =id", "with id one of{1,2}".
    {"LTCPSTART", "5.2", SocketId, DataMode, 0, kTcp},
    {"LTCPSTOP", "5.3", SocketId, Lines, 0, kTcp},
    {"OTCP", "5.4", SocketId, DataMode, 0, kTcp},
    {"VTCP", "5.5", SocketId, Lines, 0, kTcp},
    {"LUDPSTART", "6.2", Plain, DataMode, 0, kUdp},
    {"LUDPSTOP", "6.3", Plain, Lines, 0, kUdp},
    {"OUDP", "6.4", Plain, DataMode, 0, kUdp},
    {"VUDP", "6.5", Plain, Lines, 0, kUdp},
    {"PING", "7.2", Plain, Lines, 0, kPing},
    {"VPING", "7.3", Plain, Lines, 0, kPing},
    {"VVERSION", "8.1", Plain, Lines, 0, kNone},
    {"VSTATE", "8.2", Plain, Lines, 0, kNone},
    // 8.3.3 says "All parameters". The catalogue's documented convention (comment on VALL in
    // commands.hpp, "reads every parameter") leaves the list empty rather than repeat all 67.
    {"VALL", "8.3", Plain, Lines, 0, kNone},
    {"DELFLASH", "8.4", Plain, Lines, 0, kNone},
    // 3.1.5: AT#RECiADD<CR>, addresses separated by CR LF, ended by Ctrl-Z. It has no "List of
    // parameters"; the list holds the one parameter it writes.
    {"REC1ADD", "3.1.5", Entry, Lines, 1, {"REC1"}},
    {"REC2ADD", "3.1.5", Entry, Lines, 2, {"REC2"}},
    {"REC3ADD", "3.1.5", Entry, Lines, 3, {"REC3"}},
    // Not defined by 3.1.3; the history (rev 003) says it was added beside AT#RECiADD, and it
    // works like AT#RECiADD of 3.1.5 (docs/spec-decisions.md #22).
    {"CCREC1ADD", "3.1.5", Entry, Lines, 1, {"CCREC1"}},
    {"CCREC2ADD", "3.1.5", Entry, Lines, 2, {"CCREC2"}},
    {"CCREC3ADD", "3.1.5", Entry, Lines, 3, {"CCREC3"}},
};

std::string joined(const Names& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += " ";
    out += name;
  }
  return out.empty() ? "(none)" : out;
}

std::string formName(CommandForm form) {
  switch (form) {
    case Plain: return "Plain";
    case SocketId: return "SocketId";
    case Entry: return "Entry";
  }
  return "CommandForm(" + std::to_string(static_cast<int>(form)) + ")";
}

std::string flowName(Flow flow) {
  switch (flow) {
    case Lines: return "Lines";
    case DataMode: return "DataMode";
    case MailBody: return "MailBody";
    case MailRetrieval: return "MailRetrieval";
  }
  return "Flow(" + std::to_string(static_cast<int>(flow)) + ")";
}

TEST_CASE("the catalogue has exactly the action commands of sections 2 to 8") {
  std::vector<std::string> spec;
  for (const CommandFact& c : kCommandFacts) spec.push_back(c.name);
  std::vector<std::string> catalogue;
  for (const CommandSpec& c : kCommands) catalogue.emplace_back(c.name);
  const auto differences = test::compareMembers(spec, catalogue);
  INFO(differences.describe());
  CHECK(differences.none());
  CHECK(kCommandFacts.size() == 41);
  CHECK(kCommands.size() == 41);
}

TEST_CASE("each command's section - form - flow - combination and read parameters") {
  for (const CommandFact& fact : kCommandFacts) {
    CAPTURE(fact.name);
    const CommandSpec* c = findCommand(fact.name);
    REQUIRE_MESSAGE(c != nullptr, fact.name, " is not in the catalogue");
    CHECK(std::string{c->name} == fact.name);
    CHECK(std::string{c->section} == fact.section);
    CHECK(formName(c->form) == formName(fact.form));
    CHECK(flowName(c->flow) == flowName(fact.flow));
    CHECK(static_cast<int>(c->combination) == fact.combination);

    Names reads;
    std::size_t listed = 0;
    for (Param p : c->reads) {
      reads.insert(std::string{spec(p).name});
      ++listed;
    }
    CHECK(joined(reads) == joined(fact.reads));
    INFO("a parameter is listed twice in the reads of ", fact.name);
    CHECK(listed == reads.size());
  }
}

TEST_CASE("the commands that enter data mode - send a body or retrieve mail") {
  Names dataMode;
  Names mailBody;
  Names mailRetrieval;
  for (const CommandSpec& c : kCommands) {
    if (c.flow == DataMode) dataMode.insert(std::string{c.name});
    if (c.flow == MailBody) mailBody.insert(std::string{c.name});
    if (c.flow == MailRetrieval) mailRetrieval.insert(std::string{c.name});
  }
  CHECK(joined(dataMode) == "FTPGET FTPPUT LTCPSTART LUDPSTART OTCP OUDP");
  CHECK(joined(mailBody) == "PUTMAIL");
  CHECK(joined(mailRetrieval) == "GETMAIL");
}

TEST_CASE("the commands that take a socket id") {
  Names bySocket;
  for (const CommandSpec& c : kCommands) {
    if (c.form == SocketId) bySocket.insert(std::string{c.name});
  }
  CHECK(joined(bySocket) == "LTCPSTART LTCPSTOP OTCP VTCP");
}

TEST_CASE("display commands are displays") {
  for (const char* name : {"DISPLAYIP", "VPPP", "VGPRS", "VPHY", "VMAIL1", "VMAIL2", "VMAIL3",
                           "VPOP3", "VSMTP", "VDNS", "VFTP", "VTCP", "VUDP", "VPING", "VVERSION",
                           "VSTATE", "VALL"}) {
    CAPTURE(name);
    const CommandSpec* c = findCommand(name);
    REQUIRE(c != nullptr);
    CHECK(c->role == CommandRole::Display);
    CHECK_FALSE(c->resolvesNames);
  }
}

TEST_CASE("the commands with a 38027 (DNS) row resolve server names") {
  // 3.2.2, 3.3.2, 3.4.2, 4.2.2, 4.3.2, 5.4.2, 6.4.2 and 7.2.2 each have a "#CME ERROR: 38027"
  // row: the server address could not be resolved.
  for (const char* name : {"GETMAIL", "SENDMAIL1", "SENDMAIL2", "SENDMAIL3", "PUTMAIL", "FTPGET",
                           "FTPPUT", "OTCP", "OUDP", "PING"}) {
    CAPTURE(name);
    const CommandSpec* c = findCommand(name);
    REQUIRE(c != nullptr);
    CHECK(c->resolvesNames);
  }
}

TEST_CASE("findCommand ignores case - as appendix A's spellings need") {
  const std::vector<std::pair<std::string, std::string>> spellings{
      {"otcp", "OTCP"},
      {"ConnectionStart", "CONNECTIONSTART"},
      {"ConnectionStop", "CONNECTIONSTOP"},
      {"ltcpstart", "LTCPSTART"},
      {"LtcpStart", "LTCPSTART"},
      {"Putmail", "PUTMAIL"},
      {"PutMail", "PUTMAIL"},
      {"Getmail", "GETMAIL"},
      {"FTPput", "FTPPUT"},
      {"FTPget", "FTPGET"},
      {"vall", "VALL"},
      {"rec2add", "REC2ADD"},
  };
  for (const auto& [spelling, name] : spellings) {
    CAPTURE(spelling);
    const CommandSpec* c = findCommand(spelling);
    REQUIRE(c != nullptr);
    CHECK(std::string{c->name} == name);
    CHECK(c == findCommand(name));
  }
}

TEST_CASE("names that are not action commands are not found") {
  // Parameters, generic spellings (VMAILi, SENDMAILi), out-of-range indices, 6.2.1's
  // "UDPSTOP", the BODY entry (a parameter setting), and decorated forms.
  for (const char* name :
       {"PPPMODE", "BODY1", "VMAIL", "VMAILi", "VMAIL0", "VMAIL4", "SENDMAIL", "SENDMAIL0",
        "SENDMAIL4", "REC0ADD", "REC4ADD", "CCREC4ADD", "BODY1ADD", "UDPSTOP", "UDPSTART",
        "LTCP", "TCPSTART", "VERSION", "STATE", "", "AT#OTCP", "#OTCP", "OTCP=1", "OTCP ",
        " OTCP", "WOPEN", "CONNECTION", "VMAIL11"}) {
    CAPTURE(name);
    CHECK(findCommand(name) == nullptr);
  }
}

}  // namespace
}  // namespace atsharp::catalogue
