#pragma once
// ICMP echo messages (RFC 792): the request the module sends and the reply it waits for.

#include <cstdint>
#include <optional>

#include "atsharp/bytes.hpp"

namespace atsharp::reference {

struct EchoHeader {
  std::uint16_t identifier;
  std::uint16_t sequence;
  bool operator==(const EchoHeader&) const = default;
};

/// The Internet checksum of @p bytes (ones' complement of the ones' complement sum).
std::uint16_t internetChecksum(ByteView bytes);

/// An echo request (type 8) with @p header and a fixed payload, checksum filled in.
Bytes echoRequest(EchoHeader header);

/// The identifier and sequence of an echo reply (type 0), or nothing for any other message.
/// @p packet starts with the IPv4 header when it came through a raw socket.
std::optional<EchoHeader> echoReply(ByteView packet, bool withIpHeader);

}  // namespace atsharp::reference
