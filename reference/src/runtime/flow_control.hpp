#pragma once
// Keeps the module's two directions of data in step with the slowest side, as RTS/CTS on the
// serial line and TCP's window on the network would: the network is read only while the host
// line keeps up, and the host line is read only while the module and the network take more.
// So nothing the module accepted is lost, and memory stays bounded, whatever the speeds.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstddef>
#include <functional>

namespace atsharp::reference {

class FlowControl {
 public:
  /// Above this backlog a direction stops; below kLow it goes again.
  static constexpr std::size_t kHigh = 256 * 1024;
  static constexpr std::size_t kLow = 64 * 1024;

  struct Probes {
    std::function<std::size_t()> towardHost;     ///< output the host line has not taken yet
    std::function<std::size_t()> towardNetwork; ///< data the network has not taken yet
    std::function<bool()> moduleWantsInput;      ///< the module's own input bound
    std::function<void(bool)> pauseNetwork;      ///< stop / resume reading the network
    std::function<void(bool)> pauseHost;         ///< stop / resume reading the host line
  };

  FlowControl(boost::asio::io_context& io, Probes probes);

  /// Looks at both directions again (after every call into the module, every drain).
  void check();

 private:
  void checkAgainSoon();

  Probes probes_;
  boost::asio::steady_timer retry_;
  bool networkPaused_ = false;
  bool hostPaused_ = false;
  bool retryArmed_ = false;
};

}  // namespace atsharp::reference
