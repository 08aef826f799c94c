// The SDK as a user gets it: `cmake --install` into a temporary prefix, the examples of
// sdk/examples built against it with find_package(atsharp) and with pkg-config, then each run
// against `atsharp emulate` with the peers and servers it needs.

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <sstream>
#include <thread>

#include "atsharp/fixtures/daemons/fixture_script.hpp"
#include "atsharp/fixtures/daemons/temp_dir.hpp"
#include "atsharp/fixtures/daemons/vsftpd_server.hpp"
#include "atsharp/fixtures/free_ports.hpp"
#include "atsharp/fixtures/smtp_fixture.hpp"
#include "atsharp/fixtures/tcp_peer.hpp"
#include "bench_module.hpp"
#include "cli_run.hpp"

namespace atsharp::test {
namespace {

TEST_SUITE_BEGIN("packaging");

using namespace std::chrono_literals;
namespace fs = std::filesystem;

const std::vector<std::string> kExamples{"gprs_tcp_echo", "ftp_download", "send_mail",
                                         "tcp_listen"};

// Runs @p argv; fails the test with what it said unless it exits 0.
std::string require(const std::vector<std::string>& argv, const CliOptions& options = {}) {
  const CliResult result = runProgram(argv, options);
  std::string command;
  for (const std::string& word : argv) command += word + " ";
  REQUIRE_MESSAGE(result.status == 0, command, "\n", result.out, result.err);
  return result.out;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> split;
  for (std::string word; in >> word;) split.push_back(word);
  return split;
}

// The installed package, and the examples built against it both ways.
class InstalledPackage {
 public:
  InstalledPackage() {
    require({ATSHARP_CMAKE, "--install", ATSHARP_BUILD_DIR, "--prefix", prefix().string()});
    require({ATSHARP_CMAKE, "-S", ATSHARP_EXAMPLES_DIR, "-B", (dir_.path() / "cmake").string(),
             "-G", ATSHARP_GENERATOR, "-DCMAKE_MAKE_PROGRAM=" ATSHARP_MAKE_PROGRAM,
             "-DCMAKE_CXX_COMPILER=" ATSHARP_CXX_COMPILER,
             "-DCMAKE_PREFIX_PATH=" + prefix().string()});
    require({ATSHARP_CMAKE, "--build", (dir_.path() / "cmake").string(), "-j", "2"});
    const std::string flags =
        require({ATSHARP_PKG_CONFIG, "--cflags", "--libs", "atsharp"},
                {.environment = {"PKG_CONFIG_PATH=" + (prefix() / "lib" / "pkgconfig").string()}});
    fs::create_directories(dir_.path() / "pkg-config");
    for (const std::string& example : kExamples) {
      std::vector<std::string> compile{ATSHARP_CXX_COMPILER, "-std=c++20",
                                        std::string(ATSHARP_EXAMPLES_DIR) + "/" + example + ".cpp",
                                        "-o", pkgConfigBuilt(example).string()};
      for (const std::string& flag : words(flags)) compile.push_back(flag);
      require(compile);
    }
  }

  fs::path prefix() const { return dir_.path() / "prefix"; }
  fs::path cmakeBuilt(const std::string& example) const { return dir_.path() / "cmake" / example; }
  fs::path pkgConfigBuilt(const std::string& example) const {
    return dir_.path() / "pkg-config" / example;
  }

 private:
  fixtures::TempDir dir_;
};

TEST_CASE("the installed package builds the examples and each runs against atsharp emulate") {
  // Installed and built once; each subcase runs one example against a fresh module.
  static const InstalledPackage package;
  CHECK(fs::exists(package.prefix() / "include" / "atsharp" / "module" / "module.hpp"));
  CHECK(fs::exists(package.prefix() / "lib" / "cmake" / "atsharp" / "atsharpConfig.cmake"));
  for (const std::string& example : kExamples) {
    CHECK(fs::exists(package.cmakeBuilt(example)));
    CHECK(fs::exists(package.pkgConfigBuilt(example)));
  }
  BenchModule module;

  SUBCASE("GPRS connect and TCP echo, built with find_package and with pkg-config") {
    for (const fs::path& program :
         {package.cmakeBuilt("gprs_tcp_echo"), package.pkgConfigBuilt("gprs_tcp_echo")}) {
      fixtures::TcpPeer echo = fixtures::TcpPeer::listen({.mode = fixtures::TcpPeerMode::Echo});
      const CliResult result = runProgram(
          {program.string(), module.target(), "127.0.0.1", std::to_string(echo.endpoint().port)});
      CHECK(result.out.find("connected, address 127.0.0.2\n") != std::string::npos);
      CHECK(result.out.ends_with("echoed: hello from atsharp\n"));
      CHECK(result.status == 0);
    }
  }
  SUBCASE("FTP download to a file") {
    if (!fixtures::isRoot()) {
      MESSAGE("vsftpd needs root: the FTP example was not run");
      return;
    }
    fixtures::VsftpdServer server;
    fixtures::writeFile(server.root() / "firmware.bin", std::string(50000, '\x10') + "\x03" "end");
    const fs::path local = module.dir() / "firmware.bin";
    const CliResult result = runProgram(
        {package.cmakeBuilt("ftp_download").string(), module.target(),
         server.endpoint().address, std::to_string(server.endpoint().port), server.user(),
         "firmware.bin", local.string()},
        {.environment = {"ATSHARP_FTP_PASSWORD=" + server.password()}});
    CHECK(result.out == "downloaded 50004 bytes into " + local.string() + "\n");
    CHECK(result.status == 0);
    CHECK(fixtures::readFile(local) == std::string(50000, '\x10') + "\x03" "end");
  }
  SUBCASE("send a mail") {
    fixtures::SmtpFixture smtp;
    const CliResult result = runProgram(
        {package.cmakeBuilt("send_mail").string(), module.target(), smtp.endpoint().address,
         std::to_string(smtp.endpoint().port), "module@example.com", "bench@example.com"});
    CHECK(result.out == "mail sent to bench@example.com\n");
    CHECK(result.status == 0);
    REQUIRE(smtp.waitForMails(1, 10s));
    CHECK(smtp.mails().at(0).recipients == std::vector<std::string>{"bench@example.com"});
    CHECK(smtp.mails().at(0).field("Subject") == "Hello from a WISMO module");
  }
  SUBCASE("listen for a TCP peer") {
    const std::uint16_t port = fixtures::freePort("127.0.0.2");
    std::optional<fixtures::TcpPeer> peer;
    std::thread client([&] {
      for (int attempt = 0; attempt < 100 && !peer; ++attempt) {
        try {
          peer.emplace(fixtures::TcpPeer::connect({"127.0.0.2", port}, 1s));
        } catch (const Error&) {
          std::this_thread::sleep_for(100ms);
        }
      }
      if (!peer) return;
      peer->send(asBytes("a line from the peer\n"));
      peer->waitForReceived(12, 10s);
      peer->close();
    });
    const CliResult result = runProgram(
        {package.cmakeBuilt("tcp_listen").string(), module.target(), std::to_string(port), "30"});
    client.join();
    REQUIRE(peer);
    CHECK(result.out == "listening on 127.0.0.2:" + std::to_string(port) +
                            "\na line from the peer\n");
    CHECK(asString(peer->received()) == "hello, peer\n");
    CHECK(result.status == 0);
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::test
