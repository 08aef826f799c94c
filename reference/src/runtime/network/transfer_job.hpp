#pragma once
// One transfer of TransferNetwork (an FTP get or put, an e-mail to send, a mailbox to read) on
// a libcurl easy handle: the options every transfer shares, libcurl's callbacks, the upload
// data the module streams, the pauses, and the events. The protocols add their options, their
// steps and the meaning of their replies (FtpJob, SmtpJob, Pop3Job).
//
// Flow control, both ways, with libcurl's pauses, so that memory stays bounded:
// - download: past TransferLimits::inFlight bytes reported and not yet delivered to the module,
//   or while the host line is backed up, the write callback pauses the transfer;
// - upload: with nothing queued and finish() not called, the read callback pauses it; send()
//   and finish() resume it. queued() tells the runtime when to stop reading the host.
//
// The job shows its SilenceWatch what the conversation does (commands, replies, data moving)
// and when it waits for the module (its pauses); TransferEngine gives up on it once the server
// has kept it waiting too long.

#include <curl/curl.h>

#include <cstddef>
#include <functional>
#include <string>

#include "atsharp/bytes.hpp"
#include "atsharp/reference/network.hpp"
#include "curl_easy.hpp"
#include "silence_watch.hpp"
#include "transfer_conversation.hpp"
#include "transfer_limits.hpp"
#include "transfer_upload.hpp"

namespace atsharp::reference {

class TransferJob {
 public:
  /// Where a job reports: its events (in order), and the streamed bytes libcurl took.
  struct Sink {
    std::function<void(NetworkEvent)> event;
    std::function<void(std::size_t)> taken;
    /// The upload began to wait for the module's data (libcurl's send paused). Called from
    /// inside a libcurl callback: it must not call libcurl.
    std::function<void()> waitsForModuleData = {};
  };
  enum class Next {
    Again,  ///< the job set its handle up for its next step: add it again
    Over,   ///< the job reported its final event
  };

  TransferJob(ActivityId id, Sink sink, const TransferLimits& limits);
  virtual ~TransferJob() = default;
  TransferJob(const TransferJob&) = delete;
  TransferJob& operator=(const TransferJob&) = delete;

  CURL* easy() const noexcept { return curl_.get(); }
  /// Sets the first step up: false when it cannot start (its Failed is reported).
  bool start();
  /// libcurl ended the step it had; the handle is out of the multi handle already.
  virtual Next finished(CURLcode result) = 0;
  /// Whether the current step may open a connection (not only use the one kept before).
  virtual bool mayConnect() const { return true; }
  /// The step finished() set up cannot start: the job reports its Failed.
  virtual void cannotContinue() { reportFailure(catalogue::CmeError::OpenSessionFailed); }
  /// How long the server has kept the job waiting.
  const SilenceWatch& silence() const noexcept { return silence_; }
  /// The upload waits for the module's data (libcurl's send is paused).
  bool waitsForModuleData() const noexcept { return sendHeld_; }

  /// Upload data from the module (FTP put, PUTMAIL).
  void send(Bytes data);
  /// The module's upload data is complete.
  void finish();
  /// The module had @p bytes of this job's Received events.
  void delivered(std::size_t bytes);
  /// The host line is backed up (true), or free again.
  void setReadingPaused(bool paused);

 protected:
  /// Sets the protocol's options (the shared ones are set): false when it cannot start.
  virtual bool configure() = 0;
  /// A line of the server came (conversation() has it).
  virtual void replied() {}
  /// Downloaded bytes, for libcurl's write callback: by default, Received events.
  virtual std::size_t body(const char* data, std::size_t size);

  /// The options every transfer shares: @p url, only @p protocol, bound to @p localAddress
  /// when given, the limits, the callbacks.
  void setShared(const std::string& url, const char* protocol, const std::string& localAddress);
  /// Ready comes when the data may flow (at most once): for uploads, at the latest when
  /// libcurl first asks for data.
  void announceReadyOnUpload() noexcept { readyOnUpload_ = true; }
  void announceReady();
  void report(NetworkEvent event);
  void reportFailure(catalogue::CmeError code);

  ActivityId id() const noexcept { return id_; }
  CurlEasy& curl() noexcept { return curl_; }
  const TransferConversation& conversation() const noexcept { return conversation_; }
  TransferUpload& upload() noexcept { return upload_; }
  const TransferLimits& limits() const noexcept { return limits_; }

 private:
  static std::size_t onWrite(char* data, std::size_t size, std::size_t count, void* self);
  static std::size_t onRead(char* buffer, std::size_t size, std::size_t count, void* self);
  static int onDebug(CURL* easy, curl_infotype type, char* data, std::size_t size, void* self);

  std::size_t stream(const char* data, std::size_t size);
  std::size_t read(char* buffer, std::size_t size);
  void heard(std::string_view bytes);
  bool mayReceive() const noexcept;
  bool maySend() const noexcept;
  void resume();
  /// A pause began or ended: the SilenceWatch learns whether the job waits for the module.
  void pausesChanged();

  ActivityId id_;
  Sink sink_;
  const TransferLimits& limits_;
  CurlEasy curl_;
  TransferConversation conversation_;
  SilenceWatch silence_;
  TransferUpload upload_;
  std::size_t inFlight_ = 0;
  bool readingPaused_ = false;
  bool receiveHeld_ = false;  ///< the write callback paused libcurl
  bool sendHeld_ = false;     ///< the read callback paused libcurl
  bool readyOnUpload_ = false;
  bool ready_ = false;
};

}  // namespace atsharp::reference
