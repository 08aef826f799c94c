#pragma once
// What a case may use besides its module: the fixture servers (an FTP server to read a file
// from, a TCP peer to connect to), started for the cases that require them and stopped after.
// A provider stands for one capability ("fixtures.ftp"); the steps that need it (registered in
// the StepRegistry by the same part of the project) find its service in their StepContext.

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "suite/template_text.hpp"

namespace atsharp::harness {

/// One service, running for one case.
class CaseService {
 public:
  virtual ~CaseService() = default;
  /// Variables the case's steps may use (an address, a port): {{name}}.
  virtual Vars vars() const { return {}; }
  /// What the module's world must say for the service to be reached (the DNS servers' port):
  /// a scenario mapping laid over the case's, on a target that takes scenarios; null for
  /// nothing. Services start before the module for this reason.
  virtual nlohmann::json scenario() const { return nullptr; }
};

/// What a service is started for.
struct ServiceRequest {
  int job = 0;  ///< the worker running the case: services of two jobs never collide
};

/// Starts the service of one capability.
class CaseServiceProvider {
 public:
  virtual ~CaseServiceProvider() = default;
  /// The capability it offers: "fixtures.ftp".
  virtual std::string capability() const = 0;
  /// Starts a service for a case. Throws atsharp::Error when it cannot (the case is then an
  /// error of class setup).
  virtual std::unique_ptr<CaseService> start(const ServiceRequest& request) = 0;
  /// Values its services give out that a report must never show (an account's password).
  virtual std::set<std::string> secrets() const { return {}; }
};

/// The services running for a case, by capability.
class CaseServices {
 public:
  void add(const std::string& capability, std::unique_ptr<CaseService> service) {
    services_[capability] = std::move(service);
  }
  /// The service of @p capability as a @p Service, or null.
  template <class Service>
  Service* find(const std::string& capability) const {
    const auto found = services_.find(capability);
    return found == services_.end() ? nullptr : dynamic_cast<Service*>(found->second.get());
  }
  /// Every service's scenario, laid over one another (null: none has one).
  nlohmann::json scenario() const {
    nlohmann::json out;
    for (const auto& [capability, service] : services_) {
      const nlohmann::json mine = service->scenario();
      if (!mine.is_object()) continue;
      if (!out.is_object()) out = nlohmann::json::object();
      out.merge_patch(mine);
    }
    return out;
  }
  /// Every service's variables.
  Vars vars() const {
    Vars out;
    for (const auto& [capability, service] : services_) {
      for (auto& [name, value] : service->vars()) out[name] = value;
    }
    return out;
  }
  /// Stops every service (in the reverse order of their names).
  void clear() {
    while (!services_.empty()) services_.erase(std::prev(services_.end()));
  }

 private:
  std::map<std::string, std::unique_ptr<CaseService>> services_;
};

}  // namespace atsharp::harness
