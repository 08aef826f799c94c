#pragma once
// A data session piped to two file descriptors, as nc does with a socket: what comes on the
// input goes to the peer, what the peer sends goes to the output.

#include <chrono>
#include <cstdint>

#include "atsharp/module/data_session.hpp"

namespace atsharp::cli::lab {

struct PipeOptions {
  int input = 0;   ///< read until its end (stdin)
  int output = 1;  ///< the peer's payload (stdout)
  /// After the end of the input, how long the peer still has to answer before the host ends
  /// the session (ETX). Under DLEMODE 0 the host cannot end it (5.1.1): the pipe then waits
  /// for the peer to close.
  std::chrono::milliseconds linger{0};
};

/// How the session went.
struct PipeOutcome {
  std::uint64_t sent = 0;
  std::uint64_t received = 0;
  DataSession::State end = DataSession::State::Open;
  std::optional<int> errorCode;  ///< the module's code when the session failed
  bool interrupted = false;      ///< SIGINT or SIGTERM ended it
};

/// Pipes until the session ends: the peer closes, the host closes after the input's end and
/// the linger, the module fails it, or SIGINT / SIGTERM (then the host closes at once).
PipeOutcome pipeSession(DataSession& session, const PipeOptions& options);

}  // namespace atsharp::cli::lab
