// atsharp ftp get|put against vsftpd (the fixtures library's wrapper of the real daemon) and
// atsharp mail send|put against the fixtures' SMTP server, through `atsharp emulate` on a pty.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "atsharp/fixtures/daemons/fixture_script.hpp"
#include "atsharp/fixtures/daemons/vsftpd_server.hpp"
#include "atsharp/fixtures/pop3_fixture.hpp"
#include "atsharp/fixtures/smtp_fixture.hpp"
#include "atsharp/transport/pseudo_terminal.hpp"
#include "bench_module.hpp"
#include "cli_run.hpp"

namespace atsharp::test {
namespace {

TEST_SUITE_BEGIN("bench-commands");

using namespace std::chrono_literals;
using nlohmann::json;
namespace fs = std::filesystem;

CliResult bench(const BenchModule& module, std::vector<std::string> args,
                const CliOptions& options = {}) {
  args.push_back("--target");
  args.push_back(module.target());
  return runAtsharp(args, options);
}

void configure(const BenchModule& module,
               const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    REQUIRE_MESSAGE(bench(module, {"config", "set", name, value}).status == 0, name);
  }
}

std::string randomBytes(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (char& byte : bytes) byte = static_cast<char>(random() % 256);
  return bytes;
}

// What a terminal showed: everything the pty's master can read now.
std::string drain(int master) {
  std::string shown;
  char buffer[4096];
  pollfd watched{master, POLLIN, 0};
  while (::poll(&watched, 1, 100) > 0) {
    const ssize_t got = ::read(master, buffer, sizeof buffer);
    if (got <= 0) break;
    shown.append(buffer, static_cast<std::size_t>(got));
  }
  return shown;
}

// The module connected, with vsftpd's account in its FTP parameters.
void prepareFtp(const BenchModule& module, const fixtures::VsftpdServer& server) {
  configure(module, {{"FTPSERV", server.endpoint().address},
                     {"FTPPORT", std::to_string(server.endpoint().port)},
                     {"FTPUN", server.user()},
                     {"FTPPW", server.password()}});
  REQUIRE(bench(module, {"connect"}).status == 0);
}

TEST_CASE("ftp get writes the file byte-exact" * doctest::skip(!fixtures::isRoot())) {
  fixtures::VsftpdServer server;
  BenchModule module;
  prepareFtp(module, server);
  const std::string content = randomBytes(300 * 1024, 11);
  fixtures::writeFile(server.root() / "data.bin", content);
  const fs::path local = module.dir() / "copy.bin";

  const CliResult result = bench(module, {"ftp", "get", "data.bin", local.string()});
  CHECK(result.out == "received 307200 bytes into " + local.string() + "\n");
  CHECK(result.err == "");  // no progress line in a pipe
  CHECK(result.status == 0);
  CHECK(fixtures::readFile(local) == content);

  SUBCASE("a file in a folder, with --json") {
    fs::create_directories(server.root() / "pub");
    fixtures::writeFile(server.root() / "pub" / "small.bin", content.substr(0, 1000));
    const fs::path other = module.dir() / "small.bin";
    const CliResult json = bench(module, {"ftp", "get", "pub/small.bin", other.string(), "--json"});
    CHECK(json.out == R"({"remote":"pub/small.bin","local":")" + other.string() +
                          R"(","bytes":1000})"
                          "\n");
    CHECK(fixtures::readFile(other) == content.substr(0, 1000));
    CHECK(bench(module, {"config", "get", "FTPGETPATH"}).out == "pub\n");
  }
  SUBCASE("to stdout") {
    const CliResult piped = bench(module, {"ftp", "get", "data.bin", "-"});
    CHECK(piped.out == content);
    CHECK(piped.status == 0);
  }
  SUBCASE("a progress line on a terminal") {
    const PseudoTerminal terminal = openPseudoTerminal(SlaveSide::Open);
    const fs::path again = module.dir() / "again.bin";
    const CliResult shown = bench(module, {"ftp", "get", "data.bin", again.string()},
                                  {.stderrFd = terminal.slave.get()});
    CHECK(shown.status == 0);
    const std::string screen = drain(terminal.master.get());
    CHECK(screen.starts_with("\rftp get data.bin  "));
    CHECK(screen.find("300.0 KiB") != std::string::npos);
    CHECK(screen.ends_with("\n"));
  }
  SUBCASE("a missing file exits 1 and leaves no file") {
    const fs::path missing = module.dir() / "missing.bin";
    const CliResult failed = bench(module, {"ftp", "get", "no-such-file.bin", missing.string()});
    CHECK(failed.err.starts_with("atsharp ftp get: the module answered AT#FTPGET: #CME ERROR: "));
    CHECK(failed.status == 1);
    CHECK_FALSE(fs::exists(missing));
  }
}

TEST_CASE("ftp put sends the file byte-exact" * doctest::skip(!fixtures::isRoot())) {
  fixtures::VsftpdServer server;
  BenchModule module;
  prepareFtp(module, server);
  const std::string content = randomBytes(100 * 1024, 12);
  const fs::path local = module.dir() / "upload.bin";
  fixtures::writeFile(local, content);

  const CliResult result = bench(module, {"ftp", "put", local.string()});
  CHECK(result.out == "sent 102400 bytes as upload.bin\n");
  CHECK(result.status == 0);
  CHECK(fixtures::readFile(server.root() / "upload.bin") == content);

  const CliResult fromStdin = bench(module, {"ftp", "put", "-", "named.bin", "--json"},
                                    {.input = content.substr(0, 5000)});
  CHECK(fromStdin.out == R"({"local":"-","remote":"named.bin","bytes":5000})"
                         "\n");
  CHECK(fixtures::readFile(server.root() / "named.bin") == content.substr(0, 5000));
}

TEST_CASE("mail send and mail put reach the SMTP server") {
  fixtures::SmtpFixture smtp;
  BenchModule module;
  configure(module, {{"SMTPSERV", smtp.endpoint().address},
                     {"SMTPPORT", std::to_string(smtp.endpoint().port)},
                     {"SENDERADDR", "module@example.com"},
                     {"REC1", "one@example.com,two@example.com"},
                     {"SUBJ1", "bench report"},
                     {"BODY1", "first line\nsecond line"}});
  REQUIRE(bench(module, {"connect"}).status == 0);

  const CliResult sent = bench(module, {"mail", "send", "1"});
  CHECK(sent.out == "sent mail 1\n");
  CHECK(sent.status == 0);
  REQUIRE(smtp.waitForMails(1, 10s));
  const fixtures::SmtpMail mail = smtp.mails().at(0);
  CHECK(mail.sender == "module@example.com");
  CHECK(mail.recipients == std::vector<std::string>{"one@example.com", "two@example.com"});
  CHECK(mail.field("Subject") == "bench report");
  CHECK(mail.body.starts_with("first line\r\nsecond line"));

  const CliResult put = bench(module, {"mail", "put", "--json"},
                              {.input = "Hello from stdin.\n.a line with a dot\nbye\n"});
  CHECK(put.out == "{\"sent\":true}\n");
  CHECK(put.status == 0);
  REQUIRE(smtp.waitForMails(2, 10s));
  CHECK(smtp.mails().at(1).body.starts_with("Hello from stdin.\r\n.a line with a dot\r\nbye\r\n"));

  const CliResult wrong = bench(module, {"mail", "send", "4"});
  CHECK(wrong.err == "atsharp mail send: mail combination 4: must be 1, 2 or 3 (see atsharp mail "
                     "send --help)\n");
  CHECK(wrong.status == 2);
}

TEST_CASE("mail get prints the first mail and then says there is none") {
  fixtures::Pop3Fixture pop3;
  pop3.addMessage("From: someone@example.com\nSubject: readings\n\nfirst line\n.dotted\n");
  BenchModule module;
  configure(module, {{"POP3SERV", pop3.endpoint().address},
                     {"POP3PORT", std::to_string(pop3.endpoint().port)},
                     {"POP3UN", pop3.options().user},
                     {"POP3PW", pop3.options().password}});
  REQUIRE(bench(module, {"connect"}).status == 0);

  const CliResult mail = bench(module, {"mail", "get"});
  CHECK(mail.out ==
        "From: someone@example.com\r\nSubject: readings\r\n\r\nfirst line\r\n.dotted\r\n");
  CHECK(mail.status == 0);
  CHECK(pop3.stored().empty());

  const CliResult none = bench(module, {"mail", "get", "--json"});
  CHECK(none.out == "{\"mail\":null}\n");
  CHECK(none.status == 0);
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::test
