#pragma once
// The progress lines of a connection being made (AT#CONNECTIONSTART, AT#ACCEPT): each handed to
// the caller's handler as it comes, and what they say kept for the Connection returned at the
// end (the CONNECT speed, the address attributed to the module).

#include "atsharp/module/actions.hpp"

namespace atsharp::detail {

class ConnectionProgress {
 public:
  explicit ConnectionProgress(const ProgressHandler& handler) : handler_(handler) {}

  /// Notes @p line and hands it to the handler.
  void take(ProgressLine line);

  /// The address, when no progress line gave it (GPRS: AT#DISPLAYIP's).
  void setAddress(std::string address) { connection_.address = std::move(address); }
  const Connection& connection() const noexcept { return connection_; }

 private:
  const ProgressHandler& handler_;
  Connection connection_;
};

}  // namespace atsharp::detail
