#pragma once
// The progress lines of a connection being made (AT#CONNECTIONSTART, AT#ACCEPT): each handed to
// the caller's handler as it comes, and what they say kept for the Connection returned at the
// end (the CONNECT speed, the address attributed to the module, the failed attempts).

#include "atsharp/module/actions.hpp"
#include "callback_guard.hpp"

namespace atsharp::detail {

class ConnectionProgress {
 public:
  explicit ConnectionProgress(const ProgressHandler& handler) : handler_(handler) {}

  /// Notes @p line and hands it to the handler.
  void take(ProgressLine line);
  /// Notes an attempt that failed with @p result before the module dialed again.
  void attemptFailed(catalogue::Result result) {
    if (connection_.failedAttempts.size() < kMaxKept) connection_.failedAttempts.push_back(result);
  }

  /// The address, when no progress line gave it (AT#DISPLAYIP's).
  void setAddress(std::string address) { connection_.address = std::move(address); }
  const Connection& connection() const noexcept { return connection_; }

  /// Throws what the handler threw, once the command has ended.
  void rethrowHandlerFailure() const { guard_.rethrow(); }

 private:
  /// Progress lines kept for the Connection: far more than any 1 + REDIALCOUNT attempts give
  /// (5 lines each), so that a module that never ends its answer cannot fill the memory.
  static constexpr std::size_t kMaxKept = 256;

  const ProgressHandler& handler_;
  CallbackGuard guard_;
  Connection connection_;
};

}  // namespace atsharp::detail
