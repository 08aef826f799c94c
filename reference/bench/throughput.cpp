#include "throughput.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/fixtures/daemons/temp_dir.hpp"
#include "echo_peer.hpp"
#include "interruption.hpp"
#include "modem_session.hpp"
#include "pty_process.hpp"
#include "round_trip.hpp"

namespace atsharp::bench {
namespace {

using namespace std::chrono_literals;

Bytes randomPayload(std::size_t size) {
  std::mt19937_64 gen(20050114);
  Bytes payload(size);
  for (Byte& b : payload) b = static_cast<Byte>(gen());
  return payload;
}

/// The module on its pty, GPRS up, socket 1 aimed at the echo peer.
class ModuleLink {
 public:
  ModuleLink(const fixtures::TempDir& dir, EchoPeer& peer)
      : peer_(peer),
        module_(emulateCommand(dir.path() / "modem"), dir.path() / "modem",
                dir.path() / "emulate.log"),
        session_(module_.line()) {
    startGprs(session_);
    session_.command("AT#TCPSERV=1,\"127.0.0.1\"");
    session_.command("AT#TCPPORT=1," + std::to_string(peer.port()));
    // Every byte leaves at once (cut at a segment): with the default 100 ms the last partial
    // segment of a round would wait out the timer, which measures the timer, not the path.
    session_.command("AT#TCPTXDELAY=1,0");
  }

  /// One session: AT#OTCP, the round trip, then the end of data mode; only the round trip
  /// is timed.
  RoundTrip round(ByteView payload, bool dleCoded) {
    session_.command(std::string("AT#DLEMODE=1,") + (dleCoded ? "1" : "0"));
    session_.command("AT#OTCP=1", "\r\nOk_Info_WaitingForData\r\n", 35s);
    const RoundTrip trip = roundTrip(module_.line(), session_, payload, dleCoded);
    if (dleCoded) {
      const Byte etx = kEtx;  // the host's close; the module's ETX and OK answer it
      session_.send(ByteView(&etx, 1));
      session_.expect("\x03" + kOkLine);
    } else {
      // DLEMODE 0 has no close from the host (an ETX is data): the peer closes instead.
      peer_.disconnectAll();
      session_.expect("Ok_Info_SocketClosed\r\n" + kOkLine);
    }
    return trip;
  }

 private:
  EchoPeer& peer_;
  PtyProcess module_;
  ModemSession session_;
};

/// socat relaying a fresh pty to the echo peer, for one round.
RoundTrip socatRound(const fixtures::TempDir& dir, EchoPeer& peer, ByteView payload) {
  const std::size_t before = peer.accepted();
  const auto link = dir.path() / "socat";
  PtyProcess socat(socatCommand(link, peer.port()), link, dir.path() / "socat.log");
  // Timed from a connected relay, as the module's rounds are (from Ok_Info_WaitingForData).
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (peer.accepted() == before) {
    throwIfInterrupted();
    if (!socat.process().running() || std::chrono::steady_clock::now() >= deadline) {
      throw std::runtime_error(socat.process().describe() + " did not connect to the peer:\n" +
                               socat.process().output());
    }
    std::this_thread::sleep_for(1ms);
  }
  ModemSession session(socat.line());
  return roundTrip(socat.line(), session, payload, false);
}

void logRound(std::ostream& log, int round, const char* what, const RoundTrip& trip) {
  char line[160];
  std::snprintf(line, sizeof line, "  round %d  %-22s %8.2f MB/s  (%.3f s, %zu bytes on the line)\n",
                round, what, trip.megabytesPerSecond(),
                std::chrono::duration<double>(trip.elapsed).count(), trip.lineBytes);
  log << line << std::flush;
}

}  // namespace

double median(std::vector<double> values) {
  if (values.empty()) throw std::logic_error("median of nothing");
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

ThroughputResults measureThroughput(const ThroughputOptions& options, std::ostream& log) {
  const Bytes payload = randomPayload(options.payloadBytes);
  const fixtures::TempDir dir;
  EchoPeer peer;
  ModuleLink module(dir, peer);
  ThroughputResults results;
  for (int round = 1; round <= options.rounds; ++round) {
    const RoundTrip viaSocat = socatRound(dir, peer, payload);
    logRound(log, round, "socat (raw)", viaSocat);
    results.socat.push_back(viaSocat.megabytesPerSecond());
    const RoundTrip dle = module.round(payload, true);
    logRound(log, round, "module DLEMODE 1", dle);
    results.moduleDle.push_back(dle.megabytesPerSecond());
    const RoundTrip raw = module.round(payload, false);
    logRound(log, round, "module DLEMODE 0", raw);
    results.moduleRaw.push_back(raw.megabytesPerSecond());
  }
  return results;
}

}  // namespace atsharp::bench
