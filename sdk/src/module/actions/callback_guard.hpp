#pragma once
// The caller's callbacks (a progress handler, a download's sink, a ping handler) run in the
// middle of a command whose answer keeps coming whatever they do. One that throws would leave
// the rest of the answer on the line, to be taken for the next command's. So its exception
// waits: the command runs to its end, the callbacks are not called again, and the exception is
// rethrown then.

#include <exception>
#include <type_traits>
#include <utility>

namespace atsharp::detail {

class CallbackGuard {
 public:
  /// Calls @p callback (when set) with @p arguments, unless one of the guarded callbacks
  /// already threw; keeps what it throws.
  template <class Callback, class... Arguments>
  void call(const Callback& callback, Arguments&&... arguments) {
    if (failure_) return;
    if constexpr (std::is_constructible_v<bool, const Callback&>) {
      if (!callback) return;  // an empty std::function: nobody to call
    }
    try {
      callback(std::forward<Arguments>(arguments)...);
    } catch (...) {
      failure_ = std::current_exception();
    }
  }

  /// Keeps @p failure as if a guarded callback had thrown it (the first one wins).
  void keep(std::exception_ptr failure) {
    if (!failure_) failure_ = std::move(failure);
  }

  bool failed() const noexcept { return static_cast<bool>(failure_); }

  /// Throws what a callback threw, if one did.
  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::exception_ptr failure_;
};

}  // namespace atsharp::detail
