#pragma once
// What the fixture steps share: finding the case's service, recording what a step did to a
// fixture (or what the fixture saw) in the transcript, reading names and texts from a suite,
// comparing bytes a fixture received with a payload, and waiting for a fixture with the step's
// timeout.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "payload/payload_spec.hpp"
#include "steps/step.hpp"

namespace atsharp::harness::fixture_steps {

/// The service of @p capability that runs for the case. Throws StepFailure (setup) when none
/// does: a bench that offers the capability with a server of its own cannot be driven.
template <class Service>
Service& serviceOf(StepContext& context, const std::string& capability) {
  Service* service = context.services.find<Service>(capability);
  if (!service) {
    throw StepFailure(FailureClass::Setup,
                      "no " + capability + " fixture runs for this case (the target does not "
                      "reach the harness's loopback, or its bench serves " + capability +
                      " itself): a fixture step cannot drive it");
  }
  return *service;
}

/// Records what the step did to a fixture, or what a fixture saw, in the transcript (an event
/// of kind fixture; @p fault for a fault set on cue).
void recordFixture(StepContext& context, const std::string& text, bool fault = false);

/// A text of the suite (UTF-8, one byte a character) with {{vars}}. Throws UsageError.
TemplateText textOf(const nlohmann::json& value, const std::string& what);

/// A peer's name (`peer:` beside the step's kind, @p fallback when absent): letters, digits,
/// `_` and `-`, starting with a letter. Throws UsageError.
std::string peerNameOf(const nlohmann::json& step, const std::string& fallback);

/// Bytes a fixture must have received: a payload compared exactly, or by size and SHA-256
/// (`compare: digest`, or `{size, sha256}`).
struct ExpectedBytes {
  PayloadSpec payload;
  bool byDigest = false;

  /// Reads @p value (a string, or a mapping with a payload's keys and `compare`).
  static ExpectedBytes parse(const nlohmann::json& value, const std::filesystem::path& folder);
  /// The bytes' size (known bytes: rendered with @p vars).
  std::size_t size(const Vars& vars) const;
  void addReads(std::set<std::string>& reads) const;
};

/// Compares @p received with @p expected: fills the record's expected and diff and throws
/// StepFailure (mismatch) naming @p what ("the file /up/a.bin") when they differ.
void compareBytes(StepContext& context, const ExpectedBytes& expected, const Bytes& received,
                  const std::string& what);

/// Whether @p received so far can still become @p expected (a prefix of it, known bytes only):
/// false lets a step fail at the first wrong byte rather than at its timeout.
bool stillPrefix(const Bytes& expected, const Bytes& received);

/// Polls @p done until it says yes or @p deadline passes; whether it said yes.
bool waitUntil(Deadline deadline, const std::function<bool()>& done);

/// The value of the variable @p name; throws UnknownVariable.
std::string variableOf(StepContext& context, const std::string& name);

/// Seconds of the step's timeout, for messages ("2.10 s").
std::string timeoutText(const StepContext& context);

/// Names of options of one step, for the registry: {"peer"}.
using Options = std::set<std::string>;

}  // namespace atsharp::harness::fixture_steps
