#include "ftp_goodput.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>

#include "atsharp/codec/dle_decoder.hpp"
#include "atsharp/fixtures/daemons/temp_dir.hpp"
#include "atsharp/fixtures/daemons/vsftpd_server.hpp"
#include "modem_session.hpp"
#include "pty_process.hpp"

namespace atsharp::bench {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr const char* kFileName = "bench.bin";

double seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

Bytes writeRandomFile(const std::filesystem::path& path, std::size_t size) {
  std::mt19937_64 gen(19700101);
  Bytes content(size);
  for (Byte& b : content) b = static_cast<Byte>(gen());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(content.data()), static_cast<std::streamsize>(size));
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
  return content;
}

/// The module on its pty at @p baud, GPRS up, FTP parameters aimed at @p server's file.
void prepare(ModemSession& session, const fixtures::VsftpdServer& server) {
  startGprs(session);
  session.command("AT#FTPSERV=\"127.0.0.1\"");
  session.command("AT#FTPPORT=" + std::to_string(server.endpoint().port));
  session.command("AT#FTPUN=\"" + server.user() + "\"");
  session.command("AT#FTPPW=\"" + server.password() + "\"");
  session.command(std::string("AT#FTPGETFILENAME=\"") + kFileName + "\"");
}

/// Reads the DLE-coded file up to its ETX, checks it against @p expected; returns the coded
/// bytes read (the ETX included) and leaves what followed the ETX in @p session.
std::size_t readFile(ModemSession& session, ByteView expected) {
  DleDecoder decoder;
  Bytes raw(16 * 1024);
  Bytes decoded(raw.size());
  std::size_t received = 0;
  std::size_t coded = 0;
  auto stallAt = Clock::now() + 30s;
  while (!decoder.ended()) {
    const std::size_t got = session.readSome(raw, after(200ms));
    if (got == 0) {
      if (Clock::now() >= stallAt) throw std::runtime_error("the file stalled for 30 s");
      continue;
    }
    stallAt = Clock::now() + 30s;
    const DleDecoder::Step step = decoder.decode(ByteView(raw.data(), got), decoded);
    if (step.produced > expected.size() - received ||
        std::memcmp(decoded.data(), expected.data() + received, step.produced) != 0) {
      throw std::runtime_error("the file differs after byte " + std::to_string(received));
    }
    received += step.produced;
    coded += step.consumed;
    session.unread(ByteView(raw.data() + step.consumed, got - step.consumed));
  }
  if (received != expected.size()) {
    throw std::runtime_error("the file ended after " + std::to_string(received) + " of " +
                             std::to_string(expected.size()) + " bytes");
  }
  return coded;
}

}  // namespace

double FtpGetResult::goodput() const { return static_cast<double>(fileBytes) / seconds(total); }

double FtpGetResult::streamingRate() const {
  return static_cast<double>(codedBytes) / seconds(streaming);
}

double lineRate(int baud) { return baud / 10.0; }

FtpGetResult measureFtpGet(const FtpGetOptions& options, std::ostream& log) {
  fixtures::VsftpdServer server;
  const Bytes file = writeRandomFile(server.root() / kFileName, options.fileBytes);
  const fixtures::TempDir dir;
  PtyProcess module(emulateCommand(dir.path() / "modem", {"--baud", std::to_string(options.baud)}),
                    dir.path() / "modem", dir.path() / "emulate.log");
  ModemSession session(module.line());
  prepare(session, server);
  log << "  AT#FTPGET of " << options.fileBytes << " random bytes at " << options.baud
      << " baud (about " << static_cast<int>(options.fileBytes / lineRate(options.baud))
      << " s)...\n"
      << std::flush;

  FtpGetResult result;
  result.fileBytes = file.size();
  const auto start = Clock::now();
  session.command("AT#FTPGET", "\r\nOk_Info_DataBegin\r\n", 90s);
  const auto begun = Clock::now();
  result.codedBytes = readFile(session, file);
  const auto etx = Clock::now();
  session.expect(kOkLine, 30s);
  result.total = Clock::now() - start;
  result.toDataBegin = begun - start;
  result.streaming = etx - begun;
  char line[200];
  std::snprintf(line, sizeof line,
                "  Ok_Info_DataBegin after %.3f s, ETX after %.3f s, OK after %.3f s\n",
                seconds(result.toDataBegin), seconds(etx - start), seconds(result.total));
  log << line << std::flush;
  return result;
}

}  // namespace atsharp::bench
