#pragma once
// The reference module seen through a proxy that changes one thing in what it sends: a byte
// sequence replaced (a wrong default, a wrong error code, a missing OK, an extra line, a missing
// DLE escape, CR LF turned into LF), or held back (a late answer). The harness must fail the
// right case, with the right failure class, and its report must show the deviation.

#include <chrono>
#include <memory>
#include <string>

#include "targets/reference_target.hpp"

namespace atsharp::harness::test {

/// One change to the module's output.
struct Deviation {
  std::string from;  ///< what the module sends
  std::string to;    ///< what the host gets instead
  int times = -1;    ///< how many times (-1: every time)
  /// Hold what follows the change back this long (a late answer).
  std::chrono::milliseconds delay{0};
};

class DeviatingTarget final : public Target {
 public:
  DeviatingTarget(Deviation deviation, ReferenceTargetOptions options = {});

  std::string url() const override { return "ref"; }
  Timing timing() const override { return inner_.timing(); }
  std::set<std::string> capabilities() const override { return inner_.capabilities(); }
  int maxJobs() const override { return inner_.maxJobs(); }
  bool freshPerCase() const override { return true; }
  bool reachesLoopback() const override { return true; }
  std::unique_ptr<CaseModule> open(const ModuleRequest& request) override;

 private:
  Deviation deviation_;
  ReferenceTarget inner_;
};

}  // namespace atsharp::harness::test
