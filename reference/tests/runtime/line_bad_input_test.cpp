// Whatever a host sends down the pty, the module neither crashes nor hangs, and answers AT
// afterwards.

#include <doctest/doctest.h>

#include "atsharp/reference/emulator.hpp"
#include "atsharp/transport/serial_transport.hpp"
#include "random.hpp"
#include "runtime_test_support.hpp"

namespace atsharp::test {
namespace {

using reference::Emulator;
using reference::EmulatorOptions;

constexpr std::string_view kOk = "AT\r\r\nOK\r\n";

void send(Transport& line, ByteView bytes) {
  REQUIRE(line.write(bytes, generous()).status == IoStatus::Ok);
}

// Reads what the junk provoked until the line has been quiet a while (what a host whose
// reads fell behind would find), ends whatever line the junk left half typed, and waits for a
// marker's answer to come last: the line is then in step again.
void resynchronise(Transport& line) {
  while (!staysQuiet(line, 200ms)) {
  }
  const std::string marker = "AT#VSTATE\r\r\n#STATE: \"IDLE\"\r\n\r\nOK\r\n";
  send(line, asBytes("\rAT#VSTATE\r"));
  REQUIRE(readUntilSuffix(line, marker).ends_with(marker));
}

}  // namespace

TEST_CASE("junk on the pty is survived and AT still answers OK") {
  ATSHARP_SEED_INFO();
  const TempDir dir;
  EmulatorOptions options;
  options.ptyLink = dir / "modem";
  Emulator emulator(options);
  emulator.start();
  SerialTransport serial((dir / "modem").string(), SerialSettings{}, SerialBackend::Termios);
  auto random = rng(17);

  SUBCASE("random bytes of all 256 values") {
    for (int chunk = 0; chunk < 16; ++chunk) send(serial, randomBytes(random, 512));
  }
  SUBCASE("NUL bytes inside and around a command") {
    send(serial, Bytes(300, 0));
    send(serial, ByteView(reinterpret_cast<const Byte*>("A\0T\0\r"), 5));
  }
  SUBCASE("overlong lines") {
    for (int i = 0; i < 4; ++i) send(serial, asBytes(std::string(5000, 'A') + "\r"));
    send(serial, asBytes("AT" + std::string(100'000, '#')));  // no line end at all
  }
  SUBCASE("control characters and half commands") {
    send(serial, asBytes("AT#\x1b\x1a\x08\x7f\n\n\rAT+\rAT#VSTATE=\"\r\x03\x04\x11\x13"));
  }
  resynchronise(serial);
  CHECK(exchange(serial, "AT\r", kOk) == kOk);
}

}  // namespace atsharp::test
