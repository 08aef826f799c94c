// Reading the parameter displays: the spec's own examples (2.4 to 8.3), each variant form it
// shows, and the answers that do not fit.

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "atsharp/module/module.hpp"

namespace atsharp::test {
namespace {

using catalogue::Display;
using catalogue::Param;
using Lines = std::vector<std::string>;
using namespace std::chrono_literals;

// The ProtocolError reading @p lines with @p parse throws; fails the test when it throws none.
template <class Parse>
ProtocolError protocolErrorOf(Parse parse) {
  try {
    parse();
  } catch (const ProtocolError& error) {
    return error;
  }
  FAIL("no ProtocolError");
  return ProtocolError("", {});
}

// 8.3.2's answer as the response parser hands it over (the empty lines between blocks dropped).
const Lines kVallExample{
    "eDsoft-W302_V03.00",
    "#ANSWERMODE: 0", "#CALLBACKTIMER: 2", "#CALLSCREENNUM: \"0\"", "#DIALN1: \"\"",
    "#DIALN2: \"\"", "#DIALSELECT: 1", "#GPRSMODE: 1", "#PHYTIMEOUT: 15", "#REDIALCOUNT: 5",
    "#REDIALDELAY: 5", "#RINGCOUNT: 0",
    "#ISPUN: \"\"", "#ISPPW: \"\"", "#PPPMODE: 1", "#PPPMYIP: \"0.0.0.0\"",
    "#PPPPEERIP: \"0.0.0.0\"", "#PPPSERVUN: \"\"", "#PPPSERVPW: \"\"",
    "#GPRSCID: 1", "#APNPW: \"acces\"", "#APNSERV: \"a2bouygtel.com\"", "#APNUN: \"a2b\"",
    "#DNSSERV1: \"0.0.0.0\"", "#DNSSERV2: \"0.0.0.0\"",
    "#FTPSERV: \"mytestwebsite.com\"", "#FTPPORT: 21", "#FTPUN: \"mylogin\"",
    "#FTPPW: \"mypassword\"", "#FTPTYPE = I", "#FTPGETFILENAME: \"\"", "#FTPGETPATH: \".\"",
    "#FTPPUTFILENAME: \"Testseb3.txt\"", "#FTPPUTPATH: \".\"",
    "#POP3HEADERMODE: 1", "#POP3PORT: 110", "#POP3PW: \"\"", "#POP3SERV: \"\"", "#POP3UN: \"\"",
    "#DOMAIN: \"a2bouygtel.com\"", "#SENDERADDR: \"toto@bouygtel.com\"", "#SENDERNAME: \"toto\"",
    "#SMTPPORT: 25", "#SMTPPW: \"\"", "#SMTPSERV: \"smtp.a2bouygtel.com\"", "#SMTPUN: \"\"",
    "#BODY1: \"\"", "#CCREC1: \"\"", "#REC1: \"lesavecom.com\"", "#SUBJ1: \"Test\"",
    "#BODY2: \"\"", "#CCREC2: \"\"", "#REC2: \"\"", "#SUBJ2: \"\"",
    "#BODY3: \"9:1234567890abcd\"", "#CCREC3: \"\"", "#REC3: \"\"", "#SUBJ3: \"\"",
    "#DLEMODE: 1,1", "#TCPSERV: 1,\"\"", "#TCPPORT: 1,0", "#TCPTXDELAY: 1,100",
    "#DLEMODE: 2,1", "#TCPSERV: 2,\"\"", "#TCPPORT: 2,0", "#TCPTXDELAY: 2,100",
    "#UDPPORT : 0", "#UDPSERV : \"\"", "#UDPTXDELAY:100",
    "#PINGDELAY:1", "#PINGNUM: 4", "#PINGREMOTE: \"\"",
};

}  // namespace

TEST_CASE("the AT#VALL example of 8.3.2 reads whole - with its variant forms") {
  const AllDisplay all = parseAllDisplay(kVallExample);
  CHECK(all.software == "eDsoft-W302_V03.00");
  CHECK(all.phy == PhyDisplay{});
  CHECK(all.ppp == PppDisplay{});
  CHECK(all[param::Apnpw] == "acces");
  CHECK(all[param::Apnserv] == "a2bouygtel.com");
  CHECK(all.gprs[param::Gprscid] == 1);
  CHECK(all[param::Ftpserv].isName());
  CHECK(all[param::Ftptype] == FtpType::Binary);  // "#FTPTYPE = I"
  CHECK(all[param::Ftpgetpath] == ".");
  CHECK(all[param::Senderaddr] == "toto@bouygtel.com");
  CHECK(all[param::Rec1].addresses() == std::vector<std::string>{"lesavecom.com"});
  CHECK(all[param::Subj1] == "Test");
  CHECK(all[param::Body3] == "9:1234567890abcd");
  CHECK(all.body[2] == "9:1234567890abcd");
  CHECK(all.mail[1].combination == MailCombination(2));
  CHECK(all.get(param::Dlemode, SocketId(2)) == DleMode::On);
  CHECK_FALSE(all.get(param::Tcpport, SocketId(1)).isSet());
  CHECK(all.tcp[1].id == SocketId(2));
  CHECK(all.udp == UdpDisplay{});  // "#UDPPORT : 0", "#UDPSERV : """, "#UDPTXDELAY:100"
  CHECK(all.ping == PingDisplay{});  // "#PINGDELAY:1"
  CHECK(all.text(Param::Ftptype) == "I");
  CHECK(all.text(Param::Tcptxdelay, SocketId(2)) == "100");
  CHECK(all.text(Param::Body3) == "9:1234567890abcd");
  CHECK_THROWS_AS(all.text(Param::Tcptxdelay), UsageError);
  CHECK_THROWS_AS(all.text(Param::Pingnum, SocketId(1)), UsageError);
}

TEST_CASE("the display examples of chapters 2 to 7 read as the spec prints them") {
  const PppDisplay ppp = parseDisplay<Display::Vppp>(
      Lines{"#ISPUN: \"myispun\"", "#ISPPW: \"myisppwd\"", "#PPPMODE: 1", "#PPPMYIP: \"0.0.0.0\"",
            "#PPPPEERIP: \"0.0.0.0\"", "#PPPSERVUN: \"myname\"", "#PPPSERVPW: \"mypasswd\""});
  CHECK(ppp[param::Isppw] == "myisppwd");
  CHECK(ppp[param::Pppmode] == PppMode::Standard);
  CHECK(ppp.text(Param::Pppservun) == "myname");

  const GprsDisplay gprs = parseDisplay<Display::Vgprs>(
      Lines{"#GPRSCID: 1", "#APNPW: \"acces\"", "#APNSERV: \"a2myoperator.com\"", "#APNUN: \"a2b\""});
  CHECK(gprs[param::Apnun] == "a2b");

  const PhyDisplay phy = parseDisplay<Display::Vphy>(
      Lines{"#ANSWERMODE: 0", "#CALLBACKTIMER: 2", "#CALLSCREENNUM: \"0\"", "#DIALN1: \"\"",
            "#DIALN2: \"\"", "#DIALSELECT: 1", "#GPRSMODE: 1", "#PHYTIMEOUT: 15",
            "#REDIALCOUNT: 5", "#REDIALDELAY: 5", "#RINGCOUNT: 0"});
  CHECK(phy == PhyDisplay{});
  CHECK(phy[param::Phytimeout] == 15min);

  const Pop3Display pop3 = parseDisplay<Display::Vpop3>(
      Lines{"#POP3HEADERMODE: 1", "#POP3PORT: 110", "#POP3PW: \"mypop3passwd\"",
            "#POP3SERV: \"pop3server\"", "#POP3UN: \"mypop3un\""});
  CHECK(pop3[param::Pop3serv] == "pop3server");

  const DnsDisplay dns = parseDisplay<Display::Vdns>(Lines{"#DNSSERV1: \"0.0.0.0\"", "#DNSSERV2: \"0.0.0.0\""});
  CHECK(dns == DnsDisplay{});

  const FtpDisplay ftp = parseDisplay<Display::Vftp>(
      Lines{"#FTPSERV: \"mytestwebsite.com\"", "#FTPPORT: 21", "#FTPUN: \"myname\"",
            "#FTPPW: \"mypass\"", "#FTPTYPE = I", "#FTPGETFILENAME: \"\"", "#FTPGETPATH: \".\"",
            "#FTPPUTFILENAME: \"Testseb3.txt\"", "#FTPPUTPATH: \".\""});
  CHECK(ftp[param::Ftpputfilename] == "Testseb3.txt");
  CHECK(ftp[param::Ftptype] == FtpType::Binary);

  const TcpDisplay tcp = parseTcpDisplay(
      Lines{"#DLEMODE: 2,1", "#TCPSERV: 2,\"\"", "#TCPPORT: 2,0", "#TCPTXDELAY: 2,100"}, SocketId(2));
  CHECK(tcp == TcpDisplay{{}, SocketId(2)});

  const UdpDisplay udp =
      parseDisplay<Display::Vudp>(Lines{"#UDPSERV: \"\"", "#UDPPORT: 0", "#UDPTXDELAY: 100"});
  CHECK(udp == UdpDisplay{});

  const PingDisplay ping =
      parseDisplay<Display::Vping>(Lines{"#PINGDELAY: 1", "#PINGNUM: 4", "#PINGREMOTE: \"\""});
  CHECK(ping[param::Pingnum] == 4);

  // 3.5.2 writes "REC1=" with nothing after it.
  const MailDisplay mail = parseMailDisplay(Lines{"REC1=", "CCREC1=", "SUBJ1="}, MailCombination(1));
  CHECK(mail == MailDisplay{{}, MailCombination(1)});
}

TEST_CASE("the AT#VSMTP example of 3.7.2 has a space inside SMTPSERV - it does not fit") {
  const ProtocolError error = protocolErrorOf([] {
    parseDisplay<Display::Vsmtp>(
        Lines{"#DOMAIN: \"a2myoper.com\"", "#SENDERADDR: \"toto@myoper.com\"",
              "#SENDERNAME: \"toto\"", "#SMTPPORT: 25", "#SMTPPW: \"mysmtppw\"",
              "#SMTPSERV: \"smtp. a2myoper.com\"", "#SMTPUN: \"mysmtpun\""});
  });
  CHECK(std::string(error.what()) ==
        "AT#VSMTP: SMTPSERV shows \"smtp. a2myoper.com\", which it cannot hold: must be a "
        "dotted-decimal IPv4 address or a host name of at most 120 characters");
  // The bytes are the answer, the password masked.
  const std::string bytes = asString(error.bytes());
  CHECK(bytes.find("#SMTPPW: ****\r\n") != std::string::npos);
  CHECK(bytes.find("mysmtppw") == std::string::npos);
  CHECK(bytes.find("#SMTPSERV: \"smtp. a2myoper.com\"\r\n") != std::string::npos);
}

TEST_CASE("an answer that does not fit its display throws ProtocolError naming what is wrong") {
  const Lines ping{"#PINGDELAY: 1", "#PINGNUM: 4", "#PINGREMOTE: \"\""};
  const auto pingWith = [&](const Lines& lines) {
    return std::string(protocolErrorOf([&] { parseDisplay<Display::Vping>(lines); }).what());
  };
  CHECK(pingWith({"#PINGDELAY: 1", "#PINGREMOTE: \"\""}) == "AT#VPING: no #PINGNUM line");
  CHECK(pingWith({"#PINGDELAY: 1", "#PINGNUM: 4", "#PINGNUM: 4", "#PINGREMOTE: \"\""}) ==
        "AT#VPING: PINGNUM is shown twice");
  CHECK(pingWith({"#PINGDELAY: 1", "#PINGNUM: 4", "#PINGREMOTE: \"\"", "#UDPPORT: 0"}) ==
        "AT#VPING: UDPPORT is not shown by this command");
  CHECK(pingWith({"#PINGDELAY: 1", "#PINGNUM: 4", "#PINGREMOTE: \"\"", "garbage"}) ==
        "AT#VPING: a line that shows no parameter value: \"garbage\"");
  CHECK(pingWith({"#PINGDELAY: 0", "#PINGNUM: 4", "#PINGREMOTE: \"\""}) ==
        "AT#VPING: PINGDELAY shows \"0\", which it cannot hold: must be an integer from 1 to 255");
  CHECK(pingWith({"#PINGDELAY: 1", "#PINGNUM: 4", "#PINGREMOTE: \"unclosed"}) ==
        "AT#VPING: a line that shows no parameter value: \"#PINGREMOTE: \"unclosed\"");
  CHECK(pingWith({}) == "AT#VPING: no #PINGDELAY line");
  CHECK(asString(protocolErrorOf([&] {
          parseDisplay<Display::Vping>(Lines{"#PINGDELAY: 1", "#PINGNUM: x", "#PINGREMOTE: \"\""});
        }).bytes()) == "#PINGDELAY: 1\r\n#PINGNUM: x\r\n#PINGREMOTE: \"\"\r\n");

  const auto tcpWith = [&](const Lines& lines) {
    return std::string(protocolErrorOf([&] { parseTcpDisplay(lines, SocketId(1)); }).what());
  };
  CHECK(tcpWith({"#DLEMODE: 2,1", "#TCPSERV: 2,\"\"", "#TCPPORT: 2,0", "#TCPTXDELAY: 2,100"}) ==
        "AT#VTCP=1: no #DLEMODE line of socket 1");
  CHECK(tcpWith({"#DLEMODE: 3,1", "#TCPSERV: 1,\"\"", "#TCPPORT: 1,0", "#TCPTXDELAY: 1,100"}) ==
        "AT#VTCP=1: DLEMODE of socket 3, which does not exist");
  CHECK(tcpWith({"#DLEMODE: 1", "#TCPSERV: 1,\"\"", "#TCPPORT: 1,0", "#TCPTXDELAY: 1,100"}) ==
        "AT#VTCP=1: a line that shows no parameter value: \"#DLEMODE: 1\"");

  // AT#VALL: every parameter must be there, of both sockets.
  Lines missing = kVallExample;
  std::erase(missing, "#TCPTXDELAY: 2,100");
  CHECK(std::string(protocolErrorOf([&] { parseAllDisplay(missing); }).what()) ==
        "AT#VALL: no #TCPTXDELAY line of socket 2");
  // A credential's line is masked also when its value is malformed.
  Lines badSecret = kVallExample;
  *std::ranges::find(badSecret, "#ISPPW: \"\"") = "#ISPPW: \"hunter2";
  const ProtocolError error = protocolErrorOf([&] { parseAllDisplay(badSecret); });
  CHECK(std::string(error.what()) == "AT#VALL: a line that shows no parameter value: \"#ISPPW: ****\"");
  CHECK(asString(error.bytes()).find("hunter2") == std::string::npos);
}

TEST_CASE("a mail display is read by the tags of its own combination") {
  const MailDisplay mail = parseMailDisplay(
      Lines{"#REC2: \"a@b.c,d@e.f\"", "#CCREC2: \"\"", "#SUBJ2: \"Hello\""}, MailCombination(2));
  CHECK(mail[param::Rec2] == ValueOf<Param::Rec2>{"a@b.c", "d@e.f"});
  CHECK(mail[param::Subj2] == "Hello");
  CHECK(mail.text(Param::Rec2) == "a@b.c,d@e.f");
  CHECK_THROWS_WITH_AS(mail[param::Rec1], "AT#VMAIL2 does not show REC1", UsageError);
  CHECK_THROWS_WITH_AS(mail.text(Param::Pingnum), "AT#VMAIL2 does not show PINGNUM", UsageError);
  // The lines of another combination do not fit.
  CHECK_THROWS_AS(parseMailDisplay(Lines{"#REC1: \"\"", "#CCREC1: \"\"", "#SUBJ1: \"\""},
                                   MailCombination(2)),
                  ProtocolError);
}

TEST_CASE("a display's text of a parameter it does not show is a UsageError") {
  CHECK_THROWS_WITH_AS(PingDisplay{}.text(Param::Udpport), "AT#VPING does not show UDPPORT",
                       UsageError);
  CHECK(PingDisplay{}.text(Param::Pingnum) == "4");
  CHECK(PingDisplay::shows().size() == 3);
}

}  // namespace atsharp::test
