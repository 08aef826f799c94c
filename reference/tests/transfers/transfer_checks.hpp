#pragma once
// Small helpers the transfer tests share.

#include <optional>
#include <string>
#include <variant>

#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/errors.hpp"
#include "atsharp/reference/network.hpp"
#include "random.hpp"

namespace atsharp::test {

/// @p size bytes: every value 0..255 first, then random ones (the same on every run).
inline Bytes allByteValues(std::size_t size, std::uint64_t stream = 1) {
  Bytes bytes;
  for (int value = 0; value < 256 && bytes.size() < size; ++value) {
    bytes.push_back(static_cast<Byte>(value));
  }
  auto gen = rng(stream);
  const Bytes rest = randomBytes(gen, size - bytes.size());
  bytes.insert(bytes.end(), rest.begin(), rest.end());
  return bytes;
}

template <typename Event>
bool is(const std::optional<reference::NetworkEvent>& event) {
  return event && std::holds_alternative<Event>(*event);
}

constexpr int code(catalogue::CmeError error) { return static_cast<int>(error); }

/// The message of a MailRetrieved ("" for another event or an empty mailbox).
inline std::optional<std::string> messageOf(const std::optional<reference::NetworkEvent>& event) {
  if (!is<reference::MailRetrieved>(event)) return std::nullopt;
  return std::get<reference::MailRetrieved>(*event).message;
}

}  // namespace atsharp::test
