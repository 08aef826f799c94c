#pragma once
// The bounds of TransferNetwork: how long a server may keep a transfer waiting, and how much
// memory a transfer may hold.
//
// The waits are the module's own behaviour (a module's FTP or mail client gives up on a server
// that does not answer, with the code of the step where it stopped), so they are module time:
// TransferNetwork maps them to real time with its time scale (atTimeScale(), module_waits.hpp),
// like every other timer of the module. The memory bounds are the host's. Tests pass shorter
// waits to reach the timeout paths quickly.

#include <chrono>
#include <cstddef>

namespace atsharp::reference {

struct TransferLimits {
  /// The TCP connect, the server's greeting and the login together (CURLOPT_CONNECTTIMEOUT_MS).
  /// Module time.
  std::chrono::milliseconds connectTimeout{30'000};
  /// Any one reply of the server (SilenceWatch; for the replies libcurl waits for by itself,
  /// FTP's 226, SMTP's 250 after the data and QUIT's answer, CURLOPT_SERVER_RESPONSE_TIMEOUT,
  /// which counts whole seconds: rounded up). Module time.
  std::chrono::milliseconds replyTimeout{60'000};
  /// Data that stops moving, either way, fails the transfer after this long (SilenceWatch).
  /// The time the transfer waits for the module does not count: an upload waits for the
  /// host's data as long as it takes (the module's own timers end it, such as PUTMAIL's 50 s),
  /// a download paused because the host line is backed up waits for the line. Module time.
  std::chrono::milliseconds stallTimeout{120'000};
  /// The largest Received of a download (CURLOPT_BUFFERSIZE). Host bound.
  std::size_t chunkSize = 64 * 1024;
  /// Received bytes of one download on their way to the module: past this, the download waits
  /// (CURL_WRITEFUNC_PAUSE) until the module had them. Host bound.
  std::size_t inFlight = 256 * 1024;
  /// The largest e-mail a POP3 retrieval takes (it is handed over whole); larger is 38025.
  /// Host bound.
  std::size_t maxMessage = 1024 * 1024;
};

}  // namespace atsharp::reference
