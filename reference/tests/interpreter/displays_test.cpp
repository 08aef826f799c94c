// The display commands byte for byte against the spec's tables (2.4 to 8.3), within the
// decisions of docs/spec-decisions.md.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "module_driver.hpp"

namespace atsharp::reference::test {
namespace {

std::string answer(std::initializer_list<std::string_view> lines) {
  std::string text = "\r\n";
  for (std::string_view line : lines) text += std::string{line} + "\r\n";
  return text + "\r\nOK\r\n";
}

void set(ModuleDriver& module, std::initializer_list<std::string_view> lines) {
  for (std::string_view line : lines) REQUIRE(module.at(line) == "\r\nOK\r\n");
}

TEST_CASE("2.6.2 AT#VPHY - the example shows the defaults") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#VPHY") ==
        answer({"#ANSWERMODE: 0", "#CALLBACKTIMER: 2", "#CALLSCREENNUM: \"0\"", "#DIALN1: \"\"",
                "#DIALN2: \"\"", "#DIALSELECT: 1", "#GPRSMODE: 1", "#PHYTIMEOUT: 15",
                "#REDIALCOUNT: 5", "#REDIALDELAY: 5", "#RINGCOUNT: 0"}));
}

TEST_CASE("2.4.2 AT#VPPP") {
  ModuleDriver module = quietDriver();
  set(module, {"AT#ISPUN=\"myispun\"", "AT#ISPPW=\"myisppwd\"", "AT#PPPSERVUN=\"myname\"",
               "AT#PPPSERVPW=\"mypasswd\""});
  CHECK(module.at("AT#VPPP") ==
        answer({"#ISPUN: \"myispun\"", "#ISPPW: \"myisppwd\"", "#PPPMODE: 1",
                "#PPPMYIP: \"0.0.0.0\"", "#PPPPEERIP: \"0.0.0.0\"", "#PPPSERVUN: \"myname\"",
                "#PPPSERVPW: \"mypasswd\""}));
}

TEST_CASE("2.5.2 AT#VGPRS") {
  ModuleDriver module = quietDriver();
  set(module, {"AT#APNPW=\"acces\"", "AT#APNSERV=\"a2myoperator.com\"", "AT#APNUN=\"a2b\""});
  CHECK(module.at("AT#VGPRS") == answer({"#GPRSCID: 1", "#APNPW: \"acces\"",
                                         "#APNSERV: \"a2myoperator.com\"", "#APNUN: \"a2b\""}));
}

TEST_CASE("3.5.2 AT#VMAILi shows RECi - CCRECi - SUBJi of its combination") {
  ModuleDriver module = quietDriver();
  set(module, {"AT#REC2=\"a@b.c\"", "AT#SUBJ2=\"Hi\""});
  CHECK(module.at("AT#VMAIL1") == answer({"#REC1: \"\"", "#CCREC1: \"\"", "#SUBJ1: \"\""}));
  CHECK(module.at("AT#VMAIL2") == answer({"#REC2: \"a@b.c\"", "#CCREC2: \"\"", "#SUBJ2: \"Hi\""}));
}

TEST_CASE("3.6.2 AT#VPOP3 and 3.7.2 AT#VSMTP") {
  ModuleDriver module = quietDriver();
  set(module, {"AT#POP3PW=\"mypop3passwd\"", "AT#POP3SERV=\"pop3server\"",
               "AT#POP3UN=\"mypop3un\"", "AT#DOMAIN=\"a2myoper.com\"",
               "AT#SENDERADDR=\"toto@myoper.com\"", "AT#SENDERNAME=\"toto\"",
               "AT#SMTPPW=\"mysmtppw\"", "AT#SMTPSERV=\"smtp.a2myoper.com\"",
               "AT#SMTPUN=\"mysmtpun\""});
  CHECK(module.at("AT#VPOP3") ==
        answer({"#POP3HEADERMODE: 1", "#POP3PORT: 110", "#POP3PW: \"mypop3passwd\"",
                "#POP3SERV: \"pop3server\"", "#POP3UN: \"mypop3un\""}));
  CHECK(module.at("AT#VSMTP") ==
        answer({"#DOMAIN: \"a2myoper.com\"", "#SENDERADDR: \"toto@myoper.com\"",
                "#SENDERNAME: \"toto\"", "#SMTPPORT: 25", "#SMTPPW: \"mysmtppw\"",
                "#SMTPSERV: \"smtp.a2myoper.com\"", "#SMTPUN: \"mysmtpun\""}));
}

TEST_CASE("3.8.2 AT#VDNS - 6.5.2 AT#VUDP - 7.3.2 AT#VPING show the defaults") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#VDNS") == answer({"#DNSSERV1: \"0.0.0.0\"", "#DNSSERV2: \"0.0.0.0\""}));
  CHECK(module.at("AT#VUDP") ==
        answer({"#UDPSERV: \"\"", "#UDPPORT: 0", "#UDPTXDELAY: 100"}));
  CHECK(module.at("AT#VPING") ==
        answer({"#PINGDELAY: 1", "#PINGNUM: 4", "#PINGREMOTE: \"\""}));
}

TEST_CASE("4.4.2 AT#VFTP with its FTPTYPE = I line") {
  ModuleDriver module = quietDriver();
  set(module, {"AT#FTPSERV=\"mytestwebsite.com\"", "AT#FTPUN=\"myname\"", "AT#FTPPW=\"mypass\"",
               "AT#FTPGETPATH=\".\"", "AT#FTPPUTFILENAME=\"Testseb3.txt\"",
               "AT#FTPPUTPATH=\".\""});
  CHECK(module.at("AT#VFTP") ==
        answer({"#FTPSERV: \"mytestwebsite.com\"", "#FTPPORT: 21", "#FTPUN: \"myname\"",
                "#FTPPW: \"mypass\"", "#FTPTYPE = I", "#FTPGETFILENAME: \"\"",
                "#FTPGETPATH: \".\"", "#FTPPUTFILENAME: \"Testseb3.txt\"",
                "#FTPPUTPATH: \".\""}));
}

TEST_CASE("5.5.2 AT#VTCP=2 - and a bad socket id") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#VTCP=2") ==
        answer({"#DLEMODE: 2,1", "#TCPSERV: 2,\"\"", "#TCPPORT: 2,0", "#TCPTXDELAY: 2,100"}));
  CHECK(module.at("AT#VTCP =1") ==
        answer({"#DLEMODE: 1,1", "#TCPSERV: 1,\"\"", "#TCPPORT: 1,0", "#TCPTXDELAY: 1,100"}));
  CHECK(module.at("AT#VTCP=3") == "\r\n#CME ERROR: 34882\r\n");
  CHECK(module.at("AT#VTCP") == "\r\n#CME ERROR: 34819\r\n");
}

TEST_CASE("8.1.2 AT#VVERSION") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#VVERSION") ==
        answer({"#VERSION: \"eDsoft-W302_V03.00 67826 Jan 14 2005 12:00:00\""}));
}

TEST_CASE("8.3.2 AT#VALL with the example's values: blocks after an empty line") {
  ModuleDriver module = quietDriver();
  set(module, {"AT#APNPW=\"acces\"", "AT#APNSERV=\"a2bouygtel.com\"", "AT#APNUN=\"a2b\"",
               "AT#FTPSERV=\"mytestwebsite.com\"", "AT#FTPUN=\"mylogin\"",
               "AT#FTPPW=\"mypassword\"", "AT#FTPGETPATH=\".\"",
               "AT#FTPPUTFILENAME=\"Testseb3.txt\"", "AT#FTPPUTPATH=\".\"",
               "AT#DOMAIN=\"a2bouygtel.com\"", "AT#SENDERADDR=\"toto@bouygtel.com\"",
               "AT#SENDERNAME=\"toto\"", "AT#SMTPSERV=\"smtp.a2bouygtel.com\"",
               "AT#REC1=\"lesavecom.com\"", "AT#SUBJ1=\"Test\"",
               "AT#BODY3=\"9:1234567890abcd\""});
  CHECK(module.at("AT#VALL") ==
        answer({"eDsoft-W302_V03.00", "",
                "#ANSWERMODE: 0", "#CALLBACKTIMER: 2", "#CALLSCREENNUM: \"0\"", "#DIALN1: \"\"",
                "#DIALN2: \"\"", "#DIALSELECT: 1", "#GPRSMODE: 1", "#PHYTIMEOUT: 15",
                "#REDIALCOUNT: 5", "#REDIALDELAY: 5", "#RINGCOUNT: 0", "",
                "#ISPUN: \"\"", "#ISPPW: \"\"", "#PPPMODE: 1", "#PPPMYIP: \"0.0.0.0\"",
                "#PPPPEERIP: \"0.0.0.0\"", "#PPPSERVUN: \"\"", "#PPPSERVPW: \"\"", "",
                "#GPRSCID: 1", "#APNPW: \"acces\"", "#APNSERV: \"a2bouygtel.com\"",
                "#APNUN: \"a2b\"", "",
                "#DNSSERV1: \"0.0.0.0\"", "#DNSSERV2: \"0.0.0.0\"", "",
                "#FTPSERV: \"mytestwebsite.com\"", "#FTPPORT: 21", "#FTPUN: \"mylogin\"",
                "#FTPPW: \"mypassword\"", "#FTPTYPE = I", "#FTPGETFILENAME: \"\"",
                "#FTPGETPATH: \".\"", "#FTPPUTFILENAME: \"Testseb3.txt\"", "#FTPPUTPATH: \".\"",
                "",
                "#POP3HEADERMODE: 1", "#POP3PORT: 110", "#POP3PW: \"\"", "#POP3SERV: \"\"",
                "#POP3UN: \"\"", "",
                "#DOMAIN: \"a2bouygtel.com\"", "#SENDERADDR: \"toto@bouygtel.com\"",
                "#SENDERNAME: \"toto\"", "#SMTPPORT: 25", "#SMTPPW: \"\"",
                "#SMTPSERV: \"smtp.a2bouygtel.com\"", "#SMTPUN: \"\"", "",
                "#BODY1: \"\"", "#CCREC1: \"\"", "#REC1: \"lesavecom.com\"", "#SUBJ1: \"Test\"",
                "",
                "#BODY2: \"\"", "#CCREC2: \"\"", "#REC2: \"\"", "#SUBJ2: \"\"", "",
                "#BODY3: \"9:1234567890abcd\"", "#CCREC3: \"\"", "#REC3: \"\"", "#SUBJ3: \"\"",
                "",
                "#DLEMODE: 1,1", "#TCPSERV: 1,\"\"", "#TCPPORT: 1,0", "#TCPTXDELAY: 1,100",
                "#DLEMODE: 2,1", "#TCPSERV: 2,\"\"", "#TCPPORT: 2,0", "#TCPTXDELAY: 2,100", "",
                "#UDPSERV: \"\"", "#UDPPORT: 0", "#UDPTXDELAY: 100", "",
                "#PINGDELAY: 1", "#PINGNUM: 4", "#PINGREMOTE: \"\""}));
}

TEST_CASE("8.2.2 AT#VSTATE - #NO SERVICE without radio has no OK") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#VSTATE") == answer({"#STATE: \"IDLE\""}));
  Scenario noNetwork;
  noNetwork.network.registration = 0;
  ModuleDriver lonely = quietDriver(noNetwork);
  CHECK(lonely.at("AT#VSTATE") == "\r\n#NO SERVICE\r\n");
}

TEST_CASE("2.3.2 AT#DISPLAYIP without a link answers 35867") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#DISPLAYIP") == "\r\n#CME ERROR: 35867\r\n");
}

}  // namespace
}  // namespace atsharp::reference::test
