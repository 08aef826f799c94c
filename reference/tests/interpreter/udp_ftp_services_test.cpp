// UDP sessions (chapter 6) and FTP transfers (chapter 4) in-process, against a scripted network.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "service_fixture.hpp"

namespace atsharp::reference::test {
namespace {

const std::string kEtx = "\x03";

TEST_CASE("AT#OUDP: to UDPSERV:UDPPORT - datagrams both ways - ETX closes (6.4.2)") {
  ServiceFixture f;
  f.set({"AT#UDPSERV=\"127.0.0.1\"", "AT#UDPPORT=5000", "AT#UDPTXDELAY=20"});
  CHECK(f.module.at("AT#OUDP") == "");
  CHECK(f.net.take() == Requests{"1 udpOpen 127.0.0.2:0"});
  CHECK(f.module.network(Listening{1}) == result("Ok_Info_WaitingForData"));
  f.module.send("ping\x10\x03");
  f.module.wait(ModuleTime{20});
  CHECK(f.net.take() == Requests{"1 send \"ping\\x03\" to 127.0.0.1:5000"});
  CHECK(f.module.network(Received{1, toBytes("pong"), Endpoint{"127.0.0.1", 5000}}) == "pong");
  // Datagrams from anyone else are not for this session.
  CHECK(f.module.network(Received{1, toBytes("spam"), Endpoint{"127.0.0.1", 5001}}) == "");
  CHECK(f.module.send(kEtx) == kEtx + result("Ok_Info_SocketClosed") + kOk);
}

TEST_CASE("AT#LUDPSTART: OK - the first datagram fixes the peer (6.2.1)") {
  ServiceFixture f;
  f.set({"AT#UDPSERV=\"255.255.255.255\"", "AT#UDPPORT=6000", "AT#UDPTXDELAY=0"});
  f.module.at("AT#LUDPSTART");
  CHECK(f.net.take() == Requests{"1 udpOpen 127.0.0.2:6000"});
  CHECK(f.module.network(Listening{1}) == kOk);
  CHECK(f.module.network(Received{1, toBytes("first"), Endpoint{"127.0.0.5", 7000}}) ==
        result("Ok_Info_WaitingForData") + "first");
  CHECK(f.module.network(Received{1, toBytes("other"), Endpoint{"127.0.0.6", 7000}}) == "");
  CHECK(f.module.network(Received{1, toBytes("again"), Endpoint{"127.0.0.5", 7000}}) == "again");
  f.module.send("back");
  CHECK(f.net.take() == Requests{"1 send \"back\" to 127.0.0.5:7000"});
}

TEST_CASE("a listener with UDPSERV hears only that address") {
  ServiceFixture f;
  f.set({"AT#UDPSERV=\"127.0.0.5\"", "AT#UDPPORT=6000"});
  f.module.at("AT#LUDPSTART");
  f.module.network(Listening{1});
  CHECK(f.module.network(Received{1, toBytes("no"), Endpoint{"127.0.0.6", 7000}}) == "");
  CHECK(f.module.network(Received{1, toBytes("yes"), Endpoint{"127.0.0.5", 7001}}) ==
        result("Ok_Info_WaitingForData") + "yes");
}

TEST_CASE("AT#LUDPSTOP ends a listen without a peer - UDPPORT 0 is refused") {
  ServiceFixture f;
  CHECK(f.module.at("AT#LUDPSTART") == error(36929));
  f.set({"AT#UDPPORT=6000"});
  f.module.at("AT#LUDPSTART");
  f.module.network(Listening{1});
  f.net.take();
  CHECK(f.module.at("AT#LUDPSTOP") == kOk);
  CHECK(f.net.take() == Requests{"1 close"});
  CHECK(f.module.at("AT#OUDP") == error(36929));  // no UDPSERV
}

TEST_CASE("6.2.1's UDPSTOP is AT#LUDPSTOP - AT#UDPSTOP is no command (34817)") {
  ServiceFixture f;
  f.set({"AT#UDPPORT=6000"});
  f.module.at("AT#LUDPSTART");
  f.module.network(Listening{1});
  f.net.take();
  CHECK(f.module.at("AT#UDPSTOP") == error(34817));
  CHECK(f.net.take().empty());  // still listening
  CHECK(f.module.at("AT#LUDPSTOP") == kOk);
  CHECK(f.net.take() == Requests{"1 close"});
}

TEST_CASE("A.7.2 AT#FTPget: Ok_Info_DataBegin - the file DLE-coded - ETX - OK") {
  ServiceFixture f;
  f.set({"AT#FTPSERV=\"127.0.0.1\"", "AT#FTPUN=\"ftplogin\"", "AT#FTPPW=\"ftppassword\"",
         "AT#FTPGETFILENAME=\"upload.txt\"", "AT#FTPGETPATH=\"dir\""});
  CHECK(f.module.at("AT#FTPget") == "");
  CHECK(f.net.take() ==
        Requests{"1 ftpGet 127.0.0.2 -> 127.0.0.1:21 ftplogin/ftppassword dir|upload.txt I"});
  CHECK(f.module.network(Ready{1}) == result("Ok_Info_DataBegin"));
  CHECK(f.module.network(Received{1, toBytes("a\x03" "b\x10"), {}}) == "a\x10\x03" "b\x10\x10");
  CHECK(f.module.network(Closed{1}) == kEtx + kOk);
}

TEST_CASE("FTPGET failures: before the data without ETX - after it with one") {
  ServiceFixture f;
  f.set({"AT#FTPSERV=\"127.0.0.1\"", "AT#FTPGETFILENAME=\"f\"", "AT#FTPTYPE=A"});
  f.module.at("AT#FTPGET");
  CHECK(f.net.take() == Requests{"1 ftpGet 127.0.0.2 -> 127.0.0.1:21 / |f A"});
  CHECK(f.module.network(Failed{1, catalogue::CmeError::PasswordRejected}) == error(38081));
  f.module.at("AT#FTPGET");
  f.module.network(Ready{2});
  CHECK(f.module.network(Failed{2, catalogue::CmeError::DataRetrieveFailed}) == kEtx + error(38024));
  CHECK(f.module.at("AT") == kOk);
}

TEST_CASE("commands typed during FTPGET wait for its end") {
  ServiceFixture f;
  f.set({"AT#FTPSERV=\"127.0.0.1\"", "AT#FTPGETFILENAME=\"f\""});
  f.module.at("AT#FTPGET");
  f.module.network(Ready{1});
  CHECK(f.module.at("AT#VSTATE") == "");
  CHECK(f.module.network(Closed{1}) ==
        kEtx + kOk + "\r\n#STATE: \"CONNECTED\"\r\n" + kOk);
}

TEST_CASE("A.7.1 AT#FTPput: the host's data streamed - its ETX echoed - OK once confirmed") {
  ServiceFixture f;
  f.set({"AT#FTPSERV=\"127.0.0.1\"", "AT#FTPPUTFILENAME=\"upload.txt\"", "AT#FTPPUTPATH=\".\""});
  f.module.at("AT#FTPput");
  CHECK(f.net.take() == Requests{"1 ftpPut 127.0.0.2 -> 127.0.0.1:21 / .|upload.txt I"});
  CHECK(f.module.network(Ready{1}) == result("Ok_Info_WaitingForData"));
  CHECK(f.module.send("file\x10\x03" "data") == "");
  CHECK(f.module.send(kEtx + "AT#VSTATE\r") == kEtx);
  CHECK(f.net.take() == Requests{"1 send \"file\\x03data\"", "1 finish"});
  CHECK(f.module.network(Closed{1}) == kOk + "\r\n#STATE: \"CONNECTED\"\r\n" + kOk);
}

TEST_CASE("FTPPUT refused while the host sends: ETX then the error") {
  ServiceFixture f;
  f.set({"AT#FTPSERV=\"127.0.0.1\"", "AT#FTPPUTFILENAME=\"f\""});
  f.module.at("AT#FTPPUT");
  f.module.network(Ready{1});
  CHECK(f.module.network(Failed{1, catalogue::CmeError::DataSendFailed}) == kEtx + error(38017));
  CHECK(f.module.at("AT") == kOk);
}

TEST_CASE("FTP without FTPSERV or file name: 36929") {
  ServiceFixture f;
  CHECK(f.module.at("AT#FTPGET") == error(36929));
  f.set({"AT#FTPSERV=\"127.0.0.1\""});
  CHECK(f.module.at("AT#FTPPUT") == error(36929));
}

}  // namespace
}  // namespace atsharp::reference::test
