#include "name_lookup.hpp"

#include <vector>

#include "atsharp/catalogue/value_rules.hpp"
#include "../interpreter/module_core.hpp"

namespace atsharp::reference {

using catalogue::Param;

std::optional<Lookup> lookUp(ModuleCore& core, const std::string& host) {
  if (catalogue::isDottedQuad(host)) return Lookup{host, std::nullopt};
  std::vector<std::string> servers;
  for (Param server : {Param::Dnsserv1, Param::Dnsserv2}) {
    const std::string& address = core.params.value(server);
    if (address != "0.0.0.0") servers.push_back(address);
  }
  if (servers.empty()) return std::nullopt;
  const ActivityId query = core.services.newActivity();
  core.services.port()->resolve(query, localAddress(core), host, servers,
                                static_cast<std::uint16_t>(core.scenario.network.dnsPort));
  return Lookup{std::nullopt, query};
}

std::string localAddress(const ModuleCore& core) {
  const std::string& mine = core.link.myAddress();
  return mine.starts_with("127.") ? mine : std::string{};
}

std::uint16_t portOf(const ModuleCore& core, Param param, int socket) {
  return static_cast<std::uint16_t>(
      catalogue::parseDecimal(core.params.value(param, socket)).value_or(0));
}

}  // namespace atsharp::reference
