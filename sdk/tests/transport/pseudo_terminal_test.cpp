// The pseudo-terminal helper and symbolic links to its slave.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "atsharp/error.hpp"
#include "atsharp/transport/fd_transport.hpp"
#include "atsharp/transport/pseudo_terminal.hpp"
#include "atsharp/transport/symbolic_link.hpp"
#include "transport_test_helpers.hpp"

namespace atsharp::test {

TEST_CASE("openPseudoTerminal gives a raw pair and the slave's path") {
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  REQUIRE(pty.master.valid());
  REQUIRE(pty.slave.valid());
  CHECK(pty.slavePath.starts_with("/dev/pts/"));
  CHECK(::isatty(pty.slave.get()) == 1);

  termios settings{};
  REQUIRE(::tcgetattr(pty.slave.get(), &settings) == 0);
  CHECK((settings.c_lflag & (ECHO | ICANON | ISIG | IEXTEN)) == 0);
  CHECK((settings.c_iflag & (ICRNL | INLCR | IGNCR | ISTRIP | IXON)) == 0);
  CHECK((settings.c_oflag & OPOST) == 0);
  CHECK((settings.c_cflag & CSIZE) == CS8);
  CHECK((settings.c_cflag & PARENB) == 0);
}

TEST_CASE("openPseudoTerminal without the slave leaves it for a client to open") {
  PseudoTerminal pty = openPseudoTerminal();
  CHECK_FALSE(pty.slave.valid());
  struct stat info {};
  REQUIRE(::stat(pty.slavePath.c_str(), &info) == 0);
  CHECK(S_ISCHR(info.st_mode));
}

TEST_CASE("A pty pair carries all 256 byte values both ways unchanged (raw mode)") {
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  FdTransport master(std::move(pty.master), "master");
  FdTransport slave(std::move(pty.slave), pty.slavePath);
  const Bytes values = allByteValues();

  REQUIRE(master.write(values, generous()).status == IoStatus::Ok);
  Received got = readUpTo(slave, values.size(), generous());
  CHECK(got.last == IoStatus::Ok);
  CHECK(got.bytes == values);

  REQUIRE(slave.write(values, generous()).status == IoStatus::Ok);
  got = readUpTo(master, values.size(), generous());
  CHECK(got.last == IoStatus::Ok);
  CHECK(got.bytes == values);
}

TEST_CASE("FdTransport on a pty master reads Closed (EIO) once the slave side closes") {
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  FdTransport master(std::move(pty.master), "master");
  REQUIRE(::write(pty.slave.get(), "bye", 3) == 3);
  pty.slave.reset();
  const Received got = readToEnd(master, generous());
  CHECK(asString(got.bytes) == "bye");
  CHECK(got.last == IoStatus::Closed);
}

TEST_CASE("SymbolicLink points at the slave while it lives - replaces a stale link - and goes") {
  const TempDir dir;
  const std::string link = (dir.path() / "modem").string();
  PseudoTerminal pty = openPseudoTerminal();
  std::filesystem::create_symlink("/nonexistent/stale", link);  // left by an earlier run
  {
    const SymbolicLink made(pty.slavePath, link);
    CHECK(made.path() == link);
    CHECK(std::filesystem::read_symlink(link) == pty.slavePath);
    struct stat linked {};
    struct stat slave {};
    REQUIRE(::stat(link.c_str(), &linked) == 0);
    REQUIRE(::stat(pty.slavePath.c_str(), &slave) == 0);
    CHECK(linked.st_rdev == slave.st_rdev);
  }
  CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(link)));
}

TEST_CASE("SymbolicLink leaves a link that someone else has replaced since") {
  const TempDir dir;
  const std::string link = (dir.path() / "modem").string();
  {
    const SymbolicLink made("/dev/pts/first", link);
    std::filesystem::remove(link);
    std::filesystem::create_symlink("/dev/pts/second", link);
  }
  CHECK(std::filesystem::read_symlink(link) == "/dev/pts/second");
}

TEST_CASE("SymbolicLink refuses to replace a file that is not a symbolic link") {
  const TempDir dir;
  const std::string path = (dir.path() / "precious").string();
  std::ofstream(path) << "keep me";
  CHECK_THROWS_WITH_AS(
      SymbolicLink("/dev/pts/0", path),
      ("cannot make the link " + path + ": a file that is not a symbolic link is in the way")
          .c_str(),
      TransportError);
  CHECK(std::filesystem::is_regular_file(path));
}

}  // namespace atsharp::test
