#pragma once
// Accepting connections for as long as an acceptor lives, for the TCP line and the control
// channel alike.

#include <boost/asio/error.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <utility>

namespace atsharp::reference {

/// A failed accept (out of descriptors, most often) is retried after this pause rather than at
/// once, so that the loop does not spin on a failure that lasts.
inline constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

/// Accepts on @p acceptor and hands each connection to @p take, until the acceptor is closed.
/// @p acceptor and @p retry must outlive the loop's handlers (the owner of both closes them).
template <typename Acceptor, typename Take>
void acceptForever(Acceptor& acceptor, boost::asio::steady_timer& retry, Take take) {
  using Socket = typename Acceptor::protocol_type::socket;
  acceptor.async_accept([&acceptor, &retry, take = std::move(take)](
                            const boost::system::error_code& error, Socket socket) mutable {
    if (error == boost::asio::error::operation_aborted) return;  // closed
    if (!error) {
      take(std::move(socket));
      return acceptForever(acceptor, retry, std::move(take));
    }
    retry.expires_after(kAcceptRetryDelay);
    retry.async_wait([&acceptor, &retry,
                      take = std::move(take)](const boost::system::error_code& waited) mutable {
      if (!waited) acceptForever(acceptor, retry, std::move(take));
    });
  });
}

}  // namespace atsharp::reference
