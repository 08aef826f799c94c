#pragma once
// The thread TransferNetwork's transfers run on, with an io_context of its own. libcurl's multi
// interface is driven by that loop (no curl_easy_perform), but libcurl 7.88 still waits on its
// own for a few replies: FTP's 226 at the end of a transfer, SMTP's 250 after the message,
// QUIT's answer when it ends a session (each bounded by TransferLimits::replyTimeout). Here
// those waits hold up only other transfers, never the module's loop, its UART pacing or its
// timers.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <thread>

#include "transfer_engine.hpp"

namespace atsharp::reference {

class TransferWorker {
 public:
  /// Starts the thread; @p reports are called from it.
  TransferWorker(TransferEngine::Reports reports, TransferLimits limits);
  /// Ends every transfer (abandoned, nothing reported) and joins the thread.
  ~TransferWorker();
  TransferWorker(const TransferWorker&) = delete;
  TransferWorker& operator=(const TransferWorker&) = delete;

  /// Runs @p task on the worker thread, after the tasks posted before it. Thread-safe.
  void post(std::function<void(TransferEngine&)> task);

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  /// Made, used and destroyed on the worker thread only.
  std::unique_ptr<TransferEngine> engine_;
  std::thread thread_;
};

}  // namespace atsharp::reference
