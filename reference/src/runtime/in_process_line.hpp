#pragma once
// Emulator::connect(): a tap inside the process, over a Unix socket pair, so that an in-process
// host (the SDK's tests, the conformance harness's `ref` target) uses the same Transport code
// as over a pty or TCP.

#include <boost/asio/io_context.hpp>

#include <memory>

#include "atsharp/transport/transport.hpp"
#include "line_hub.hpp"

namespace atsharp::reference {

/// Joins one end of a new socket pair to @p hub and returns the other as a Transport ("ref").
/// Throws TransportError when the pair cannot be made.
std::unique_ptr<Transport> connectInProcess(boost::asio::io_context& io, LineHub& hub);

}  // namespace atsharp::reference
