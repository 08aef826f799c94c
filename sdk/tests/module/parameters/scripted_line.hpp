#pragma once
// The module's end of an in-memory line, read up to any byte the test names: an entry's text
// ends with Ctrl-Z, not with the CR ScriptedModule waits for.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "atsharp/transport/memory_transport.hpp"

namespace atsharp::test {

class ScriptedLine {
 public:
  ScriptedLine() {
    auto [host, module] = MemoryTransport::pair();
    host_ = std::move(host);
    module_ = std::move(module);
  }
  std::unique_ptr<Transport> takeHostEnd() { return std::move(host_); }

  /// What the host sent up to and including @p last; what came when nothing more came in 2 s.
  std::string expectUntil(char last) {
    std::string received;
    const Deadline deadline = after(std::chrono::seconds(2));
    Byte byte = 0;
    while (module_->read(std::span<Byte>(&byte, 1), deadline).status == IoStatus::Ok) {
      received += static_cast<char>(byte);
      if (static_cast<char>(byte) == last) break;
    }
    return received;
  }
  void answer(std::string_view bytes) {
    module_->write(asBytes(bytes), after(std::chrono::seconds(2)));
  }

 private:
  std::unique_ptr<MemoryTransport> host_;
  std::unique_ptr<MemoryTransport> module_;
};

}  // namespace atsharp::test
