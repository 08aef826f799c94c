#pragma once
/// @file
/// The reference module's IP services reach the network through this boundary. The module (sans
/// I/O) decides what to do and asks the NetworkPort; the runtime implements the port on the
/// host's real network stack (sockets, libcurl, c-ares, ICMP) and reports back with
/// NetworkEvents through Module::network().
///
/// Rules both sides keep:
/// - An activity is one socket, listener, transfer, resolution or echo request, named by the
///   ActivityId the module gives it. Every activity ends with exactly one final event (Closed,
///   Failed, Resolved, MailRetrieved or PingAnswer) unless the module closes it first with
///   close(); after close() no event of that activity reaches the module.
/// - The port never calls back into the module from inside a request: events are delivered
///   later, from the event loop.
/// - Failures arrive already mapped to the spec's error codes (9.2), since only the runtime sees
///   the protocol's replies (a 530 after USER or after PASS, a refused RCPT for To or Cc).

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/errors.hpp"
#include "atsharp/reference/module_time.hpp"

namespace atsharp::reference {

/// Names one network activity of the module.
using ActivityId = std::uint32_t;

/// An IPv4 address (dotted decimal) and a port.
struct Endpoint {
  std::string address;
  std::uint16_t port = 0;
  bool operator==(const Endpoint&) const = default;
};

/// An FTP transfer (4.2, 4.3): FTPSERV resolved, FTPPORT, FTPUN/FTPPW, the path and file of
/// FTPGETPATH/FTPGETFILENAME or FTPPUTPATH/FTPPUTFILENAME, FTPTYPE. Passive mode.
struct FtpRequest {
  std::string localAddress;  ///< the module's address to bind to ("" for any)
  Endpoint server;
  std::string user;
  std::string password;
  std::string path;  ///< a directory, "" for the login directory
  std::string file;
  bool ascii = false;  ///< FTPTYPE A
};

/// An e-mail to send over SMTP (3.3, 3.4). The module composes the header; the port adds
/// nothing to the message but the SMTP dot-stuffing on the wire.
struct MailRequest {
  std::string localAddress;
  Endpoint server;
  std::string domain;  ///< DOMAIN, for HELO/EHLO
  /// SMTPUN and SMTPPW, when both are set: AUTH LOGIN (3.1.14).
  std::optional<std::pair<std::string, std::string>> login;
  std::string sender;                  ///< SENDERADDR: MAIL FROM
  std::vector<std::string> recipients;  ///< RECi: RCPT TO (a refusal is 38029)
  std::vector<std::string> copies;      ///< CCRECi: RCPT TO (a refusal is 38030)
  /// The message's header lines and the empty line after them, CR LF ended.
  std::string header;
  /// The body (AT#SENDMAILi); none: it follows through send() and finish() (AT#PUTMAIL).
  std::optional<std::string> body;
};

/// A POP3 retrieval of the first message of a mailbox (3.2).
struct Pop3Request {
  std::string localAddress;
  Endpoint server;
  std::string user;
  std::string password;
  /// Delete the message once it is retrieved whole (docs/spec-decisions.md).
  bool deleteAfter = true;
};

/// What the module asks of the network. Implemented by the runtime; see the file comment for
/// the rules.
class NetworkPort {
 public:
  virtual ~NetworkPort() = default;

  /// Looks @p name up with each DNS server in turn (DNSSERV1, then DNSSERV2) on @p port, never
  /// with the host's resolver, the questions leaving from @p localAddress ("" for any), as the
  /// module's other traffic does. Ends with Resolved, or Failed (38027).
  virtual void resolve(ActivityId id, const std::string& localAddress, const std::string& name,
                       const std::vector<std::string>& servers, std::uint16_t port) = 0;

  /// Opens a TCP connection from @p localAddress ("" for any). Connected, then Received, until
  /// Closed (the peer closed) or Failed.
  virtual void tcpConnect(ActivityId id, const std::string& localAddress,
                          const Endpoint& remote) = 0;

  /// Listens on @p local for one peer; a peer whose address is not @p allowedPeer (when given)
  /// is turned away and the listening goes on. Listening once the port is bound (or Failed),
  /// then Connected with the peer, then as tcpConnect.
  virtual void tcpListen(ActivityId id, const Endpoint& local,
                         const std::optional<std::string>& allowedPeer) = 0;

  /// Opens a UDP socket on @p local (port 0: any). Listening once bound (or Failed: 38016),
  /// then Received for every datagram, with its sender; a datagram that cannot be sent: 38017.
  virtual void udpOpen(ActivityId id, const Endpoint& local) = 0;

  /// Sends bytes: on a TCP connection (@p to is ignored), as one datagram to @p to on a UDP
  /// socket, or as upload data of a transfer (an FTP put, an SMTP body).
  virtual void send(ActivityId id, Bytes data, const std::optional<Endpoint>& to) = 0;

  /// The upload data of a transfer is complete; it ends with Closed once the server confirmed,
  /// or Failed.
  virtual void finish(ActivityId id) = 0;

  /// Ends an activity (closes a socket, stops a listener, abandons a transfer). No event of it
  /// follows. A socket still sends what send() was given before it closes (the module's last
  /// frames go out with its close); a transfer is abandoned at once.
  virtual void close(ActivityId id) = 0;

  /// Downloads a file: Ready when the server starts sending (the transfer is open), Received
  /// with the data, then Closed once complete, or Failed.
  virtual void ftpGet(ActivityId id, const FtpRequest& request) = 0;

  /// Uploads a file: Ready when the server waits for the data, which then comes through
  /// send(), and finish(); Closed once the server confirmed, or Failed.
  virtual void ftpPut(ActivityId id, const FtpRequest& request) = 0;

  /// Sends an e-mail: with a body, Closed once the server took it, or Failed; without one,
  /// Ready when the server waits for the body, then as ftpPut.
  virtual void sendMail(ActivityId id, const MailRequest& request) = 0;

  /// Retrieves the first message of the mailbox: MailRetrieved, or Failed.
  virtual void retrieveMail(ActivityId id, const Pop3Request& request) = 0;

  /// Sends one ICMP echo request from @p localAddress to @p address and waits up to
  /// @p timeout of module time: PingAnswer.
  virtual void ping(ActivityId id, const std::string& localAddress, const std::string& address,
                    ModuleTime timeout) = 0;
};

/// A name was resolved.
struct Resolved {
  ActivityId id;
  std::string address;
};

/// A listener or UDP socket is bound and waits.
struct Listening {
  ActivityId id;
};

/// A TCP connection is up (connected, or accepted from @p peer).
struct Connected {
  ActivityId id;
  Endpoint peer;
};

/// A transfer is open: an FTP download starts, an upload (FTP put, SMTP body) may begin.
struct Ready {
  ActivityId id;
};

/// Data arrived: on a TCP connection, in a datagram (@p from set), in an FTP download.
struct Received {
  ActivityId id;
  Bytes data;
  std::optional<Endpoint> from;
};

/// The activity ended well: the TCP peer closed its side (FIN), a transfer completed.
struct Closed {
  ActivityId id;
};

/// The activity failed with the spec's error code.
struct Failed {
  ActivityId id;
  catalogue::CmeError code;
};

/// The first message of a mailbox, CR LF lines with the dot-stuffing removed, or nothing for an
/// empty mailbox.
struct MailRetrieved {
  ActivityId id;
  std::optional<std::string> message;
};

/// The echo reply after @p milliseconds of module time (the round trip, scaled like every other
/// time of the module), or nothing when none came within the timeout.
struct PingAnswer {
  ActivityId id;
  std::optional<int> milliseconds;
};

/// Everything the network reports to the module.
using NetworkEvent = std::variant<Resolved, Listening, Connected, Ready, Received, Closed, Failed,
                                  MailRetrieved, PingAnswer>;

/// The activity an event belongs to.
inline ActivityId activityOf(const NetworkEvent& event) {
  return std::visit([](const auto& e) { return e.id; }, event);
}

}  // namespace atsharp::reference
