#include "suite/suite.hpp"

namespace atsharp::harness {

const std::set<std::string>& builtinVariables() {
  static const std::set<std::string> names{"target",   "time_scale",    "suite",
                                           "case",     "module_ip",     "module_gsm_ip",
                                           "gateway_ip", "gsm_peer_ip"};
  return names;
}

const std::set<std::string>& knownCapabilities() {
  static const std::set<std::string> names{
      "radio-control",       // inject: the reference module's radio events
      "scenario",            // a suite's scenario: the reference module's simulated world
      "time-scale",          // spec timers in milliseconds: a module with a time scale
      "fixtures.ftp",       "fixtures.smtp", "fixtures.pop3",
      "fixtures.dns",       "fixtures.tcp",  "fixtures.udp",
      "daemons.ftp",        "daemons.smtp",  "daemons.pop3",  // the real daemons (interop)
      "daemons.dns",
      "silent-network",      // a network where no echo request is answered
      "no-icmp-permission",  // a module without an ICMP socket
  };
  return names;
}

SpecReference rowSpec(const std::string& id, const std::string& document) {
  return SpecReference{document, id.substr(0, id.find('/')), id};
}

std::vector<SpecReference> specOfRun(const Suite& suite, const CaseSpec& spec,
                                     const Vars& params) {
  Vars vars = params;
  vars.insert(spec.vars.begin(), spec.vars.end());    // params first: they win
  vars.insert(suite.vars.begin(), suite.vars.end());
  std::vector<SpecReference> rows;
  for (const SpecReference& row : spec.spec) {
    const TemplateText id(row.row);
    rows.push_back(id.hasReferences() ? rowSpec(id.render(vars), row.document) : row);
  }
  return rows;
}

}  // namespace atsharp::harness
