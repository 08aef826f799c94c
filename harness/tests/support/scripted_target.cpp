#include "support/scripted_target.hpp"

#include <thread>

#include "atsharp/transport/memory_transport.hpp"

namespace atsharp::harness::test {

struct ScriptedTarget::Shared {
  Responder responder;
  std::mutex mutex;
  std::vector<std::string> received;
};

namespace {

class ScriptedModule final : public CaseModule {
 public:
  ScriptedModule(std::shared_ptr<ScriptedTarget::Shared> shared, std::size_t chunk)
      : shared_(std::move(shared)), chunk_(chunk) {
    auto [host, module] = MemoryTransport::pair({.capacity = 1 << 20, .maxReadChunk = 5});
    host_ = std::move(host);
    module_ = std::move(module);
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedModule() override {
    module_->close();
    host_->close();
    thread_.join();
  }
  Transport& line() override { return *host_; }
  RadioControl* radio() override { return nullptr; }
  Vars vars() const override { return {{"module_ip", "127.0.0.9"}}; }
  std::string describe() const override { return "scripted module"; }

 private:
  void serve() {
    std::string pending;
    std::array<Byte, 256> buffer{};
    while (true) {
      const IoResult read = module_->read(buffer, after(std::chrono::milliseconds(50)));
      if (read.status == IoStatus::Closed) return;
      pending.append(reinterpret_cast<const char*>(buffer.data()), read.count);
      std::size_t cr;
      while ((cr = pending.find('\r')) != std::string::npos) {
        const std::string line = pending.substr(0, cr);
        pending.erase(0, cr + 1);
        std::string answer;
        {
          std::lock_guard lock(shared_->mutex);
          shared_->received.push_back(line);
          answer = shared_->responder(line);
        }
        for (std::size_t at = 0; at < answer.size(); at += chunk_) {
          const std::string piece = answer.substr(at, chunk_);
          if (module_->write(asBytes(piece), after(std::chrono::seconds(5))).status != IoStatus::Ok) {
            return;
          }
          std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
      }
    }
  }

  std::shared_ptr<ScriptedTarget::Shared> shared_;
  std::size_t chunk_;
  std::unique_ptr<Transport> host_;
  std::unique_ptr<Transport> module_;
  std::thread thread_;
};

}  // namespace

ScriptedTarget::ScriptedTarget(Responder responder, ScriptOptions options)
    : shared_(std::make_shared<Shared>()), options_(options) {
  shared_->responder = std::move(responder);
}

ScriptedTarget::~ScriptedTarget() = default;

Timing ScriptedTarget::timing() const {
  Timing timing;
  timing.timeScale = options_.timeScale;
  timing.margin = options_.margin;
  return timing;
}

std::unique_ptr<CaseModule> ScriptedTarget::open(const ModuleRequest&) {
  return std::make_unique<ScriptedModule>(shared_, options_.chunk);
}

std::vector<std::string> ScriptedTarget::received() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->received;
}

std::string echoed(const std::string& line) { return line + "\r"; }

std::string response(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\r\n" + line + "\r\n";
  return out;
}

}  // namespace atsharp::harness::test
