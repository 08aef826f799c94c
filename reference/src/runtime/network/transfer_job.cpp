#include "transfer_job.hpp"

#include <algorithm>
#include <utility>

namespace atsharp::reference {
namespace {

// libcurl takes CURLOPT_BUFFERSIZE between 1 KiB and 512 KiB (CURL_MAX_READ_SIZE).
long bufferSize(std::size_t chunk) {
  return static_cast<long>(std::clamp<std::size_t>(chunk, 1024, 512 * 1024));
}

// libcurl 7.88 counts CURLOPT_SERVER_RESPONSE_TIMEOUT in whole seconds (0 would be its own
// default): the reply timeout rounded up, so that the SilenceWatch ends a wait it can see first.
long wholeSeconds(std::chrono::milliseconds timeout) {
  return std::max<long>(1, static_cast<long>((timeout.count() + 999) / 1000));
}

SilenceWatch::Clock::time_point now() { return SilenceWatch::Clock::now(); }

}  // namespace

TransferJob::TransferJob(ActivityId id, Sink sink, const TransferLimits& limits)
    : id_(id), sink_(std::move(sink)), limits_(limits), silence_(limits, now()) {}

bool TransferJob::start() {
  const bool configured = configure();
  if (!configured || curl().status() != CURLE_OK) {
    // An option libcurl refused (out of memory, a malformed value): the protocol's mapping of a
    // session that never opened.
    if (configured) reportFailure(catalogue::CmeError::OpenSessionFailed);
    return false;
  }
  return true;
}

void TransferJob::send(Bytes data) {
  upload_.push(std::move(data));
  resume();
}

void TransferJob::finish() {
  upload_.finish();
  resume();
}

void TransferJob::delivered(std::size_t bytes) {
  inFlight_ -= std::min(bytes, inFlight_);
  resume();
}

void TransferJob::setReadingPaused(bool paused) {
  readingPaused_ = paused;
  resume();
}

std::size_t TransferJob::body(const char* data, std::size_t size) { return stream(data, size); }

void TransferJob::setShared(const std::string& url, const char* protocol,
                            const std::string& localAddress) {
  curl_.set(CURLOPT_URL, url);
  curl_.set(CURLOPT_PROTOCOLS_STR, protocol);
  // Several threads: libcurl must not use signals for its timeouts.
  curl_.set(CURLOPT_NOSIGNAL, 1L);
  curl_.set(CURLOPT_IPRESOLVE, static_cast<long>(CURL_IPRESOLVE_V4));
  // "host!": an address to bind to, never taken for an interface name.
  if (!localAddress.empty()) curl_.set(CURLOPT_INTERFACE, "host!" + localAddress);
  curl_.set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_NONE));
  curl_.set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits_.connectTimeout.count()));
  curl_.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, wholeSeconds(limits_.replyTimeout));
  // A server that vanished without a word (no FIN, no RST) still ends the transfer.
  curl_.set(CURLOPT_TCP_KEEPALIVE, 1L);
  curl_.set(CURLOPT_TCP_KEEPIDLE, 60L);
  curl_.set(CURLOPT_TCP_KEEPINTVL, 10L);
  curl_.set(CURLOPT_BUFFERSIZE, bufferSize(limits_.chunkSize));
  curl_.set(CURLOPT_WRITEFUNCTION, &TransferJob::onWrite);
  curl_.set(CURLOPT_WRITEDATA, this);
  curl_.set(CURLOPT_READFUNCTION, &TransferJob::onRead);
  curl_.set(CURLOPT_READDATA, this);
  // The debug callback is the only way to the conversation; with it, libcurl prints nothing.
  curl_.set(CURLOPT_DEBUGFUNCTION, &TransferJob::onDebug);
  curl_.set(CURLOPT_DEBUGDATA, this);
  curl_.set(CURLOPT_VERBOSE, 1L);
}

void TransferJob::announceReady() {
  if (ready_) return;
  ready_ = true;
  report(Ready{id_});
}

void TransferJob::report(NetworkEvent event) { sink_.event(std::move(event)); }

void TransferJob::reportFailure(catalogue::CmeError code) { report(Failed{id_, code}); }

std::size_t TransferJob::onWrite(char* data, std::size_t size, std::size_t count, void* self) {
  return static_cast<TransferJob*>(self)->body(data, size * count);
}

std::size_t TransferJob::onRead(char* buffer, std::size_t size, std::size_t count, void* self) {
  return static_cast<TransferJob*>(self)->read(buffer, size * count);
}

// The conversation, and what the SilenceWatch needs of it: libcurl shows the data it moves
// only with CURLOPT_VERBOSE, which setShared() turns on.
int TransferJob::onDebug(CURL*, curl_infotype type, char* data, std::size_t size, void* self) {
  auto* job = static_cast<TransferJob*>(self);
  switch (type) {
    case CURLINFO_HEADER_OUT:
      job->conversation_.sent({data, size});
      job->silence_.commandSent(now());
      break;
    case CURLINFO_HEADER_IN:
      job->heard({data, size});
      job->silence_.replied(now());
      break;
    case CURLINFO_DATA_IN:
    case CURLINFO_DATA_OUT:
      job->silence_.dataMoved(now());
      break;
    default:
      break;
  }
  return 0;
}

// A download's bytes become Received events of at most chunkSize bytes; the write callback
// hands over all or nothing, so a pause keeps the whole block in libcurl.
std::size_t TransferJob::stream(const char* data, std::size_t size) {
  if (!mayReceive()) {
    receiveHeld_ = true;
    pausesChanged();
    return CURL_WRITEFUNC_PAUSE;
  }
  announceReady();  // a server sending data before its 150 still opened the transfer
  const std::size_t chunk = std::max<std::size_t>(limits_.chunkSize, 1);
  for (std::size_t offset = 0; offset < size; offset += chunk) {
    const char* begin = data + offset;
    const char* end = begin + std::min(chunk, size - offset);
    report(Received{id_, Bytes(begin, end), std::nullopt});
  }
  inFlight_ += size;
  return size;
}

std::size_t TransferJob::read(char* buffer, std::size_t size) {
  // libcurl asks for data once the server accepted it (STOR's 150, DATA's 354): whoever did
  // not announce Ready on that reply does now, before the first byte is needed.
  if (readyOnUpload_) announceReady();
  const TransferUpload::Read taken = upload_.read(buffer, size);
  if (taken.streamed > 0) sink_.taken(taken.streamed);
  if (taken.bytes > 0) return taken.bytes;
  if (upload_.complete()) return 0;
  sendHeld_ = true;
  pausesChanged();
  if (sink_.waitsForModuleData) sink_.waitsForModuleData();
  return CURL_READFUNC_PAUSE;
}

// Lines one at a time, so that each reply is seen, even when libcurl hands over several.
void TransferJob::heard(std::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t end = std::min(bytes.find('\n'), bytes.size() - 1) + 1;
    conversation_.received(bytes.substr(0, end));
    if (bytes[end - 1] == '\n') replied();
    bytes.remove_prefix(end);
  }
}

bool TransferJob::mayReceive() const noexcept {
  return !readingPaused_ && inFlight_ < limits_.inFlight;
}

bool TransferJob::maySend() const noexcept {
  return upload_.queued() > 0 || upload_.complete();
}

// Lifts the pauses whose reason went away. libcurl may call the callbacks again from inside
// curl_easy_pause(), and they may pause again: the flags are set before.
void TransferJob::resume() {
  const bool holdReceive = receiveHeld_ && !mayReceive();
  const bool holdSend = sendHeld_ && !maySend();
  if (holdReceive == receiveHeld_ && holdSend == sendHeld_) return;
  receiveHeld_ = holdReceive;
  sendHeld_ = holdSend;
  pausesChanged();
  curl_easy_pause(curl_.get(),
                  (holdReceive ? CURLPAUSE_RECV : 0) | (holdSend ? CURLPAUSE_SEND : 0));
}

void TransferJob::pausesChanged() { silence_.setHeld(receiveHeld_ || sendHeld_, now()); }

}  // namespace atsharp::reference
