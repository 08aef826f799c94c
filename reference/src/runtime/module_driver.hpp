#pragma once
// The module on the event loop: every call into the Module happens here, at the module time of
// the moment, and is followed by the same three steps: its output goes to the line, a changed
// parameter set goes to the flash, and the one timer is armed for the module's next deadline.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <optional>

#include "atsharp/reference/module.hpp"
#include "module_clock.hpp"

namespace atsharp::reference {

class ModuleDriver {
 public:
  using Output = std::function<void(ByteView)>;
  using Persist = std::function<void(const FlashImage&)>;

  /// Powers the module on at the clock's present time; its output goes to @p output, its flash
  /// writes to @p persist.
  ModuleDriver(boost::asio::io_context& io, ModuleClock clock, ModuleOptions options, Output output,
               Persist persist);

  void receive(ByteView bytes);
  void inject(const RadioEvent& event);
  void network(const NetworkEvent& event);
  bool wantsInput() const { return module_.wantsInput(); }
  /// Called after every call into the module, once its output went out (flow control).
  void setAfterSettle(std::function<void()> afterSettle) { afterSettle_ = std::move(afterSettle); }
  LinkState linkState() const { return module_.linkState(); }
  FlashImage parameters() const { return module_.parameters(); }

 private:
  /// The module time now; never earlier than a time already given to the module.
  ModuleTime now();
  void settle();
  void armTimer();
  void onTimer();

  ModuleClock clock_;
  Module module_;
  Output output_;
  Persist persist_;
  std::function<void()> afterSettle_;
  boost::asio::steady_timer timer_;
  /// The module deadline the timer waits for; nothing when it waits for none.
  std::optional<ModuleTime> armedFor_;
  ModuleTime last_{0};
};

}  // namespace atsharp::reference
