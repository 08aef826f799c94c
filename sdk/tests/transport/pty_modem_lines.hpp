#pragma once
// Lets libserialport open a pseudo-terminal inside this test executable.
//
// libserialport 0.1.1's sp_open() reads and sets the modem-control lines (TIOCMGET, TIOCMBIS,
// TIOCMBIC, TIOCMSET), which a pty does not implement (ENOTTY), and gives up. The executable
// defines its own ioctl() (pty_modem_lines.cpp), which the dynamic linker binds libserialport's
// calls to; it forwards every request through dlsym(RTLD_NEXT, "ioctl") (to the sanitizer's
// interceptor under ASan, then the C library), and while a PtyModemLines is alive it answers a
// modem-control request that failed with ENOTTY on a pty slave as a UART whose modem lines are
// not wired would: TIOCMGET reports no line set (0), setting or clearing lines succeeds and
// changes nothing.

namespace atsharp::test {

/// While alive, modem-control requests on pty slaves are answered (see above).
/// Not nestable; tests that use it do not run concurrently (doctest runs cases one at a time).
class PtyModemLines {
 public:
  PtyModemLines();
  ~PtyModemLines();
  PtyModemLines(const PtyModemLines&) = delete;
  PtyModemLines& operator=(const PtyModemLines&) = delete;

  /// Modem-control requests answered since this object was made.
  static int answered() noexcept;
};

}  // namespace atsharp::test
