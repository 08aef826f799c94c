#pragma once
// The libcurl half of the runtime's NetworkPort: FTP downloads and uploads (4.2, 4.3), e-mails
// sent over SMTP (3.3, 3.4) and read over POP3 (3.2), on the host's real network stack. Names
// are resolved before they come here: an Endpoint's address is a dotted IPv4 address.
//
// The transfers run on a thread of their own (TransferWorker: libcurl's multi interface on an
// io_context there, since libcurl still waits for some replies by itself). Everything else
// happens on the module's io_context: requests, and the events, which Deliver gets later, from
// the loop, never from inside a request. Failures arrive mapped to the spec's codes
// (docs/reference-module.md, "Network services").

#include <boost/asio/io_context.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>

#include "atsharp/reference/network.hpp"
#include "transfer_engine.hpp"
#include "transfer_limits.hpp"

namespace atsharp::reference {

class TransferWorker;

class TransferNetwork {
 public:
  /// Called on the io_context's thread, never from inside a request. It may make requests.
  using Deliver = std::function<void(NetworkEvent)>;

  /// @p timeScale real seconds per module second: the waits of @p limits are module time (see
  /// TransferLimits).
  TransferNetwork(boost::asio::io_context& io, Deliver deliver, TransferLimits limits = {},
                  double timeScale = 1.0);
  /// Abandons the transfers still running (no event follows) and joins the worker thread.
  ~TransferNetwork();
  TransferNetwork(const TransferNetwork&) = delete;
  TransferNetwork& operator=(const TransferNetwork&) = delete;

  /// Ready when the server starts sending (150), Received (at most limits.chunkSize bytes
  /// each), then Closed (226) or Failed.
  void ftpGet(ActivityId id, const FtpRequest& request);
  /// Ready once the server accepted STOR (150), then the data of send() and finish(); Closed
  /// once the server confirmed (226), or Failed.
  void ftpPut(ActivityId id, const FtpRequest& request);
  /// With a body: Closed once the server took the message, or Failed. Without: Ready when the
  /// server waits for the message (354), then as ftpPut.
  void sendMail(ActivityId id, const MailRequest& request);
  /// MailRetrieved (the first message, or none), or Failed.
  void retrieveMail(ActivityId id, const Pop3Request& request);

  /// Upload data of a transfer (FTP put, a mail's body). Ignored for an activity not ours,
  /// and after finish().
  void send(ActivityId id, Bytes data);
  /// The upload data is complete.
  void finish(ActivityId id);
  /// Abandons the transfer at once: no event of it follows.
  void close(ActivityId id);

  /// An activity of this class is alive: started, and its final event not delivered yet.
  bool owns(ActivityId id) const;
  /// Upload bytes accepted by send() and not yet taken by libcurl.
  std::size_t queuedToNetwork() const;
  /// The host line is backed up: downloads pause (beyond what is already on its way) until
  /// it is free again.
  void pauseReading(bool paused);

 private:
  struct Entry {
    std::uint64_t serial;
    std::size_t queued = 0;
    bool finished = false;  ///< finish() came: later data is no upload data
  };

  void launch(ActivityId id, TransferEngine::Factory make);
  TransferEngine::Reports reports();
  Entry* find(TransferTag tag);
  void arrived(TransferTag tag, NetworkEvent event);
  void taken(TransferTag tag, std::size_t bytes);
  template <typename Task>
  void toWorker(Task task);

  boost::asio::io_context& io_;
  Deliver deliver_;
  std::unordered_map<ActivityId, Entry> entries_;
  std::uint64_t serials_ = 0;
  bool paused_ = false;
  /// What the worker posts holds it weakly: a report that comes after the destructor is dropped.
  std::shared_ptr<char> alive_ = std::make_shared<char>();
  /// Last: destroyed (joined) first, while everything above is still whole.
  std::unique_ptr<TransferWorker> worker_;
};

}  // namespace atsharp::reference
