#include "transfer_network.hpp"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <utility>
#include <variant>

#include "ftp_job.hpp"
#include "module_waits.hpp"
#include "pop3_job.hpp"
#include "smtp_job.hpp"
#include "transfer_worker.hpp"

namespace atsharp::reference {
namespace {

bool isFinal(const NetworkEvent& event) {
  return std::holds_alternative<Closed>(event) || std::holds_alternative<Failed>(event) ||
         std::holds_alternative<MailRetrieved>(event);
}

}  // namespace

TransferNetwork::TransferNetwork(boost::asio::io_context& io, Deliver deliver,
                                 TransferLimits limits, double timeScale)
    : io_(io),
      deliver_(std::move(deliver)),
      worker_(std::make_unique<TransferWorker>(reports(), atTimeScale(limits, timeScale))) {}

TransferNetwork::~TransferNetwork() = default;

void TransferNetwork::ftpGet(ActivityId id, const FtpRequest& request) {
  launch(id, [request](ActivityId activity, TransferJob::Sink sink, const TransferLimits& limits) {
    return std::make_unique<FtpJob>(activity, std::move(sink), limits, request,
                                    FtpDirection::Get);
  });
}

void TransferNetwork::ftpPut(ActivityId id, const FtpRequest& request) {
  launch(id, [request](ActivityId activity, TransferJob::Sink sink, const TransferLimits& limits) {
    return std::make_unique<FtpJob>(activity, std::move(sink), limits, request,
                                    FtpDirection::Put);
  });
}

void TransferNetwork::sendMail(ActivityId id, const MailRequest& request) {
  launch(id, [request](ActivityId activity, TransferJob::Sink sink, const TransferLimits& limits) {
    return std::make_unique<SmtpJob>(activity, std::move(sink), limits, request);
  });
}

void TransferNetwork::retrieveMail(ActivityId id, const Pop3Request& request) {
  launch(id, [request](ActivityId activity, TransferJob::Sink sink, const TransferLimits& limits) {
    return std::make_unique<Pop3Job>(activity, std::move(sink), limits, request);
  });
}

void TransferNetwork::send(ActivityId id, Bytes data) {
  auto found = entries_.find(id);
  if (found == entries_.end() || found->second.finished || data.empty()) return;
  found->second.queued += data.size();
  const TransferTag tag{id, found->second.serial};
  toWorker([tag, data = std::move(data)](TransferEngine& engine) mutable {
    engine.send(tag, std::move(data));
  });
}

void TransferNetwork::finish(ActivityId id) {
  auto found = entries_.find(id);
  if (found == entries_.end() || found->second.finished) return;
  found->second.finished = true;
  const TransferTag tag{id, found->second.serial};
  toWorker([tag](TransferEngine& engine) { engine.finish(tag); });
}

void TransferNetwork::close(ActivityId id) {
  auto found = entries_.find(id);
  if (found == entries_.end()) return;
  const TransferTag tag{id, found->second.serial};
  entries_.erase(found);  // what it reported meanwhile is dropped on arrival
  toWorker([tag](TransferEngine& engine) { engine.close(tag); });
}

bool TransferNetwork::owns(ActivityId id) const { return entries_.contains(id); }

std::size_t TransferNetwork::queuedToNetwork() const {
  std::size_t total = 0;
  for (const auto& [id, entry] : entries_) total += entry.queued;
  return total;
}

void TransferNetwork::pauseReading(bool paused) {
  if (paused == paused_) return;
  paused_ = paused;
  toWorker([paused](TransferEngine& engine) { engine.pauseReading(paused); });
}

// A new incarnation of @p id: one still running under it ends silently (the engine ends it
// when it starts the new one; its late events carry the old serial).
void TransferNetwork::launch(ActivityId id, TransferEngine::Factory make) {
  const TransferTag tag{id, ++serials_};
  entries_[id] = Entry{tag.serial};
  toWorker([tag, make = std::move(make)](TransferEngine& engine) { engine.launch(tag, make); });
}

// Called on the worker thread: everything goes over to the module's loop.
TransferEngine::Reports TransferNetwork::reports() {
  std::weak_ptr<char> alive = alive_;
  return TransferEngine::Reports{
      [this, alive](TransferTag tag, NetworkEvent event) {
        boost::asio::post(io_, [this, alive, tag, event = std::move(event)]() mutable {
          if (!alive.expired()) arrived(tag, std::move(event));
        });
      },
      [this, alive](TransferTag tag, std::size_t bytes) {
        boost::asio::post(io_, [this, alive, tag, bytes] {
          if (!alive.expired()) taken(tag, bytes);
        });
      }};
}

TransferNetwork::Entry* TransferNetwork::find(TransferTag tag) {
  auto found = entries_.find(tag.id);
  if (found == entries_.end() || found->second.serial != tag.serial) return nullptr;
  return &found->second;
}

void TransferNetwork::arrived(TransferTag tag, NetworkEvent event) {
  if (find(tag) == nullptr) return;  // closed, or an older incarnation
  const auto* received = std::get_if<Received>(&event);
  const std::size_t bytes = received != nullptr ? received->data.size() : 0;
  if (isFinal(event)) entries_.erase(tag.id);
  deliver_(std::move(event));
  // The download may go on once the module has what is on its way (TransferLimits::inFlight).
  if (bytes > 0) toWorker([tag, bytes](TransferEngine& engine) { engine.delivered(tag, bytes); });
}

void TransferNetwork::taken(TransferTag tag, std::size_t bytes) {
  Entry* entry = find(tag);
  if (entry != nullptr) entry->queued -= std::min(bytes, entry->queued);
}

template <typename Task>
void TransferNetwork::toWorker(Task task) {
  worker_->post(std::function<void(TransferEngine&)>(std::move(task)));
}

}  // namespace atsharp::reference
