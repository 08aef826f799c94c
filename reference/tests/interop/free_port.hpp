#pragma once
// A port nothing uses on a loopback address, for the module's own listeners (AT#LTCPSTART,
// AT#LUDPSTART on 127.0.0.2), which the module binds itself.

#include <cstdint>
#include <string>

#include "socket_address.hpp"

namespace atsharp::test {

/// A port the kernel gives out on @p address now (free until someone else takes it).
std::uint16_t freePort(const std::string& address, Protocol protocol);

}  // namespace atsharp::test
