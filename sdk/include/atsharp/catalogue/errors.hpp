#pragma once
/// @file
/// The error codes of the AT# command set (spec 9.2), declared once, as data. The module sends
/// them as "#CME ERROR: <code>" (docs/spec-decisions.md).

#include <array>
#include <string_view>

namespace atsharp::catalogue {

/// Every error code of 9.2 by its meaning, and 600, which 1.2 gives for ATQ.
enum class CmeError : int {
  UnknownCommand = 34817,
  SyntaxError = 34819,
  EepromWriteFailed = 34824,
  CommandTooLong = 34881,
  BadArgumentValue = 34882,
  ModemAlreadyRunning = 35840,
  GprsSessionLost = 35841,
  NoNetworkActivity = 35862,
  NotAttached = 35865,
  InvalidActivationEvent = 35866,
  PhysicalLayerNotActive = 35867,
  GprsConnectionAborted = 35868,
  InvalidIncomingCallType = 35869,
  IncomingCallCliNotProvided = 35870,
  SimRemoved = 35871,
  InternalResourceUnavailable = 36872,
  BadParameterConfiguration = 36929,
  PppClientNegotiationFailed = 37120,
  PppServerNegotiationFailed = 37121,
  AnotherApplicationRunning = 37122,
  ServiceRunning = 37123,
  TcpSessionCancelled = 37952,
  NoResponseFromServer = 37964,
  TcpClosedByPeer = 37966,
  OpenSessionFailed = 38016,
  DataSendFailed = 38017,
  CloseSessionFailed = 38018,
  ChangeDirectoryFailed = 38022,
  FileDeletionFailed = 38023,
  DataRetrieveFailed = 38024,
  EmailRetrieveFailed = 38025,
  EmailHeaderReceiveFailed = 38026,
  DnsResolutionFailed = 38027,
  SenderRejected = 38028,
  RecipientRejected = 38029,
  CcRecipientRejected = 38030,
  BodyRejected = 38031,
  UsernameRejected = 38080,
  PasswordRejected = 38081,
  PppClientTimeout = 38980,
  PppServerTimeout = 38981,
  OpenDataFlowFailed = 49153,
  CloseDataFlowFailed = 49154,
  OpenGprsSessionFailed = 49155,
  GprsAuthenticationFailed = 49156,
  GprsIpcpInformationFailed = 49157,
  OpenFlowNotConfirmed = 49158,
  NotAllowedByEmbeddedApplication = 600,
};

/// Everything the spec says about one error code.
struct ErrorSpec {
  CmeError code;
  std::string_view category;     ///< "Bad command", "Physical layer", "Distant", ...
  std::string_view description;  ///< 9.2's text, word for word
  std::string_view section;      ///< "9.2", or "1.2" for 600
};

/// The codes of 9.2, each once (9.2 repeats 34817 and 34819 at its end), in 9.2's order.
inline constexpr auto kErrors = [] {
  using enum CmeError;
  constexpr std::string_view bad = "Bad command";
  constexpr std::string_view phy = "Physical layer";
  constexpr std::string_view lib = "IP Connectivity library";
  constexpr std::string_view distant = "Distant";
  constexpr std::string_view internal = "Internal error";
  return std::array{
      ErrorSpec{UnknownCommand, bad, "Unknown command", "9.2"},
      ErrorSpec{SyntaxError, bad, "Syntax error", "9.2"},
      ErrorSpec{EepromWriteFailed, bad, "EEPROM write failed", "9.2"},
      ErrorSpec{CommandTooLong, bad, "Command to long", "9.2"},
      ErrorSpec{BadArgumentValue, bad, "Bad command argument value", "9.2"},
      ErrorSpec{ModemAlreadyRunning, phy, "Modem is already running", "9.2"},
      ErrorSpec{GprsSessionLost, phy, "GPRS session lost.", "9.2"},
      ErrorSpec{NoNetworkActivity, phy, "Timeout, no activity on network connection", "9.2"},
      ErrorSpec{NotAttached, phy, "Module is not attached to the network", "9.2"},
      ErrorSpec{InvalidActivationEvent, phy, "Invalid event during activation process", "9.2"},
      ErrorSpec{PhysicalLayerNotActive, phy, "Physical layer connection is currently not active", "9.2"},
      ErrorSpec{GprsConnectionAborted, phy, "GPRS connection aborted", "9.2"},
      ErrorSpec{InvalidIncomingCallType, phy, "Invalid incoming call type", "9.2"},
      ErrorSpec{IncomingCallCliNotProvided, phy, "Incoming call CLI not provided", "9.2"},
      ErrorSpec{SimRemoved, lib, "SIM removed", "9.2"},
      ErrorSpec{InternalResourceUnavailable, lib, "internal error : internal resource unavailable.", "9.2"},
      ErrorSpec{BadParameterConfiguration, lib, "Bad parameter configuration attempt", "9.2"},
      ErrorSpec{PppClientNegotiationFailed, lib, "PPP negotiation failed (client configuration)", "9.2"},
      ErrorSpec{PppServerNegotiationFailed, lib, "PPP negotiation failed (server configuration)", "9.2"},
      ErrorSpec{AnotherApplicationRunning, lib, "Another internal application is already running", "9.2"},
      ErrorSpec{ServiceRunning, lib, "Service is running. Unable to set parameter", "9.2"},
      ErrorSpec{TcpSessionCancelled, distant, "TCP session closed (TCP Context cancelled)", "9.2"},
      ErrorSpec{NoResponseFromServer, distant, "No response from server", "9.2"},
      ErrorSpec{TcpClosedByPeer, distant, "TCP session closed by peer (FIN received from peer)", "9.2"},
      ErrorSpec{OpenSessionFailed, distant, "Open session attempt failed", "9.2"},
      ErrorSpec{DataSendFailed, distant, "Data send attempt failed", "9.2"},
      ErrorSpec{CloseSessionFailed, distant, "Close session attempt failed", "9.2"},
      ErrorSpec{ChangeDirectoryFailed, distant, "Change Directory attempt failed", "9.2"},
      ErrorSpec{FileDeletionFailed, distant, "File deletion attempt failed", "9.2"},
      ErrorSpec{DataRetrieveFailed, distant, "Data retrieve attempt failed", "9.2"},
      ErrorSpec{EmailRetrieveFailed, distant, "Email retrieve attempt failed", "9.2"},
      ErrorSpec{EmailHeaderReceiveFailed, distant, "Email header receive failed", "9.2"},
      ErrorSpec{DnsResolutionFailed, distant, "No answer from DNS servers or the domain name resolution could not be completed by the server.", "9.2"},
      ErrorSpec{SenderRejected, distant, "Sender email address rejected by server", "9.2"},
      ErrorSpec{RecipientRejected, distant, "Recipient email address rejected by server", "9.2"},
      ErrorSpec{CcRecipientRejected, distant, "CC Recipient email address rejected by server", "9.2"},
      ErrorSpec{BodyRejected, distant, "Email body send request rejected by server", "9.2"},
      ErrorSpec{UsernameRejected, distant, "Username rejected by server", "9.2"},
      ErrorSpec{PasswordRejected, distant, "Password rejected by server", "9.2"},
      ErrorSpec{PppClientTimeout, lib, "PPP timeout (client configuration)", "9.2"},
      ErrorSpec{PppServerTimeout, lib, "PPP timeout (server configuration)", "9.2"},
      ErrorSpec{OpenDataFlowFailed, internal, "Open data flow request failed", "9.2"},
      ErrorSpec{CloseDataFlowFailed, internal, "Close data flow request failed", "9.2"},
      ErrorSpec{OpenGprsSessionFailed, internal, "Open GPRS session request failed", "9.2"},
      ErrorSpec{GprsAuthenticationFailed, internal, "GPRS authentication failed", "9.2"},
      ErrorSpec{GprsIpcpInformationFailed, internal, "GPRS get IPCP information request failed", "9.2"},
      ErrorSpec{OpenFlowNotConfirmed, internal, "Open flow confirmation not received", "9.2"},
  };
}();

/// 600, "Not allowed by embedded application": ATQ's answer while the IP application runs
/// (1.2). Not a 9.2 code; the module sends it as "+CME ERROR: 600".
inline constexpr ErrorSpec kNotAllowedByEmbeddedApplication{
    CmeError::NotAllowedByEmbeddedApplication, "Standard", "Not allowed by embedded application",
    "1.2"};

/// The spec of error @p code (9.2, or 600 from 1.2), or nullptr for a code the spec does not
/// define.
const ErrorSpec* findError(int code) noexcept;

/// The numeric value of @p code.
constexpr int value(CmeError code) noexcept { return static_cast<int>(code); }

}  // namespace atsharp::catalogue
