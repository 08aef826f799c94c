#pragma once
/// @file
/// The one error hierarchy of atsharp. Every failure the SDK reports is an atsharp::Error, so
/// a host application can catch that base once, or the exact kind it knows how to handle.
///
/// Expected outcomes of I/O with a deadline (a read that timed out, a peer that closed) are
/// not exceptions at the transport layer: Transport::read and Transport::write return them as
/// a status, because a caller in a loop needs them every time. Everything else throws.

#include <stdexcept>
#include <string>

namespace atsharp {

/// Base of every error atsharp throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A transport could not be opened or configured, or failed with an operating-system error
/// (the message names the device and the cause).
class TransportError : public Error {
 public:
  using Error::Error;
};

/// The line was closed (the peer hung up, the pty went away, close() was called) while an
/// operation still needed it.
class TransportClosedError : public TransportError {
 public:
  using TransportError::TransportError;
};

/// A caller passed a value the API cannot accept (a malformed target URL, an illegal setting).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace atsharp
