#include "icmp_packet.hpp"

#include <array>

namespace atsharp::reference {
namespace {

constexpr Byte kEchoReply = 0;
constexpr Byte kEchoRequest = 8;
constexpr std::size_t kHeaderSize = 8;
constexpr std::size_t kMinIpHeader = 20;
// What a reply carries back: enough to look like ping(8)'s requests to a firewall or a log.
constexpr std::array<Byte, 16> kPayload = {'a', 't', 's', 'h', 'a', 'r', 'p', ' ',
                                           'e', 'c', 'h', 'o', ' ', 'r', 'e', 'q'};

void putU16(Bytes& bytes, std::size_t at, std::uint16_t value) {
  bytes[at] = static_cast<Byte>(value >> 8);
  bytes[at + 1] = static_cast<Byte>(value & 0xFF);
}

std::uint16_t getU16(ByteView bytes, std::size_t at) {
  return static_cast<std::uint16_t>((bytes[at] << 8) | bytes[at + 1]);
}

}  // namespace

std::uint16_t internetChecksum(ByteView bytes) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    const std::uint32_t high = bytes[i];
    const std::uint32_t low = i + 1 < bytes.size() ? bytes[i + 1] : 0;
    sum += (high << 8) | low;
  }
  while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum & 0xFFFF);
}

Bytes echoRequest(EchoHeader header) {
  Bytes packet(kHeaderSize, 0);
  packet[0] = kEchoRequest;
  putU16(packet, 4, header.identifier);
  putU16(packet, 6, header.sequence);
  packet.insert(packet.end(), kPayload.begin(), kPayload.end());
  putU16(packet, 2, internetChecksum(packet));
  return packet;
}

std::optional<EchoHeader> echoReply(ByteView packet, bool withIpHeader) {
  if (withIpHeader) {
    if (packet.size() < kMinIpHeader) return std::nullopt;
    const std::size_t ipHeader = static_cast<std::size_t>(packet[0] & 0x0F) * 4;
    if (ipHeader < kMinIpHeader || packet.size() < ipHeader) return std::nullopt;
    packet = packet.subspan(ipHeader);
  }
  if (packet.size() < kHeaderSize || packet[0] != kEchoReply || packet[1] != 0) {
    return std::nullopt;
  }
  return EchoHeader{getU16(packet, 4), getU16(packet, 6)};
}

}  // namespace atsharp::reference
