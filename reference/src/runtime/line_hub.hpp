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

  using Drained = std::function<void()>;

  /// Where the taps' input goes (the module).
  void setInput(Input input) { input_ = std::move(input); }
  /// Called when a tap wrote some of its queued output (the backlog may have shrunk).
  void setDrained(Drained drained) { drained_ = std::move(drained); }

  void add(std::shared_ptr<HostLine> line);
  void remove(const HostLine& line);

  /// Bytes a tap received from its host.
  void input(ByteView bytes);
  /// The module's output, to every tap.
  void broadcast(ByteView bytes);

  /// Closes every tap (the emulator is going away).
  void closeAll();

  /// The most output any talking tap has queued: above a bound, the emulator stops reading the
  /// network, as a module stops its peers when its serial line is slower than they are.
  std::size_t backlog() const;
  /// Stops or resumes reading every tap's host (new taps follow the current setting).
  void pauseInput(bool paused);
  bool inputPaused() const noexcept { return inputPaused_; }
  /// A tap wrote output (for the taps).
  void drained() {
    if (drained_) drained_();
  }

  std::size_t size() const noexcept { return lines_.size(); }

 private:
  Input input_;
  Drained drained_;
  std::vector<std::shared_ptr<HostLine>> lines_;
  bool inputPaused_ = false;
};

}  // namespace atsharp::reference
