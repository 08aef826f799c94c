#pragma once
// Ctrl-C and SIGTERM during a benchmark: the handlers only raise a flag, and every wait of the
// benchmark polls it and throws Interrupted, so that the normal unwinding stops the children,
// the servers and removes the temporary directories instead of leaving them behind.

#include <stdexcept>

namespace atsharp::bench {

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted by a signal") {}
};

/// Installs the SIGINT and SIGTERM handlers (once, from main()).
void catchInterruptions();

/// Whether SIGINT or SIGTERM came.
bool interrupted() noexcept;

/// Throws Interrupted once SIGINT or SIGTERM came.
void throwIfInterrupted();

}  // namespace atsharp::bench
