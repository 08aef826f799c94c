#pragma once
// The module's serial line as seen by its taps: input from any tap goes to the module, the
// module's output goes to every tap connected at that moment.

#include <functional>
#include <memory>
#include <vector>

#include "host_line.hpp"

namespace atsharp::reference {

class LineHub {
 public:
  using Input = std::function<void(ByteView)>;

  /// Where the taps' input goes (the module).
  void setInput(Input input) { input_ = std::move(input); }

  void add(std::shared_ptr<HostLine> line);
  void remove(const HostLine& line);

  /// Bytes a tap received from its host.
  void input(ByteView bytes);
  /// The module's output, to every tap.
  void broadcast(ByteView bytes);

  /// Closes every tap (the emulator is going away).
  void closeAll();

  std::size_t size() const noexcept { return lines_.size(); }

 private:
  Input input_;
  std::vector<std::shared_ptr<HostLine>> lines_;
};

}  // namespace atsharp::reference
