#pragma once
// How an FTP transfer's data session ended, as the action reports it: a session the module
// ended with an error (an ETX, then `#CME ERROR: <code>`, 4.2.2, 4.3.2) is a ModuleError with
// that code.

#include "atsharp/module/data_session.hpp"

namespace atsharp::detail {

/// Throws ModuleError when @p session ended with the module's error.
inline void throwIfFailed(const DataSession& session) {
  if (session.state() != DataSession::State::Failed) return;
  if (session.errorCode()) throw ModuleError(session.label(), *session.errorCode());
  throw ModuleError(session.label(), catalogue::Result::Error);
}

}  // namespace atsharp::detail
