#include "error_report.hpp"

#include <boost/program_options/errors.hpp>
#include <yaml-cpp/exceptions.h>

#include <filesystem>
#include <iostream>

#include "atsharp/module/errors.hpp"
#include "masking.hpp"

namespace atsharp::cli::lab {
namespace {

Failure moduleFailure(const ModuleError& error) {
  Json details = Json::object();
  details["command"] = maskedLine(error.command());
  if (error.code()) {
    details["code"] = *error.code();
  } else if (error.result()) {
    details["result"] = std::string(catalogue::spec(*error.result()).verbose);
  }
  details["description"] = error.description();
  return {1, "module", "the module answered " + std::string(error.what()), std::move(details)};
}

Failure timeoutFailure(const TimeoutError& error) {
  Json details = Json::object();
  details["command"] = maskedLine(error.command());
  details["waitedMs"] = error.waited().count();
  return {2, "timeout", error.what(), std::move(details)};
}

Failure plain(int status, std::string kind, std::string message) {
  return {status, std::move(kind), std::move(message), Json::object()};
}

}  // namespace

Failure describeFailure(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const ModuleError& failure) {
    return moduleFailure(failure);
  } catch (const TimeoutError& failure) {
    return timeoutFailure(failure);
  } catch (const IllegalValueError& failure) {
    return plain(2, "usage", failure.what());
  } catch (const UsageError& failure) {
    return plain(2, "usage", failure.what());
  } catch (const boost::program_options::error& failure) {
    return plain(2, "usage", failure.what());
  } catch (const ProtocolError& failure) {
    return plain(2, "protocol", failure.what());
  } catch (const TransportError& failure) {
    // The line could not be opened, or it closed under the command (TransportClosedError).
    return plain(2, "transport", failure.what());
  } catch (const Error& failure) {
    // What else the SDK reports: a local file or stream that failed during a transfer.
    return plain(2, "error", failure.what());
  } catch (const YAML::Exception& failure) {
    return plain(2, "usage", failure.what());
  } catch (const std::filesystem::filesystem_error& failure) {
    return plain(2, "file", failure.what());
  } catch (const std::exception& failure) {
    return plain(2, "internal", failure.what());
  }
}

void reportFailure(const std::string& command, const Failure& failure, bool json) {
  std::cerr << "atsharp " << command << ": " << failure.message;
  if (failure.kind == "usage") std::cerr << " (see atsharp " << command << " --help)";
  std::cerr << std::endl;
  if (!json) return;
  Json error = Json::object();
  error["kind"] = failure.kind;
  error["message"] = failure.message;
  for (const auto& [key, value] : failure.details.items()) error[key] = value;
  printJson(Json{{"error", error}});
}

}  // namespace atsharp::cli::lab
