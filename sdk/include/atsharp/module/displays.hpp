#pragma once
/// @file
/// The display commands' answers as structs (placeholder: being written).

namespace atsharp {
struct PhyDisplay;
struct PppDisplay;
struct GprsDisplay;
struct SmtpDisplay;
struct Pop3Display;
struct MailDisplay;
struct DnsDisplay;
struct FtpDisplay;
struct TcpDisplay;
struct UdpDisplay;
struct PingDisplay;
struct AllDisplay;
enum class ModuleState;
struct VersionDisplay;
struct IpDisplay;
}  // namespace atsharp
