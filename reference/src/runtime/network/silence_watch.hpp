#pragma once
// How long the server of a transfer has kept it waiting, and how long it may. libcurl 7.88
// checks its reply timeout (CURLOPT_SERVER_RESPONSE_TIMEOUT) only when something makes it run:
// driven by socket readiness, a server that stops answering after the login leaves every
// socket idle, and no timer of libcurl's is due, so the transfer would wait for ever. It has no
// bound at all for an upload the server stops taking (its low-speed limit would also count the
// time the module takes to type). TransferEngine therefore keeps the watch itself, on a timer
// of its own, from what the transfer shows of the conversation:
//
// - after a command, the server's reply may take TransferLimits::replyTimeout;
// - once data moves (either way), its next byte may take TransferLimits::stallTimeout;
// - a line of the server restarts the wait it was part of;
// - while the transfer waits for the module (an upload with no data from the host, a download
//   paused because the host line is backed up) nothing counts: the server is not to blame.
//
// libcurl's own bounds stay for what this watch cannot see: the TCP connect and the login
// (CURLOPT_CONNECTTIMEOUT_MS, on a timer of libcurl's), and the replies libcurl waits for by
// itself, blocking its thread (FTP's 226, SMTP's 250 after the message, QUIT's answer).

#include <chrono>

#include "transfer_limits.hpp"

namespace atsharp::reference {

class SilenceWatch {
 public:
  using Clock = std::chrono::steady_clock;

  /// Starts watching at @p start (the transfer's start: the greeting is a reply too).
  SilenceWatch(const TransferLimits& limits, Clock::time_point start);

  /// The client sent a command (or a line of a login exchange): the server owes a reply.
  void commandSent(Clock::time_point now);
  /// A line of the server came.
  void replied(Clock::time_point now);
  /// Bytes of the data moved (a download's, an upload's, a message's), either way.
  void dataMoved(Clock::time_point now);
  /// The transfer waits for the module (true) rather than for the server, or no longer does.
  void setHeld(bool held, Clock::time_point now);

  /// Whether the server has kept the transfer waiting longer than it may, at @p now.
  bool expired(Clock::time_point now) const;
  /// When to look again: no later than the moment the wait expires, whatever the transfer
  /// does from @p now on (data that starts moving shortens the limit, for one).
  Clock::time_point nextCheck(Clock::time_point now) const;

 private:
  Clock::duration limit() const;

  const TransferLimits& limits_;
  Clock::time_point since_;
  bool dataMoving_ = false;
  bool held_ = false;
};

}  // namespace atsharp::reference
