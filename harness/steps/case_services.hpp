#pragma once
// What a case may use besides its module: the fixture servers (an FTP server to read a file
// from, a TCP peer to connect to), started for the cases that require them and stopped after.
// A provider stands for one capability ("fixtures.ftp"); the steps that need it (registered in
// the StepRegistry by the same part of the project) find its service in their StepContext.

#include <map>
#include <memory>
#include <string>

#include "suite/template_text.hpp"

namespace atsharp::harness {

/// One service, running for one case.
class CaseService {
 public:
  virtual ~CaseService() = default;
  /// Variables the case's steps may use (an address, a port): {{name}}.
  virtual Vars vars() const { return {}; }
};

/// What a service is started for.
struct ServiceRequest {
  Vars moduleVars;  ///< the module's variables: module_ip, gateway_ip, ...
  int job = 0;      ///< the worker running the case: services of two jobs never collide
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
