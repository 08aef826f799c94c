// Every parameter set and read back against the reference module, through a real pty: as text
// over the whole catalogue, typed over the whole catalogue, and with the natural values of each
// kind a host application writes.

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "for_each_parameter.hpp"
#include "module_rig.hpp"
#include "sample_values.hpp"

namespace atsharp::test {
namespace {

using catalogue::Param;
using namespace std::chrono_literals;

template <Param P>
ValueOf<P> sampleValue(int variant) {
  return *ValueText<ValueOf<P>>::read(legalSample(catalogue::spec(P), variant));
}

template <Param P>
std::string textOf(const ValueOf<P>& value) {
  return ValueText<ValueOf<P>>::write(value);
}

}  // namespace

TEST_CASE("every parameter set as text reads back as the same text") {
  ModuleRig rig;
  Module& module = rig.module();
  for (const auto& [parameter, id] : everyValue()) {
    const std::string sample = sampleFor(parameter, id);
    CAPTURE(catalogue::spec(parameter).name);
    CAPTURE(sample);
    module.setText(parameter, sample, id);
    CHECK(module.getText(parameter, id) == sample);
  }
  // Read again once all are set: no value overwrote another (socket 1 and 2 apart).
  for (const auto& [parameter, id] : everyValue()) {
    CAPTURE(catalogue::spec(parameter).name);
    CHECK(module.getText(parameter, id) == sampleFor(parameter, id));
  }
}

TEST_CASE("every parameter set typed reads back as the same value") {
  ModuleRig rig;
  Module& module = rig.module();
  forEachParameter([&]<Param P>() {
    CAPTURE(catalogue::spec(P).name);
    const param::Tag<P> tag;
    if constexpr (tag.bySocket) {
      module.set(tag, SocketId(1), sampleValue<P>(0));
      module.set(tag, SocketId(2), sampleValue<P>(1));
      CHECK(textOf<P>(module.get(tag, SocketId(1))) == textOf<P>(sampleValue<P>(0)));
      CHECK(module.get(tag, SocketId(2)) == sampleValue<P>(1));
    } else {
      module.set(tag, sampleValue<P>(0));
      CHECK(textOf<P>(module.get(tag)) == textOf<P>(sampleValue<P>(0)));
      CHECK(module.get(tag) == sampleValue<P>(0));
    }
  });
}

TEST_CASE("the physical and PPP parameters with their natural values") {
  ModuleRig rig;
  Module& module = rig.module();
  module.set(param::Answermode, AnswerMode::StaticCallback);
  module.set(param::Callbacktimer, 30s);
  module.set(param::Callscreennum, CallScreen("0612345678"));
  module.set(param::Dialn1, "+33612345678");
  module.set(param::Dialselect, DialSelect::Secondary);
  module.set(param::Gprsmode, GprsMode::Gsm);
  module.set(param::Phytimeout, 4h);
  module.set(param::Redialcount, 0);
  module.set(param::Redialdelay, 14s);
  module.set(param::Ringcount, 15);
  module.set(param::Pppmode, PppMode::Specific);
  module.set(param::Pppmyip, Ipv4Address(10, 0, 0, 1));
  module.set(param::Isppw, "s3cret pass");
  CHECK(module.get(param::Answermode) == AnswerMode::StaticCallback);
  CHECK(module.get(param::Callbacktimer) == 30s);
  CHECK(module.get(param::Callscreennum).caller() == "0612345678");
  CHECK(module.get(param::Dialn1) == "+33612345678");
  CHECK(module.get(param::Dialn2) == "");
  CHECK(module.get(param::Dialselect) == DialSelect::Secondary);
  CHECK(module.get(param::Gprsmode) == GprsMode::Gsm);
  CHECK(module.get(param::Phytimeout).duration() == 240min);
  CHECK(module.get(param::Redialcount) == 0);
  CHECK(module.get(param::Redialdelay) == 14s);
  CHECK(module.get(param::Ringcount) == 15);
  CHECK(module.get(param::Pppmode) == PppMode::Specific);
  CHECK(module.get(param::Pppmyip) == Ipv4Address(10, 0, 0, 1));
  CHECK(module.get(param::Ppppeerip).isUnspecified());
  CHECK(module.get(param::Isppw) == "s3cret pass");
  module.set(param::Callscreennum, CallScreen::everybody());
  CHECK(module.get(param::Callscreennum).letsEverybodyIn());
}

TEST_CASE("the service parameters with their natural values") {
  ModuleRig rig;
  Module& module = rig.module();
  module.set(param::Ftpserv, Ipv4Address(127, 0, 0, 1));
  module.set(param::Ftpport, 2121);
  module.set(param::Ftptype, FtpType::Ascii);
  module.set(param::Ftpgetpath, "/pub/files");
  module.set(param::Pop3headermode, Pop3HeaderMode::HeaderNotSent);
  module.set(param::Smtpserv, "smtp.example.com");
  module.set(param::Udpport, 5000);
  module.set(param::Udptxdelay, 0ms);
  module.set(param::Pingremote, "localhost");
  module.set(param::Pingdelay, 255s);
  module.set(param::Dnsserv1, Ipv4Address(127, 0, 0, 53));
  CHECK(module.get(param::Ftpserv).address() == Ipv4Address(127, 0, 0, 1));
  CHECK(module.get(param::Ftpport) == 2121);
  CHECK(module.get(param::Ftptype) == FtpType::Ascii);
  CHECK(module.get(param::Ftpgetpath) == "/pub/files");
  CHECK(module.get(param::Pop3headermode) == Pop3HeaderMode::HeaderNotSent);
  CHECK(module.get(param::Smtpserv).isName());
  CHECK(module.get(param::Udpport).number() == 5000);
  CHECK(module.get(param::Udptxdelay) == 0ms);
  CHECK(module.get(param::Pingremote) == "localhost");
  CHECK(module.get(param::Pingdelay) == 255s);
  CHECK(module.get(param::Dnsserv1) == Ipv4Address(127, 0, 0, 53));
  CHECK(module.get(param::Dnsserv2) == Ipv4Address());
}

TEST_CASE("the TCP parameters hold one value per socket") {
  ModuleRig rig;
  Module& module = rig.module();
  CHECK_FALSE(module.get(param::Tcpport, SocketId(1)).isSet());
  module.set(param::Tcpport, SocketId(1), 23);
  module.set(param::Tcpport, SocketId(2), 8080);
  module.set(param::Tcpserv, SocketId(1), Ipv4Address(127, 0, 0, 1));
  module.set(param::Tcpserv, SocketId(2), "peer.example");
  module.set(param::Tcptxdelay, SocketId(2), 32760ms);
  module.set(param::Dlemode, SocketId(2), DleMode::Off);
  CHECK(module.get(param::Tcpport, SocketId(1)) == 23);
  CHECK(module.get(param::Tcpport, SocketId(2)) == 8080);
  CHECK(module.get(param::Tcpserv, SocketId(1)) == "127.0.0.1");
  CHECK(module.get(param::Tcpserv, SocketId(2)).isName());
  CHECK(module.get(param::Tcptxdelay, SocketId(1)) == 100ms);
  CHECK(module.get(param::Tcptxdelay, SocketId(2)) == 32760ms);
  CHECK(module.get(param::Dlemode, SocketId(1)) == DleMode::On);
  CHECK(module.get(param::Dlemode, SocketId(2)) == DleMode::Off);
  // The Module codes socket 2's sessions as the DLEMODE it set says (5.1.1).
  CHECK(module.tcpCoding(SocketId(2)) == DataCoding::PassThrough);
  CHECK(module.tcpCoding(SocketId(1)) == DataCoding::Dle);
}

TEST_CASE("recipient lists and bodies are written and read as whole values") {
  ModuleRig rig;
  Module& module = rig.module();
  const ValueOf<Param::Rec1> three{"a@example.com", "b@example.com", "c@example.com"};
  module.set(param::Rec1, three);
  CHECK(module.get(param::Rec1) == three);
  // The entry replaces the whole list (3.1.5, NOTE1), as does a single address.
  module.set(param::Rec1, {"d@example.com", "e@example.com"});
  CHECK(module.get(param::Rec1) == ValueOf<Param::Rec1>{"d@example.com", "e@example.com"});
  module.set(param::Rec1, "only@example.com");
  CHECK(module.get(param::Rec1).addresses() == std::vector<std::string>{"only@example.com"});
  module.set(param::Rec1, {});
  CHECK(module.get(param::Rec1).empty());
  module.set(param::Ccrec3, {"x@example.com", "y@example.com"});
  CHECK(module.getText(Param::Ccrec3) == "x@example.com,y@example.com");
  CHECK(module.get(param::Ccrec1).empty());

  module.set(param::Body2, "Hello,\nthe meter reads 42.\n\nBye");
  CHECK(module.get(param::Body2) == "Hello,\r\nthe meter reads 42.\r\n\r\nBye");
  CHECK(module.get(param::Body1).empty());
  module.set(param::Body2, "");
  CHECK(module.get(param::Body2).empty());
  module.set(param::Subj2, "Meter 7");
  CHECK(module.get(param::Subj2) == "Meter 7");
}

}  // namespace atsharp::test
