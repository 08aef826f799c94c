#include "service_base.hpp"

#include <algorithm>

#include "atsharp/catalogue/commands.hpp"
#include "atsharp/codec/control_characters.hpp"
#include "../interpreter/module_core.hpp"
#include "name_lookup.hpp"

namespace atsharp::reference {

using catalogue::CmeError;

void writeEtx(ModuleCore& core) {
  const Byte etx = kEtx;
  core.out.raw({&etx, 1});
}

bool commandReads(std::string_view command, catalogue::Param param) {
  const catalogue::CommandSpec* spec = catalogue::findCommand(command);
  if (spec->resolvesNames &&
      (param == catalogue::Param::Dnsserv1 || param == catalogue::Param::Dnsserv2)) {
    return true;
  }
  return std::ranges::find(spec->reads, param) != spec->reads.end();
}

bool ServiceBase::owns(ActivityId id) const {
  return query_ == id || std::ranges::find(open_, id) != open_.end();
}

void ServiceBase::abandon(NetworkPort& port) {
  if (query_) port.close(*query_);
  for (ActivityId id : open_) port.close(id);
  open_.clear();
  query_.reset();
}

ActivityId ServiceBase::newActivity(ModuleCore& core) {
  const ActivityId id = core.services.newActivity();
  open_.push_back(id);
  return id;
}

void ServiceBase::ended(ActivityId id) { std::erase(open_, id); }

void ServiceBase::closeAll(ModuleCore& core) { abandon(*core.services.port()); }

Outcome ServiceBase::lookUpAndReach(ModuleCore& core, const std::string& host) {
  const std::optional<Lookup> lookup = lookUp(core, host);
  if (!lookup) {
    fail(core, CmeError::DnsResolutionFailed);
    return Outcome::Answered;
  }
  if (lookup->query) {
    query_ = lookup->query;
  } else {
    reached(core, *lookup->address);
  }
  return finished() ? Outcome::Answered : Outcome::Busy;
}

void ServiceBase::onEvent(ModuleCore& core, const NetworkEvent& event) {
  if (query_ && activityOf(event) == *query_) {
    query_.reset();
    if (const auto* resolved = std::get_if<Resolved>(&event)) {
      reached(core, resolved->address);
    } else {
      fail(core, CmeError::DnsResolutionFailed);
    }
    return;
  }
  onActivity(core, event);
}

// The link went down under the service: what it opened is gone, and the host learns it with
// 35867 ("Physical layer connection is currently not active").
void ServiceBase::onLinkLost(ModuleCore& core) { fail(core, CmeError::PhysicalLayerNotActive); }

void ServiceBase::succeed(ModuleCore& core, catalogue::Result final) {
  closeAll(core);
  core.out.result(final);
  endPhase(core);
}

void ServiceBase::fail(ModuleCore& core, CmeError code) {
  closeAll(core);
  switch (phase_) {
    case Phase::Command: core.out.cmeError(code); break;
    case Phase::Line:
      if (dataCoded_) writeEtx(core);
      core.out.cmeError(code);
      break;
    case Phase::Background:
      core.out.unsolicited("#CME ERROR: " + std::to_string(catalogue::value(code)));
      break;
  }
  endPhase(core);
}

// The service is over: give back what it held of the line, so that the host's input and the
// held unsolicited lines flow again.
void ServiceBase::endPhase(ModuleCore& core) {
  const Phase was = phase_;
  phase_ = Phase::Background;
  finish();
  if (was == Phase::Line) {
    core.services.releaseLine(core);
  } else if (was == Phase::Command) {
    core.finishOperation();
  }
}

void ServiceBase::holdLine(ModuleCore& core) {
  const Phase was = phase_;
  phase_ = Phase::Line;
  core.out.hold();  // unsolicited lines wait out data mode
  core.services.takeLine(*this);
  if (was == Phase::Command) core.finishOperation();
}

void ServiceBase::awaitFinal(ModuleCore& core) {
  phase_ = Phase::Command;
  core.beginOperation();  // first, so that giving the line back does not free it
  core.services.releaseLine(core);
}

void ServiceBase::runInBackground(ModuleCore& core) {
  phase_ = Phase::Background;
  core.finishOperation();
}

}  // namespace atsharp::reference
