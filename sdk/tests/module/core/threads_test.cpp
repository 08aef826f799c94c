// One Module used from several threads at once: every call gets its own answer.

#include <doctest/doctest.h>

#include <future>

#include "atsharp/module/data_session.hpp"
#include "echo_peer.hpp"
#include "module_rig.hpp"

namespace atsharp::test {

TEST_CASE("two threads sending commands at once each get their own answers") {
  ModuleRig rig;
  rig.module().command("AT#PINGNUM=7");
  auto worker = [&](const std::string& command, const std::string& expected) {
    int right = 0;
    for (int i = 0; i < 40; ++i) {
      if (rig.module().command(command).lines == std::vector<std::string>{expected}) ++right;
    }
    return right;
  };
  auto first = std::async(std::launch::async, worker, "AT#VSTATE", "#STATE: \"IDLE\"");
  auto second = std::async(std::launch::async, worker, "AT#PINGNUM?", "#PINGNUM: 7");
  CHECK(first.get() == 40);
  CHECK(second.get() == 40);
}

TEST_CASE("a command from another thread while a data session is open: UsageError") {
  ModuleRig rig;
  rig.connectGprs();
  TcpEchoPeer peer;
  rig.module().command("AT#TCPSERV=1,\"127.0.0.1\"");
  rig.module().command("AT#TCPPORT=1," + std::to_string(peer.port()));
  auto session = rig.module().openTcp(SocketId(1));
  auto other = std::async(std::launch::async, [&] { rig.module().command("AT"); });
  CHECK_THROWS_AS(other.get(), UsageError);
  session->close();
  CHECK(rig.module().command("AT").final.succeeded());
}

}  // namespace atsharp::test
