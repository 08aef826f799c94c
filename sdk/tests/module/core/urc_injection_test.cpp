// URCs from the reference module's radio, injected while the Module waits for an answer or sits
// idle: they reach the handlers, never a reply.

#include <doctest/doctest.h>

#include <future>
#include <thread>

#include "module_rig.hpp"
#include "urc_string_maker.hpp"

namespace atsharp::test {
namespace {

struct Collected {
  std::mutex mutex;
  std::vector<Urc> urcs;
  void operator()(const Urc& urc) {
    const std::lock_guard lock(mutex);
    urcs.push_back(urc);
  }
};

}  // namespace

TEST_CASE("+CREG injected while AT#CONNECTIONSTART waits for its answer") {
  RigOptions options;
  options.timeScale = 1;  // the dial takes 2 s: time to inject in the middle of it
  ModuleRig rig(options);
  Collected collected;
  rig.module().onUrc(std::ref(collected));
  rig.module().command("AT+CREG=1");
  rig.module().poll(Milliseconds{100});  // +CREG: 1 follows the OK of AT+CREG=1
  rig.module().command("AT#GPRSMODE=0");
  rig.module().command("AT#DIALN1=\"0860000000\"");
  auto injector = std::async(std::launch::async, [&] {
    std::this_thread::sleep_for(Milliseconds{500});
    rig.emulator().inject(reference::Registration{5});
  });
  const Reply reply = rig.module().command("AT#CONNECTIONSTART", Milliseconds{10000});
  injector.get();
  // The module holds its URCs while a command runs: +CREG: 5 follows the final result.
  rig.module().poll(Milliseconds{300});
  CHECK(reply.final.result == catalogue::Result::Ppp);
  CHECK(reply.progress.size() == 4);  // DIALING, the number, CONNECT 9600, the address
  for (const std::string& line : reply.lines) CHECK(line.find("CREG") == std::string::npos);
  CHECK(collected.urcs == std::vector<Urc>{RegistrationUrc{RegistrationUrc::Network::Gsm, 1},
                                           RegistrationUrc{RegistrationUrc::Network::Gsm, 5}});
}

TEST_CASE("RING with the caller's number - GPRS lost - SIM removed: while idle - read by poll") {
  ModuleRig rig;
  Collected collected;
  rig.module().onUrc(std::ref(collected));
  rig.module().command("AT+CLIP=1");
  rig.emulator().inject(reference::IncomingCall{"0612345678", reference::CallType::Data, 1});
  rig.module().poll(Milliseconds{300});
  rig.connectGprs();
  rig.emulator().inject(reference::GprsSessionLost{});
  rig.module().poll(Milliseconds{300});
  CHECK(rig.module().command("AT#VSTATE").lines == std::vector<std::string>{"#STATE: \"IDLE\""});
  rig.emulator().inject(reference::SimPresence{false});
  rig.module().poll(Milliseconds{300});
  CHECK(collected.urcs ==
        std::vector<Urc>{RingUrc{"0612345678"}, GprsLostUrc{}, SimRemovedUrc{}});
}

}  // namespace atsharp::test
