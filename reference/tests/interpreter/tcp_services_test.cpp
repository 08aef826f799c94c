// TCP sockets (chapter 5) in-process, against a scripted network: what the module asks of the
// network, and what the host sees, byte for byte.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "service_fixture.hpp"

namespace atsharp::reference::test {
namespace {

const std::string kEtx = "\x03";

TEST_CASE("A.8.2 AT#otcp=1: connect - data both ways DLE-coded - the host's ETX closes") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,\"23\"", "AT#TCPTXDELAY=1,0"});
  CHECK(f.module.at("AT#otcp=1") == "");
  CHECK(f.net.take() == Requests{"1 tcpConnect 127.0.0.2 -> 1.2.3.4:23"});
  CHECK(f.module.network(Connected{1, {"1.2.3.4", 23}}) == result("Ok_Info_WaitingForData"));
  // Host payload A DLE ETX B arrives escaped; TCPTXDELAY 0 sends it at once.
  CHECK(f.module.send("A\x10\x10\x10\x03" "B") == "");
  CHECK(f.net.take() == Requests{"1 send \"A\\x10\\x03B\""});
  CHECK(f.module.network(Received{1, toBytes("x\x03y\x10"), {}}) == "x\x10\x03y\x10\x10");
  CHECK(f.module.send(kEtx) == kEtx + kOk);
  CHECK(f.net.take() == Requests{"1 close"});
  CHECK(f.module.at("AT") == kOk);
}

TEST_CASE("a remote close: ETX - Ok_Info_SocketClosed - OK (5.4.2)") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23"});
  f.module.at("AT#OTCP=1");
  f.module.network(Connected{1, {"1.2.3.4", 23}});
  CHECK(f.module.network(Closed{1}) == kEtx + result("Ok_Info_SocketClosed") + kOk);
  CHECK(f.module.at("AT#VSTATE") == "\r\n#STATE: \"CONNECTED\"\r\n" + kOk);
}

TEST_CASE("an error in data mode comes after an ETX - before data mode without one") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23"});
  f.module.at("AT#OTCP=1");
  CHECK(f.module.network(Failed{1, catalogue::CmeError::OpenSessionFailed}) == error(38016));
  f.module.at("AT#OTCP=1");
  f.module.network(Connected{2, {"1.2.3.4", 23}});
  CHECK(f.module.network(Failed{2, catalogue::CmeError::TcpSessionCancelled}) ==
        kEtx + error(37952));
  CHECK(f.module.at("AT") == kOk);
}

TEST_CASE("TCPTXDELAY gathers the host's bytes - a full segment leaves at once") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23", "AT#TCPTXDELAY=1,200"});
  f.module.at("AT#OTCP=1");
  f.module.network(Connected{1, {"1.2.3.4", 23}});
  f.net.take();
  f.module.send("ab");
  f.module.wait(ModuleTime{100});
  f.module.send("cd");
  CHECK(f.net.take().empty());
  f.module.wait(ModuleTime{100});
  CHECK(f.net.take() == Requests{"1 send \"abcd\""});
  f.module.send(std::string(1460 + 3, 'z'));
  CHECK(f.net.take() == Requests{"1 send \"" + std::string(1460, 'z') + "\""});
  CHECK(f.module.send(kEtx) == kEtx + kOk);
  CHECK(f.net.take() == Requests{"1 send \"zzz\"", "1 close"});
}

TEST_CASE("a remote close while host bytes wait out TCPTXDELAY: ETX - 37966 - nothing sent") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23", "AT#TCPTXDELAY=1,200"});
  f.module.at("AT#OTCP=1");
  f.module.network(Connected{1, {"1.2.3.4", 23}});
  f.net.take();
  CHECK(f.module.send("ab") == "");
  CHECK(f.module.network(Closed{1}) == kEtx + error(37966));
  CHECK(f.net.take().empty());  // the connection is gone: no send after its end
  f.module.wait(ModuleTime{200});
  CHECK(f.net.take().empty());  // and the delay's timer went with it
  CHECK(f.module.at("AT#VSTATE") == "\r\n#STATE: \"CONNECTED\"\r\n" + kOk);
}

TEST_CASE("DLEMODE 0: bytes pass untouched both ways - ETX is data") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23", "AT#TCPTXDELAY=1,0", "AT#DLEMODE=1,0"});
  f.module.at("AT#OTCP=1");
  f.module.network(Connected{1, {"1.2.3.4", 23}});
  f.net.take();
  CHECK(f.module.send("a\x03\x10" "b") == "");
  CHECK(f.net.take() == Requests{"1 send \"a\\x03\\x10b\""});
  CHECK(f.module.network(Received{1, toBytes("\x10\x03"), {}}) == "\x10\x03");
  CHECK(f.module.network(Closed{1}) == kEtx + result("Ok_Info_SocketClosed") + kOk);
}

TEST_CASE("a server name goes to DNSSERV1 and DNSSERV2 - no DNS server 38027") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"echo.test\"", "AT#TCPPORT=1,7"});
  CHECK(f.module.at("AT#OTCP=1") == error(38027));
  CHECK(f.net.take().empty());
  f.set({"AT#DNSSERV1=\"127.0.0.53\"", "AT#DNSSERV2=\"127.0.0.54\""});
  f.module.at("AT#OTCP=1");
  // The question leaves from the module's address, as its connection does.
  CHECK(f.net.take() ==
        Requests{"1 resolve 127.0.0.2 -> echo.test @ 127.0.0.53 127.0.0.54 :53"});
  f.module.network(Resolved{1, "127.0.0.9"});
  CHECK(f.net.take() == Requests{"2 tcpConnect 127.0.0.2 -> 127.0.0.9:7"});
  f.module.network(Failed{2, catalogue::CmeError::OpenSessionFailed});
  f.module.at("AT#OTCP=1");
  CHECK(f.module.network(Failed{3, catalogue::CmeError::DnsResolutionFailed}) == error(38027));
}

TEST_CASE("TCPPORT 0 or no TCPSERV: 36929") {
  ServiceFixture f;
  CHECK(f.module.at("AT#OTCP=1") == error(36929));
  f.set({"AT#TCPPORT=2,23"});
  CHECK(f.module.at("AT#OTCP=2") == error(36929));
  CHECK(f.module.at("AT#OTCP=3") == error(34882));
  CHECK(f.module.at("AT#OTCP") == error(34819));
  CHECK(f.net.take().empty());
}

TEST_CASE("a socket id other than 1 or 2 answers 34882 on each TCP command - no id 34819") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23"});  // socket 1 itself could start
  for (const char* line : {"AT#OTCP=0", "AT#OTCP=3", "AT#OTCP=x", "AT#LTCPSTART=0",
                           "AT#LTCPSTART=3", "AT#LTCPSTOP=0", "AT#LTCPSTOP=3", "AT#VTCP=0",
                           "AT#VTCP=3"}) {
    CAPTURE(line);
    CHECK(f.module.at(line) == error(34882));
  }
  for (const char* line : {"AT#LTCPSTART", "AT#LTCPSTOP"}) {
    CAPTURE(line);
    CHECK(f.module.at(line) == error(34819));
  }
  CHECK(f.net.take().empty());
  CHECK(f.module.at("AT") == kOk);
}

TEST_CASE("A.8.1 AT#ltcpstart=1: OK once listening - Ok_Info_WaitingForData when a peer comes") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"255.255.255.255\"", "AT#TCPPORT=1,\"23\""});
  CHECK(f.module.at("AT#ltcpstart=1") == "");
  CHECK(f.net.take() == Requests{"1 tcpListen 127.0.0.2:23"});
  CHECK(f.module.network(Listening{1}) == kOk);
  CHECK(f.module.at("AT#VSTATE") == "\r\n#STATE: \"CONNECTED\"\r\n" + kOk);
  CHECK(f.module.network(Connected{1, {"127.0.0.7", 40000}}) == result("Ok_Info_WaitingForData"));
  CHECK(f.module.network(Received{1, toBytes("hi"), {}}) == "hi");
  CHECK(f.module.send(kEtx) == kEtx + kOk);
}

TEST_CASE("a listener's TCPSERV filters its peer") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=2,\"127.0.0.4\"", "AT#TCPPORT=2,2000"});
  f.module.at("AT#LTCPSTART=2");
  CHECK(f.net.take() == Requests{"1 tcpListen 127.0.0.2:2000 from 127.0.0.4"});
}

TEST_CASE("a listener's TCPSERV 255.255.255.255 or empty filters nobody (A.8.1)") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=2,\"255.255.255.255\"", "AT#TCPPORT=2,2000", "AT#TCPPORT=1,2001"});
  // No DNS question for the filter, and no "from" on either listener.
  f.module.at("AT#LTCPSTART=2");
  CHECK(f.net.take() == Requests{"1 tcpListen 127.0.0.2:2000"});
  CHECK(f.module.network(Listening{1}) == kOk);
  f.module.at("AT#LTCPSTART=1");  // TCPSERV of socket 1: its default, empty
  CHECK(f.net.take() == Requests{"2 tcpListen 127.0.0.2:2001"});
  CHECK(f.module.network(Listening{2}) == kOk);
  CHECK(f.module.network(Connected{1, {"127.0.0.200", 40000}}) ==
        result("Ok_Info_WaitingForData"));
}

TEST_CASE("a peer arriving while a command runs waits for its end - its data kept") {
  ServiceFixture f;
  f.set({"AT#TCPPORT=1,23"});
  f.module.at("AT#LTCPSTART=1");
  f.module.network(Listening{1});
  f.module.at("AT#BODY1");  // an entry holds the line
  CHECK(f.module.network(Connected{1, {"127.0.0.7", 40000}}) == "");
  CHECK(f.module.network(Received{1, toBytes("early"), {}}) == "");
  CHECK(f.module.send("x\x1a") == kOk + result("Ok_Info_WaitingForData") + "early");
}

TEST_CASE("an ETX before any peer aborts the listen: Ok_Info_SocketClosed - OK (5.2.1)") {
  ServiceFixture f;
  f.set({"AT#TCPPORT=1,23"});
  f.module.at("AT#LTCPSTART=1");
  f.module.network(Listening{1});
  f.net.take();
  CHECK(f.module.send(kEtx) == result("Ok_Info_SocketClosed") + kOk);
  CHECK(f.net.take() == Requests{"1 close"});
  CHECK(f.module.network(Connected{1, {"127.0.0.7", 40000}}) == "");  // gone
}

TEST_CASE("AT#LTCPSTOP=id stops listening") {
  ServiceFixture f;
  f.set({"AT#TCPPORT=2,23"});
  f.module.at("AT#LTCPSTART=2");
  f.module.network(Listening{1});
  f.net.take();
  CHECK(f.module.at("AT#LTCPSTOP=2") == kOk);
  CHECK(f.net.take() == Requests{"1 close"});
  CHECK(f.module.at("AT#LTCPSTOP=2") == kOk);
  CHECK(f.module.at("AT#LTCPSTART=2") == "");  // the socket is free again
}

TEST_CASE("two TCP sockets at once: one listens while the other is in data mode") {
  ServiceFixture f;
  f.set({"AT#TCPPORT=1,23", "AT#TCPSERV=2,\"1.2.3.4\"", "AT#TCPPORT=2,80"});
  f.module.at("AT#LTCPSTART=1");
  f.module.network(Listening{1});
  f.module.at("AT#OTCP=2");
  CHECK(f.module.network(Connected{2, {"1.2.3.4", 80}}) == result("Ok_Info_WaitingForData"));
  CHECK(f.module.network(Connected{1, {"127.0.0.7", 40000}}) == "");  // the line is taken
  CHECK(f.module.send(kEtx) == kEtx + kOk + result("Ok_Info_WaitingForData"));
  CHECK(f.module.network(Received{1, toBytes("one"), {}}) == "one");
}

TEST_CASE("a socket's parameters are fixed while it runs (37123) - the other socket's are not") {
  ServiceFixture f;
  f.set({"AT#TCPPORT=1,23"});
  f.module.at("AT#LTCPSTART=1");
  f.module.network(Listening{1});
  CHECK(f.module.at("AT#TCPPORT=1,24") == error(37123));
  CHECK(f.module.at("AT#TCPPORT=2,24") == kOk);
  CHECK(f.module.at("AT#OTCP=1") == error(36872));
}

TEST_CASE("the link going down ends data mode: ETX - 35867 - then the link's own message") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23"});
  f.module.at("AT#OTCP=1");
  f.module.network(Connected{1, {"1.2.3.4", 23}});
  f.net.take();
  CHECK(f.module.inject(GprsSessionLost{}) == kEtx + error(35867) + error(35841));
  CHECK(f.net.take() == Requests{"1 close"});
}

TEST_CASE("unsolicited lines wait out data mode") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23"});
  f.module.at("AT+CREG=1");
  f.module.at("AT#OTCP=1");
  f.module.network(Connected{1, {"1.2.3.4", 23}});
  CHECK(f.module.inject(Registration{5}) == "");
  CHECK(f.module.send(kEtx) == kEtx + kOk + "\r\n+CREG: 5\r\n");
}

TEST_CASE("data the host sends right behind AT#OTCP waits for the connection") {
  ServiceFixture f;
  f.set({"AT#TCPSERV=1,\"1.2.3.4\"", "AT#TCPPORT=1,23", "AT#TCPTXDELAY=1,0"});
  f.module.send("AT#OTCP=1\rhello\x03");
  CHECK(f.net.take() == Requests{"1 tcpConnect 127.0.0.2 -> 1.2.3.4:23"});
  CHECK(f.module.network(Connected{1, {"1.2.3.4", 23}}) ==
        result("Ok_Info_WaitingForData") + kEtx + kOk);
  CHECK(f.net.take() == Requests{"1 send \"hello\"", "1 close"});
}

}  // namespace
}  // namespace atsharp::reference::test
