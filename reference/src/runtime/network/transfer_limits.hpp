#pragma once
// The bounds of TransferNetwork: how long a server may keep a transfer waiting, and how much
// memory a transfer may hold. Real time (not module time): they stand for what a server takes,
// which no time scale speeds up. Tests pass shorter ones to reach the timeout paths quickly.

#include <chrono>
#include <cstddef>

namespace atsharp::reference {

struct TransferLimits {
  /// The TCP connect, the server's greeting and the login together (CURLOPT_CONNECTTIMEOUT_MS).
  std::chrono::milliseconds connectTimeout{30'000};
  /// Any one reply of the server (CURLOPT_SERVER_RESPONSE_TIMEOUT, whole seconds): also bounds
  /// the waits libcurl does outside the event loop (FTP's 226, SMTP's 250 after the data,
  /// QUIT's reply).
  std::chrono::seconds replyTimeout{60};
  /// A download (FTP get, POP3) that moves no byte for this long fails
  /// (CURLOPT_LOW_SPEED_TIME); while the host line is backed up it is not counted as stalled.
  /// Uploads wait for the module's data as long as it takes (its own timers end them).
  std::chrono::seconds stallTimeout{120};
  /// The largest Received of a download (CURLOPT_BUFFERSIZE).
  std::size_t chunkSize = 64 * 1024;
  /// Received bytes of one download on their way to the module: past this, the download waits
  /// (CURL_WRITEFUNC_PAUSE) until the module had them.
  std::size_t inFlight = 256 * 1024;
  /// The largest e-mail a POP3 retrieval takes (it is handed over whole); larger is 38025.
  std::size_t maxMessage = 1024 * 1024;
};

}  // namespace atsharp::reference
