#include "transfer_worker.hpp"

#include <curl/curl.h>

#include <boost/asio/post.hpp>

#include <utility>

namespace atsharp::reference {
namespace {

// curl_global_init() is not to be called while other threads use libcurl: once, from the first
// TransferNetwork's thread, before any worker exists. Never undone: another part of the
// process may still use libcurl when the last worker ends.
void initializeCurlOnce() {
  static const CURLcode initialized = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)initialized;
}

}  // namespace

TransferWorker::TransferWorker(TransferEngine::Reports reports, TransferLimits limits)
    : work_(boost::asio::make_work_guard(io_)) {
  initializeCurlOnce();
  thread_ = std::thread([this, reports = std::move(reports), limits]() mutable {
    engine_ = std::make_unique<TransferEngine>(io_, std::move(reports), limits);
    io_.run();
  });
}

TransferWorker::~TransferWorker() {
  // The engine goes on its own thread, then the loop stops there: handlers still queued (the
  // cancelled waits of its sockets and timer) are destroyed with io_, never run.
  boost::asio::post(io_, [this] {
    engine_.reset();
    io_.stop();
  });
  thread_.join();
}

void TransferWorker::post(std::function<void(TransferEngine&)> task) {
  boost::asio::post(io_, [this, task = std::move(task)] { task(*engine_); });
}

}  // namespace atsharp::reference
