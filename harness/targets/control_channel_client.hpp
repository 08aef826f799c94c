#pragma once
// A client of the reference module's control channel (docs/reference-module.md): JSON requests
// on a Unix socket, one line each way. The harness injects radio events through it, into a
// reference module it runs itself or into one a bench runs (atsharp emulate --control PATH).

#include <filesystem>
#include <memory>

#include "atsharp/transport/transport.hpp"
#include "targets/radio_control.hpp"

namespace atsharp::harness {

class ControlChannelClient final : public RadioControl {
 public:
  /// Connects to the socket at @p path (lazily, at the first request).
  explicit ControlChannelClient(std::filesystem::path path);
  ~ControlChannelClient() override;

  /// Sends @p request and reads the reply (within 10 s). Throws atsharp::Error when the
  /// channel cannot be reached or answers nonsense.
  std::optional<std::string> inject(const nlohmann::json& request) override;

 private:
  void connect();

  std::filesystem::path path_;
  std::unique_ptr<Transport> channel_;
  std::string pending_;  // reply bytes after the last line read
};

}  // namespace atsharp::harness
