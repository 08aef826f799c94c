// Fuzzing of the reference module's interpreter: host bytes, radio events, network events and
// the passing of time, all chosen by the input, must never crash it; and afterwards the module
// must still come back to a clean AT / OK after a reset, whatever state the input left it in.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "atsharp/reference/module.hpp"

namespace {

using namespace atsharp::reference;
using atsharp::Byte;
using atsharp::ByteView;
using atsharp::Bytes;

// Marker bytes turn the next byte into an event or a time step instead of host input.
constexpr std::uint8_t kEventMarker = 0xFF;
constexpr std::uint8_t kTimeMarker = 0xFE;
constexpr std::uint8_t kNetworkMarker = 0xFD;

// A network that answers nothing by itself: it remembers the activities the module opened, and
// the input decides what happens to them.
class FuzzNetwork : public NetworkPort {
 public:
  void resolve(ActivityId id, const std::string&, const std::string&,
               const std::vector<std::string>&, std::uint16_t) override {
    open(id);
  }
  void tcpConnect(ActivityId id, const std::string&, const Endpoint&) override { open(id); }
  void tcpListen(ActivityId id, const Endpoint&, const std::optional<std::string>&) override {
    open(id);
  }
  void udpOpen(ActivityId id, const Endpoint&) override { open(id); }
  void send(ActivityId, Bytes, const std::optional<Endpoint>&) override {}
  void finish(ActivityId) override {}
  void close(ActivityId id) override { std::erase(open_, id); }
  void ftpGet(ActivityId id, const FtpRequest&) override { open(id); }
  void ftpPut(ActivityId id, const FtpRequest&) override { open(id); }
  void sendMail(ActivityId id, const MailRequest&) override { open(id); }
  void retrieveMail(ActivityId id, const Pop3Request&) override { open(id); }
  void ping(ActivityId id, const std::string&, const std::string&, ModuleTime) override {
    open(id);
  }

  /// An event for one of the open activities, as @p selector says; none when none is open.
  std::optional<NetworkEvent> eventFor(std::uint8_t selector) {
    if (open_.empty()) return std::nullopt;
    const ActivityId id = open_[selector % open_.size()];
    const Endpoint peer{"127.0.0." + std::to_string(1 + selector % 3), 7};
    switch ((selector >> 2) % 9) {
      case 0: return Resolved{id, "127.0.0.1"};
      case 1: return Listening{id};
      case 2: return Connected{id, peer};
      case 3: return Ready{id};
      case 4: return Received{id, Bytes{0x10, 0x03, 'x', selector}, peer};
      case 5: close(id); return Closed{id};
      case 6: close(id); return Failed{id, atsharp::catalogue::CmeError::OpenSessionFailed};
      case 7: close(id); return MailRetrieved{id, std::string("From: a\r\n\r\n.body\r\n")};
      default: close(id); return PingAnswer{id, selector % 2 ? std::optional<int>(5) : std::nullopt};
    }
  }

 private:
  void open(ActivityId id) { open_.push_back(id); }
  std::vector<ActivityId> open_;
};

RadioEvent radioEventFor(std::uint8_t selector) {
  switch (selector % 9) {
    case 0: return IncomingCall{"0612345678", CallType::Data, 0};
    case 1: return IncomingCall{std::nullopt, CallType::Voice, 2};
    case 2: return HangUp{};
    case 3: return GprsSessionLost{};
    case 4: return SimPresence{(selector & 0x10) != 0};
    case 5: return Registration{selector % 6};
    case 6: return GprsAttachment{(selector & 0x10) != 0};
    case 7: return DialOutcome{"", CallOutcome{CallOutcome::Kind::Busy}};
    default: return DialOutcome{"", CallOutcome{CallOutcome::Kind::Connect, 9600}};
  }
}

// Runs due timers up to @p end, a bounded number of them.
void runTimers(Module& module, ModuleTime& now, ModuleTime end) {
  for (int i = 0; i < 10000; ++i) {
    const auto due = module.nextDeadline();
    if (!due || *due > end) break;
    now = std::max(now, *due);
    module.advance(now);
  }
  now = std::max(now, end);
  module.advance(now);
}

void type(Module& module, ModuleTime now, std::string_view text) {
  module.receive({reinterpret_cast<const Byte*>(text.data()), text.size()}, now);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzNetwork network;
  Scenario scenario;
  scenario.gprs.attached = true;  // so that AT#CONNECTIONSTART, then services, are within reach
  Module module({scenario, std::nullopt, &network});
  ModuleTime now{0};
  for (std::size_t i = 0; i < size; ++i) {
    const std::uint8_t marker = data[i];
    if ((marker == kEventMarker || marker == kTimeMarker || marker == kNetworkMarker) &&
        i + 1 < size) {
      const std::uint8_t argument = data[++i];
      if (marker == kEventMarker) {
        module.inject(radioEventFor(argument), now);
      } else if (marker == kTimeMarker) {
        runTimers(module, now, now + ModuleTime{argument * 1000});
      } else if (const auto event = network.eventFor(argument)) {
        module.network(*event, now);
      }
      continue;
    }
    module.receive({data + i, 1}, now);
  }
  module.takeOutput();
  // Whatever the input left, a CR ends a half-typed line, ETX ends data mode, ESC abandons an
  // entry, and time ends a running call; input queued behind that may start another, hence the
  // rounds. Services waiting for the network are ended by the reset that follows.
  for (int round = 0; round < 8; ++round) {
    type(module, now, "\r\x03\x1b");
    runTimers(module, now, now + ModuleTime{3600 * 1000});
  }
  type(module, now, "AT+CFUN=1\r");
  runTimers(module, now, now + ModuleTime{3600 * 1000});
  module.takeOutput();
  type(module, now, "AT\r");
  const Bytes output = module.takeOutput();
  const std::string_view expected = "AT\r\r\nOK\r\n";
  if (std::string_view(reinterpret_cast<const char*>(output.data()), output.size()) != expected) {
    std::abort();
  }
  return 0;
}
