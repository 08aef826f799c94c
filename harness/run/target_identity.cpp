#include "run/target_identity.hpp"


#include "atsharp/error.hpp"
#include "run/module_reset.hpp"
#include "text/regex.hpp"

namespace atsharp::harness {

std::optional<TargetIdentity> parseVersionLine(const std::string& line) {
  static const Regex form(R"(#VERSION\s*[:=]\s*"?([^" ]+)(?: +([0-9]+))?(?: +([^"]*))?"?\s*)");
  const auto parts = form.groups(line);
  if (!parts) return std::nullopt;
  return TargetIdentity{line, (*parts)[1], (*parts)[2], (*parts)[3]};
}

IdentityProbe probeIdentity(Target& target, const Timing& timing) {
  IdentityProbe probe;
  std::unique_ptr<CaseModule> module;
  try {
    module = target.open(ModuleRequest{});
  } catch (const std::exception& failure) {
    probe.problem = failure.what();
    probe.unreachable = true;
    return probe;
  }
  Transcript transcript(Clock::now());
  ModuleLine line(module->line(), transcript, LineSettings{});
  line.settings().echo = target.echoAtStart();
  line.start();
  if (!target.freshPerCase()) {
    const std::string problem = resetModule(line, transcript, target.reset(), timing);
    if (!problem.empty()) {
      probe.problem = problem;
      probe.unreachable = true;
      return probe;
    }
  }
  std::string why;
  const Deadline deadline = after(std::chrono::seconds(10));
  if (!line.write(asBytes("AT#VVERSION\r"), EntryKind::Command, "AT#VVERSION", deadline, why)) {
    probe.problem = "cannot ask AT#VVERSION: " + why;
    probe.unreachable = true;
    return probe;
  }
  std::string versionLine;
  while (true) {
    const LineRead read = line.peekLine(deadline, false);
    if (read.arrival != Arrival::Arrived) {
      probe.problem = "no answer to AT#VVERSION";
      probe.unreachable = versionLine.empty();
      break;
    }
    line.consume(read.line, EntryKind::Discarded);
    const std::string& text = read.line.text;
    if (text.rfind("#VERSION", 0) == 0) versionLine = text;
    if (text == "OK" || text == "0" || text == "ERROR" || text.find("CME ERROR") != std::string::npos) {
      break;
    }
  }
  line.stop();
  if (versionLine.empty()) {
    if (probe.problem.empty()) probe.problem = "AT#VVERSION gave no #VERSION line";
    return probe;
  }
  probe.identity = parseVersionLine(versionLine);
  if (!probe.identity) {
    probe.identity = TargetIdentity{versionLine, "", "", ""};
    probe.problem = "the #VERSION line has an unknown form";
  } else {
    probe.problem.clear();
  }
  return probe;
}

}  // namespace atsharp::harness
