#pragma once
// How parameters are shown: by AT#NAME?, by the display commands and by AT#VALL (2.4 to 8.3).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/catalogue/parameters.hpp"
#include "parameter_store.hpp"

namespace atsharp::reference {

/// One parameter's line: '#PPPMODE: 1', '#ISPUN: "me"', '#FTPTYPE = I', and with a socket id
/// '#DLEMODE: 2,1', '#TCPSERV: 2,""' (5.5.2). A line break in a body shows as the two
/// characters \n, so that the value stays on its line.
std::string displayLine(const catalogue::ParameterSpec& spec, std::string_view value,
                        std::optional<int> socket = std::nullopt);

/// The lines of a display command. @p index is the mail combination of AT#VMAILi or the socket
/// id of AT#VTCP=id, and is not used by the others.
std::vector<std::string> displayLines(const ParameterStore& store, catalogue::Display display,
                                      int index = 1);

/// AT#VALL (8.3.2): the software name, then every parameter in blocks, each block after an
/// empty line.
std::vector<std::string> allParameterLines(const ParameterStore& store,
                                           std::string_view softwareName);

}  // namespace atsharp::reference
