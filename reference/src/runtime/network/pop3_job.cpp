#include "pop3_job.hpp"

#include <algorithm>
#include <utility>

#include "transfer_url.hpp"

namespace atsharp::reference {

Pop3Job::Pop3Job(ActivityId id, Sink sink, const TransferLimits& limits, Pop3Request request)
    : TransferJob(id, std::move(sink), limits), request_(std::move(request)) {}

bool Pop3Job::configure() {
  setShared(pop3Url(request_.server), "pop3", request_.localAddress);
  curl().set(CURLOPT_USERNAME, request_.user);
  curl().set(CURLOPT_PASSWORD, request_.password);
  return true;
}

std::size_t Pop3Job::body(const char* data, std::size_t size) {
  if (step_ == Step::List) {
    // One "NUMBER SIZE" line per message. libcurl may pass an empty listing's line end on:
    // a digit is what makes a message.
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    listed_ = listed_ || std::any_of(data, data + size, digit);
    return size;
  }
  if (message_.size() + size > limits().maxMessage) {
    progress_.tooLarge = true;
    return 0;  // not all taken: libcurl ends the transfer (CURLE_WRITE_ERROR)
  }
  // The header ends at the first empty line; the search starts where the last one stopped.
  const std::size_t from = message_.size() < 3 ? 0 : message_.size() - 3;
  message_.append(data, size);
  if (!progress_.headerComplete) {
    progress_.headerComplete = message_.starts_with("\r\n") ||
                               message_.find("\r\n\r\n", from) != std::string::npos;
  }
  return size;
}

TransferJob::Next Pop3Job::finished(CURLcode result) {
  if (result != CURLE_OK) return fail();
  return next();
}

TransferJob::Next Pop3Job::next() {
  switch (step_) {
    case Step::List:
      // An empty mailbox still ends with QUIT: a command that changes nothing carries it.
      if (!listed_) return to(Step::Quit, "", "NOOP");
      return to(Step::Retrieve, "1", nullptr);
    case Step::Retrieve:
      if (request_.deleteAfter) return to(Step::Delete, "1", "DELE");
      return quitAnswered() ? deliver() : failRetrieval();
    case Step::Delete:
      // DELE only marks the message: the server deletes at QUIT, which must have been answered.
      return quitAnswered() ? deliver() : fail();
    case Step::Quit:
      break;
  }
  report(MailRetrieved{id(), std::nullopt});
  return Next::Over;
}

TransferJob::Next Pop3Job::deliver() {
  report(MailRetrieved{id(), std::move(message_)});
  return Next::Over;
}

bool Pop3Job::quitAnswered() const { return conversation().quitReply().starts_with("+OK"); }

// The next step on the same handle (@p command: a command without a body instead of LIST or
// RETR). The last step forbids keeping the connection: libcurl sends QUIT after it.
TransferJob::Next Pop3Job::to(Step step, const std::string& message, const char* command) {
  step_ = step;
  const bool last = step == Step::Quit || step == Step::Delete ||
                    (step == Step::Retrieve && !request_.deleteAfter);
  CurlEasy& easy = curl();
  easy.set(CURLOPT_URL, pop3Url(request_.server, message));
  easy.set(CURLOPT_CUSTOMREQUEST, command);
  easy.set(CURLOPT_NOBODY, command != nullptr ? 1L : 0L);
  easy.set(CURLOPT_FORBID_REUSE, last ? 1L : 0L);
  if (easy.status() != CURLE_OK) return fail();
  return Next::Again;
}

TransferJob::Next Pop3Job::fail() {
  reportFailure(pop3Failure(conversation(), progress_));
  return Next::Over;
}

// RETR ended, yet the session did not end well: the message may be cut.
TransferJob::Next Pop3Job::failRetrieval() {
  reportFailure(progress_.headerComplete ? catalogue::CmeError::EmailRetrieveFailed
                                         : catalogue::CmeError::EmailHeaderReceiveFailed);
  return Next::Over;
}

}  // namespace atsharp::reference
