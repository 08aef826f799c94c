// FTP (chapter 4) through Module::ftpGet and ftpPut against the reference module on a pty:
// 1 MiB of every byte value to and from vsftpd on 127.0.0.1 through each kind of sink and
// source (vsftpd needs root: skipped otherwise), and scripted servers that drop the connection
// in the middle of a transfer or end it properly while the host's sink gives up.

#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "action_printing.hpp"
#include "daemon_requests.hpp"
#include "module_error_of.hpp"
#include "module_rig.hpp"
#include "random.hpp"
#include "scripted_server.hpp"

namespace atsharp::test {
namespace {

constexpr std::size_t kMiB = 1 << 20;
const bool kNotRoot = !isRoot();
const std::vector<std::string> kConnected{"#STATE: \"CONNECTED\""};

void configureFtp(Module& module, std::uint16_t port, const std::string& user = "anonymous",
                  const std::string& password = "guest") {
  for (const std::string& line :
       {std::string("AT#FTPSERV=\"127.0.0.1\""), "AT#FTPPORT=" + std::to_string(port),
        "AT#FTPUN=\"" + user + "\"", "AT#FTPPW=\"" + password + "\"",
        std::string("AT#FTPTYPE=I"), std::string("AT#FTPGETPATH=\"\""),
        std::string("AT#FTPPUTPATH=\"\"")}) {
    module.command(line);
  }
}

void configureFtp(Module& module, const VsftpdServer& server) {
  configureFtp(module, server.endpoint().port, server.user(), server.password());
}

// A source that gives @p data in pieces of random sizes, up to the buffer's.
ByteSource inRandomPieces(const Bytes& data, std::mt19937_64& gen) {
  auto at = std::make_shared<std::size_t>(0);
  return [&data, &gen, at](std::span<Byte> buffer) {
    const std::size_t size =
        std::min({buffer.size(), data.size() - *at,
                  std::uniform_int_distribution<std::size_t>(1, buffer.size())(gen)});
    std::copy_n(data.begin() + static_cast<std::ptrdiff_t>(*at), size, buffer.begin());
    *at += size;
    return size;
  };
}

bool isMonotonic(const std::vector<std::uint64_t>& values) {
  return std::is_sorted(values.begin(), values.end()) &&
         std::adjacent_find(values.begin(), values.end()) == values.end();
}

// A server that sends @p file and confirms it (226), as a whole transfer ends.
ScriptedServer::Script sendsWhole(const Bytes& file) {
  return [&file](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "RETR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Here it comes.");
    data.write(asString(file));
    data.close();
    control.say("226 Transfer complete.");
    if (control.hear()) control.say("221 Bye.");
  };
}

// A server that sends the first @p size bytes of @p file, then drops both connections.
ScriptedServer::Script dropsAfter(const Bytes& file, std::size_t size) {
  return [&file, size](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "RETR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Here it comes.");
    data.write(asString(ByteView(file).first(size)));
    data.close();
    control.close();  // no 226: the transfer was cut
  };
}

}  // namespace

TEST_CASE("ftpGet of 1 MiB of every byte value: a callback - a stream - a file - byte-exact" *
          doctest::skip(kNotRoot)) {
  ATSHARP_SEED_INFO();
  auto gen = rng(81);
  VsftpdServer server;
  const Bytes file = randomBytes(gen, kMiB);
  writeFile(server.root() / "random.bin", asString(file));
  ModuleRig rig;
  rig.connectGprs();
  Module& module = rig.module();
  configureFtp(module, server);
  module.command("AT#FTPGETFILENAME=\"random.bin\"");

  // Into a callback, as it arrives: many pieces, none near the whole file.
  Bytes received;
  std::size_t pieces = 0;
  std::size_t largest = 0;
  std::vector<std::uint64_t> progress;
  const std::uint64_t count = module.ftpGet(
      [&](ByteView piece) {
        received.insert(received.end(), piece.begin(), piece.end());
        ++pieces;
        largest = std::max(largest, piece.size());
      },
      [&](const TransferProgress& done) { progress.push_back(done.bytes); });
  CHECK(count == kMiB);
  CHECK(received == file);
  CHECK(pieces > 16);
  CHECK(largest <= 64 * 1024);
  CHECK(progress.size() == pieces);
  CHECK(isMonotonic(progress));
  CHECK(progress.back() == kMiB);

  std::ostringstream stream;
  CHECK(module.ftpGet(stream) == kMiB);
  CHECK(toBytes(stream.str()) == file);

  const TempDir dir;
  const std::filesystem::path target = dir.path() / "downloaded.bin";
  CHECK(module.ftpGet(target) == kMiB);
  CHECK(toBytes(readFile(target)) == file);
  CHECK_FALSE(std::filesystem::exists(target.string() + ".part"));
  CHECK(module.command("AT#VSTATE").lines == kConnected);
}

TEST_CASE("ftpPut of 1 MiB of every byte value: a source - a stream - a file - byte-exact on disk" *
          doctest::skip(kNotRoot)) {
  ATSHARP_SEED_INFO();
  auto gen = rng(82);
  VsftpdServer server;
  const Bytes file = randomBytes(gen, kMiB);
  ModuleRig rig;
  rig.connectGprs();
  Module& module = rig.module();
  configureFtp(module, server);

  module.command("AT#FTPPUTFILENAME=\"from_source.bin\"");
  std::vector<std::uint64_t> progress;
  CHECK(module.ftpPut(inRandomPieces(file, gen),
                      [&](const TransferProgress& done) { progress.push_back(done.bytes); }) ==
        kMiB);
  CHECK(toBytes(readFile(server.root() / "from_source.bin")) == file);
  CHECK(isMonotonic(progress));
  CHECK(progress.back() == kMiB);

  module.command("AT#FTPPUTFILENAME=\"from_stream.bin\"");
  std::istringstream stream(asString(file));
  CHECK(module.ftpPut(stream) == kMiB);
  CHECK(toBytes(readFile(server.root() / "from_stream.bin")) == file);

  const TempDir dir;
  writeFile(dir.path() / "local.bin", asString(file));
  module.command("AT#FTPPUTFILENAME=\"from_file.bin\"");
  CHECK(module.ftpPut(dir.path() / "local.bin") == kMiB);
  CHECK(toBytes(readFile(server.root() / "from_file.bin")) == file);
  CHECK(module.command("AT#VSTATE").lines == kConnected);
}

TEST_CASE("ftpGet of a file the server does not have: ModuleError 38024 - nothing handed on" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  ModuleRig rig;
  rig.connectGprs();
  configureFtp(rig.module(), server);
  rig.module().command("AT#FTPGETFILENAME=\"missing.bin\"");
  std::size_t handed = 0;
  const auto error = moduleErrorOf([&] {
    rig.module().ftpGet([&](ByteView piece) { handed += piece.size(); });
  });
  REQUIRE(error);
  CHECK(error->code() == 38024);
  CHECK(error->command() == "AT#FTPGET");
  CHECK(handed == 0);
  CHECK(rig.module().command("AT#VSTATE").lines == kConnected);
}

TEST_CASE("ftpGet: the server drops both connections after 256 KiB - the data - then 38024") {
  ATSHARP_SEED_INFO();
  auto gen = rng(83);
  const Bytes file = randomBytes(gen, 512 * 1024);
  // The module first: the scripted server waits a few seconds at most for its client.
  ModuleRig rig;
  rig.connectGprs();
  ScriptedServer server(dropsAfter(file, 256 * 1024));
  configureFtp(rig.module(), server.endpoint().port);
  rig.module().command("AT#FTPGETFILENAME=\"cut.bin\"");
  Bytes received;
  const auto error = moduleErrorOf([&] {
    rig.module().ftpGet(
        [&](ByteView piece) { received.insert(received.end(), piece.begin(), piece.end()); });
  });
  REQUIRE(error);
  CHECK(error->code() == 38024);
  CHECK(received == Bytes(file.begin(), file.begin() + 256 * 1024));
  CHECK(rig.module().command("AT#VSTATE").lines == kConnected);
}

TEST_CASE("ftpGet to a file cut short: the file keeps what it held - no part file left") {
  const Bytes file(64 * 1024, 0x5A);
  ModuleRig rig;
  rig.connectGprs();
  ScriptedServer server(dropsAfter(file, 32 * 1024));
  configureFtp(rig.module(), server.endpoint().port);
  rig.module().command("AT#FTPGETFILENAME=\"cut.bin\"");
  const TempDir dir;
  const std::filesystem::path target = dir.path() / "kept.bin";
  writeFile(target, "what was there");
  const auto error = moduleErrorOf([&] { rig.module().ftpGet(target); });
  REQUIRE(error);
  CHECK(error->code() == 38024);
  CHECK(readFile(target) == "what was there");
  CHECK_FALSE(std::filesystem::exists(target.string() + ".part"));
}

TEST_CASE("ftpGet with a sink that throws: the rest read and dropped - its exception - usable") {
  const Bytes file(256 * 1024, 0x10);  // DLE: every byte escaped on the line
  ModuleRig rig;
  rig.connectGprs();
  ScriptedServer server(sendsWhole(file));
  configureFtp(rig.module(), server.endpoint().port);
  rig.module().command("AT#FTPGETFILENAME=\"whole.bin\"");
  int calls = 0;
  CHECK_THROWS_WITH_AS(rig.module().ftpGet([&](ByteView) {
    ++calls;
    throw std::runtime_error("the sink is full");
  }),
                       "the sink is full", std::runtime_error);
  CHECK(calls == 1);
  CHECK(rig.module().command("AT#VSTATE").lines == kConnected);
}

TEST_CASE("ftpGet into a stream that fails: Error once the transfer ended - usable") {
  const Bytes file(4096, 0x03);  // ETX: every byte escaped on the line
  ModuleRig rig;
  rig.connectGprs();
  ScriptedServer server(sendsWhole(file));
  configureFtp(rig.module(), server.endpoint().port);
  rig.module().command("AT#FTPGETFILENAME=\"whole.bin\"");
  std::ofstream notOpen;
  CHECK_THROWS_WITH_AS(rig.module().ftpGet(notOpen),
                       "AT#FTPGET: the stream refused the downloaded bytes", Error);
  CHECK(rig.module().command("AT#VSTATE").lines == kConnected);
}

TEST_CASE("ftpPut: the server drops both connections while the SDK sends - 38017 - in step after") {
  ATSHARP_SEED_INFO();
  auto gen = rng(84);
  // Far more than the module holds while its server is gone: the SDK is still sending when
  // the drop comes, and the random bytes it sent after it reach the module's command mode.
  const Bytes file = randomBytes(gen, 4 * kMiB);
  ModuleRig rig;
  rig.connectGprs();
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "STOR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Ok to send data.");
    data.drain(64 * 1024);
    data.close();  // with data unread: a reset
    control.close();
  });
  configureFtp(rig.module(), server.endpoint().port);
  rig.module().command("AT#FTPPUTFILENAME=\"cut.bin\"");
  std::uint64_t lastProgress = 0;
  const auto error = moduleErrorOf([&] {
    rig.module().ftpPut(inRandomPieces(file, gen),
                        [&](const TransferProgress& done) { lastProgress = done.bytes; });
  });
  REQUIRE(error);
  CHECK(error->code() == 38017);
  CHECK(error->command() == "AT#FTPPUT");
  CHECK(lastProgress < file.size());  // it stopped sending soon after the module's end
  CHECK(rig.module().command("AT#VSTATE").lines == kConnected);
  const Reply at = rig.module().command("AT");
  CHECK(at.lines.empty());
  CHECK(at.final.result == catalogue::Result::Ok);
}

TEST_CASE("ftpPut of a file that cannot be opened: Error before anything is sent") {
  ModuleRig rig;
  const TempDir dir;
  const std::filesystem::path missing = dir.path() / "missing.bin";
  CHECK_THROWS_WITH_AS(rig.module().ftpPut(missing),
                       ("AT#FTPPUT: " + missing.string() + " cannot be opened").c_str(), Error);
  CHECK(rig.module().command("AT").final.succeeded());
}

}  // namespace atsharp::test
