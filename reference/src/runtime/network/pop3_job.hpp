#pragma once
// The first e-mail of a mailbox, read with libcurl over POP3 (3.2 GETMAIL), in one session:
// login, LIST, then (when there is a message) RETR 1 and, when asked, DELE 1, then QUIT. Each
// step is one transfer of the same easy handle, which libcurl runs on the connection the step
// before left open; the last step forbids keeping it, so libcurl ends the session with QUIT,
// which is when the server really deletes.
//
// libcurl undoes POP3's dot-stuffing and takes the final "." away. The message is handed over
// whole (MailRetrieved): bounded by TransferLimits::maxMessage, past which it is 38025.
//
// libcurl (7.88) takes a connection closed in the middle of a message for its end. Two guards
// keep a cut message from passing for whole, and from being deleted: the steps after LIST may
// not open a connection (a lost session fails them instead of logging in again), and the
// session must end with QUIT answered (+OK), which a server that dropped the connection cannot.

#include <string>

#include "atsharp/reference/network.hpp"
#include "pop3_errors.hpp"
#include "transfer_job.hpp"

namespace atsharp::reference {

class Pop3Job : public TransferJob {
 public:
  Pop3Job(ActivityId id, Sink sink, const TransferLimits& limits, Pop3Request request);

  Next finished(CURLcode result) override;
  bool mayConnect() const override { return step_ == Step::List; }
  void cannotContinue() override { fail(); }

 protected:
  bool configure() override;
  std::size_t body(const char* data, std::size_t size) override;

 private:
  enum class Step { List, Retrieve, Delete, Quit };

  Next next();
  Next to(Step step, const std::string& message, const char* command);
  Next deliver();
  bool quitAnswered() const;
  Next fail();
  Next failRetrieval();

  Pop3Request request_;
  Step step_ = Step::List;
  bool listed_ = false;  ///< LIST named a message
  std::string message_;
  Pop3Message progress_;
};

}  // namespace atsharp::reference
