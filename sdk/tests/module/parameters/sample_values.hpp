#pragma once
// Values for every parameter, derived from the catalogue's kind and bounds, so that a test can
// go over all 67 parameters without a hand-kept list of them.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/module/ids.hpp"

namespace atsharp::test {

/// A legal value of @p spec that is not its default, as Module::setText takes it (an address
/// list joined with ",", a body with CR LF). @p variant 1 gives another one (socket 2's).
std::string legalSample(const catalogue::ParameterSpec& spec, int variant = 0);

/// A value the catalogue refuses for @p spec, as Module::setText takes it.
std::string illegalSample(const catalogue::ParameterSpec& spec);

/// Every (parameter, socket) pair there is: each parameter once, the TCP ones once per socket.
std::vector<std::pair<catalogue::Param, std::optional<SocketId>>> everyValue();

/// The sample for a (parameter, socket) pair: variant 0 for socket 1 and plain parameters,
/// variant 1 for socket 2, so that the two sockets hold different values.
std::string sampleFor(catalogue::Param parameter, std::optional<SocketId> id);

}  // namespace atsharp::test
