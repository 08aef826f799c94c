// FTP uploads (4.3 FTPPUT) against vsftpd: the data streamed through send() and finish() as a
// module passes on its host's data, and the failures of an upload with their codes.

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "daemon_requests.hpp"
#include "scripted_server.hpp"
#include "transfer_checks.hpp"
#include "transfer_rig.hpp"

namespace atsharp::test {
namespace {

using namespace reference;
using catalogue::CmeError;

const bool kNotRoot = !isRoot();

// Feeds @p data to activity 1 once it is Ready, @p chunk bytes per send(), keeping at most
// @p window bytes queued (as the runtime stops reading the host), then finish().
class Feeder {
 public:
  Feeder(TransferRig& rig, Bytes data, std::size_t chunk, std::size_t window)
      : rig_(rig), data_(std::move(data)), chunk_(chunk), window_(window) {}

  void operator()() {
    if (finished_ || !rig_.had<Ready>(1)) return;
    TransferNetwork& network = rig_.network();
    while (offset_ < data_.size() && network.queuedToNetwork() < window_) {
      const std::size_t n = std::min(chunk_, data_.size() - offset_);
      network.send(1, Bytes(data_.begin() + offset_, data_.begin() + offset_ + n));
      offset_ += n;
      ++sends_;
      mostQueued_ = std::max(mostQueued_, network.queuedToNetwork());
    }
    if (offset_ == data_.size()) {
      network.finish(1);
      finished_ = true;
    }
  }

  std::size_t sends() const noexcept { return sends_; }
  std::size_t mostQueued() const noexcept { return mostQueued_; }

 private:
  TransferRig& rig_;
  Bytes data_;
  std::size_t chunk_;
  std::size_t window_;
  std::size_t offset_ = 0;
  std::size_t sends_ = 0;
  std::size_t mostQueued_ = 0;
  bool finished_ = false;
};

bool ended(const TransferRig& rig) {
  return rig.had<Closed>(1) || rig.had<Failed>(1);
}

TEST_CASE("FTP put of 1 MiB of all byte values streamed in small sends is stored byte-exact" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  TransferRig rig;
  const Bytes file = allByteValues(1024 * 1024, 2);
  Feeder feed(rig, file, 1000, 64 * 1024);
  rig.network().ftpPut(1, ftpRequest(server, "", "upload.bin"));
  REQUIRE(rig.runUntil([&] { return ended(rig); }, std::chrono::seconds(30), std::ref(feed)));

  const auto events = rig.eventsOf(1);
  REQUIRE(events.size() == 2);
  CHECK(std::holds_alternative<Ready>(events[0]));
  CHECK(std::holds_alternative<Closed>(events[1]));
  CHECK(feed.sends() > 1000);
  CHECK(feed.mostQueued() < 64 * 1024 + 1000);
  CHECK(rig.network().queuedToNetwork() == 0);
  CHECK(readFile(server.root() / "upload.bin") == asString(file));
}

TEST_CASE("FTP put of nothing stores an empty file" * doctest::skip(kNotRoot)) {
  VsftpdServer server;
  TransferRig rig;
  rig.onEvent([&](const NetworkEvent& event) {
    if (std::holds_alternative<Ready>(event)) rig.network().finish(1);
  });
  rig.network().ftpPut(1, ftpRequest(server, "", "empty"));
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  CHECK(std::filesystem::exists(server.root() / "empty"));
  CHECK(std::filesystem::file_size(server.root() / "empty") == 0);
}

TEST_CASE("FTP put in type A stores the server's line ends" * doctest::skip(kNotRoot)) {
  VsftpdServer server;
  TransferRig rig;
  rig.onEvent([&](const NetworkEvent& event) {
    if (!std::holds_alternative<Ready>(event)) return;
    rig.network().send(1, toBytes("one\r\ntwo\r\n"));
    rig.network().finish(1);
  });
  FtpRequest request = ftpRequest(server, "/", "text.txt");
  request.ascii = true;
  rig.network().ftpPut(1, request);
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  // vsftpd (ascii_upload_enable) turns network ASCII into its own: LF.
  CHECK(readFile(server.root() / "text.txt") == "one\ntwo\n");
}

TEST_CASE("FTP put into a directory the user may not write is 38023" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  const auto locked = server.root() / "locked";
  std::filesystem::create_directory(locked);  // root's, 0755: the FTP user cannot create here
  ::chmod(locked.c_str(), 0755);
  TransferRig rig;
  rig.network().ftpPut(1, ftpRequest(server, "locked", "file"));
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::FileDeletionFailed));
  CHECK_FALSE(rig.had<Ready>(1));
}

TEST_CASE("FTP put into a missing directory is 38022 and with a wrong password 38081" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  TransferRig rig;
  FtpRequest wrongPassword = ftpRequest(server, "", "file");
  wrongPassword.password = "wrong";
  rig.network().ftpPut(1, ftpRequest(server, "missing", "file"));
  rig.network().ftpPut(2, wrongPassword);
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::ChangeDirectoryFailed));
  CHECK(failureCode(rig.runToEnd(2)) == code(CmeError::PasswordRejected));
}

TEST_CASE("FTP put whose connection drops in the middle of the data is 38017") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "STOR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Ok to send data.");
    data.drain(20000);
    data.close();
    control.close();
  });
  TransferRig rig;
  rig.onEvent([&](const NetworkEvent& event) {
    if (!std::holds_alternative<Ready>(event)) return;
    rig.network().send(1, allByteValues(2 * 1024 * 1024, 3));
    rig.network().finish(1);
  });
  FtpRequest request;
  request.server = server.endpoint();
  request.user = "user";
  request.password = "password";
  request.file = "upload";
  rig.network().ftpPut(1, request);
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::DataSendFailed));
  CHECK(rig.network().queuedToNetwork() == 0);
}

}  // namespace
}  // namespace atsharp::test
