#pragma once
/// @file
/// atsharp::Module: a WISMO module running the AT# command set, over any Transport.
///
/// Opening a Module synchronises with the module (AT until it answers, echo off, verbose
/// results) and reads AT#VVERSION. From then on every call sends one command and returns its
/// answer, or throws an atsharp::Error (errors.hpp). Unsolicited reports (RING, +CREG, a lost
/// GPRS session) are taken out of the answers and handed to the callbacks registered with
/// onUrc(), whenever they arrive.
///
/// **Threads.** A Module may be used from several threads: calls are serialised, each one
/// holding the line for its whole duration (a data session holds it until it ends). URC
/// callbacks run on the thread of the call that read the report, with the line held; a
/// callback that calls the Module gets UsageError instead of a deadlock. While no call runs,
/// nobody reads the line: poll() reads the reports that came meanwhile.

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <filesystem>
#include <iosfwd>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/module/actions.hpp"
#include "atsharp/module/displays.hpp"
#include "atsharp/module/errors.hpp"
#include "atsharp/module/ids.hpp"
#include "atsharp/module/parameters.hpp"
#include "atsharp/module/reply.hpp"
#include "atsharp/module/urc.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp {

namespace detail {
class ModuleLine;
}

using Milliseconds = std::chrono::milliseconds;

class Exchange;
class DataSession;
class ResponseParser;

class Module {
 public:
  struct Options {
    /// The timeout of a command with no timeout of its own (display commands, settings).
    Milliseconds commandTimeout{5000};
    /// How long opening waits for the module to answer AT.
    Milliseconds openTimeout{10000};
    /// Skip the synchronisation and AT#VVERSION on opening (for a line already in use, or a
    /// module that must not be touched before the caller says so).
    bool synchronise = true;
  };

  /// A Module over @p line, which it owns.
  explicit Module(std::unique_ptr<Transport> line, Options options);
  explicit Module(std::unique_ptr<Transport> line) : Module(std::move(line), Options{}) {}
  /// A Module over @p line, which the caller keeps alive longer than the Module.
  explicit Module(Transport& line, Options options);
  explicit Module(Transport& line) : Module(line, Options{}) {}
  ~Module();
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  /// AT#VVERSION's answer as read on opening ("#VERSION: ..."); empty without synchronisation.
  const std::string& version() const noexcept { return version_; }
  /// The line's description ("serial:/dev/ttyUSB0?baud=115200").
  std::string describeLine() const;
  const Options& options() const noexcept { return options_; }

  /// Synchronises with the module: AT until it answers OK (stray bytes dropped), ATE0, ATV1,
  /// then AT#VVERSION. Called by the constructor unless Options::synchronise is false.
  void synchronise();

  /// Sends @p commandLine (without CR) and returns its answer once its final result came.
  /// Throws ModuleError for an ERROR or CME error answer, TimeoutError when no final result
  /// came within @p timeout (Options::commandTimeout when not given).
  Reply command(std::string_view commandLine, std::optional<Milliseconds> timeout = {});

  /// The raw path: like command(), but an error answer is returned, not thrown. For the
  /// harness and for a terminal.
  Reply raw(std::string_view commandLine, std::optional<Milliseconds> timeout = {});

  /// Writes @p bytes as they are (no CR added), for what no command models: a body after
  /// AT#BODY1, a line the caller builds itself. Nothing is read.
  void sendRaw(std::string_view bytes);

  // --- parameters (parameters.hpp) ------------------------------------------------------
  // Typed: module.set(param::Tcptxdelay, SocketId(1), std::chrono::milliseconds(200)). Every
  // value is checked against the catalogue before anything is sent (IllegalValueError naming
  // the parameter, the value and the legal values; credentials masked). A value is written as
  // `AT#NAME=value` (`AT#NAME=id,value` for the TCP parameters), an address list of several
  // addresses through AT#RECiADD / AT#CCRECiADD, a body through AT#BODYi, its text and Ctrl-Z;
  // it is read with `AT#NAME?` (`AT#NAME=id`). A refusal throws ModuleError (37123 while a
  // connection uses the parameter), an answer that shows no legal value ProtocolError.

  template <class Parameter>
  void set(const Parameter& parameter, const typename Parameter::Value& value);
  template <class Parameter>
  typename Parameter::Value get(const Parameter& parameter);
  /// The TCP parameters, one value per socket (5.1).
  template <class Parameter>
  void set(const Parameter& parameter, SocketId id, const typename Parameter::Value& value);
  template <class Parameter>
  typename Parameter::Value get(const Parameter& parameter, SocketId id);

  /// The untyped path, by parameter and text, checked like the typed one. @p text is the value
  /// as getText() gives it: without quotes; an address list's addresses joined with ","; a
  /// body's line breaks as CR LF. @p id is the socket of a TCP parameter, and must be given for
  /// them only (UsageError otherwise).
  void setText(catalogue::Param parameter, std::string_view text,
               std::optional<SocketId> id = {});
  /// The value as text, unquoted ("1", "127.0.0.1", "I"). An address list comes as its
  /// addresses joined with ","; a body with its line breaks as CR LF.
  std::string getText(catalogue::Param parameter, std::optional<SocketId> id = {});

  // --- display commands (displays.hpp) --------------------------------------------------

  PhyDisplay vphy();
  PppDisplay vppp();
  GprsDisplay vgprs();
  SmtpDisplay vsmtp();
  Pop3Display vpop3();
  MailDisplay vmail(MailCombination combination);
  DnsDisplay vdns();
  FtpDisplay vftp();
  TcpDisplay vtcp(SocketId id);
  UdpDisplay vudp();
  PingDisplay vping();
  AllDisplay vall();
  ModuleState vstate();
  VersionDisplay vversion();
  IpDisplay displayIp();

  // --- actions (actions.hpp) ------------------------------------------------------------
  // Each action reads the few parameters its answer depends on (AT#NAME?) before it starts,
  // and waits as long as those parameters say it may take. Each command holds the line; another
  // thread's call may come between an action's reads and its command. A ModuleError carries
  // the code (or the result) the module ended the command with; after any of them the Module is
  // usable. A transfer the module ends while the host still sends (FTPPUT, PUTMAIL) leaves the
  // host's late bytes in its command mode: the action then resynchronises (a CR, AT#VVERSION,
  // and every answer before that one dropped) before it throws.

  /// AT#CONNECTIONSTART (2.2.3): GPRS or GSM as GPRSMODE says. Over GSM the module dials up to
  /// 1 + REDIALCOUNT times, REDIALDELAY seconds apart; the timeout, when not given, allows for
  /// every attempt (3 minutes each). Throws ModuleError with the last failure: BUSY, NO ANSWER,
  /// NO CARRIER (result()), or a CME error (code(): 35865 not attached, 35866, 35868 ...).
  Connection connectionStart(const ProgressHandler& progress = {},
                             std::optional<Milliseconds> timeout = {});
  /// AT#CONNECTIONSTOP (2.2.2): OK once the link is down (also when there was none). 30 s
  /// unless told otherwise.
  void connectionStop(std::optional<Milliseconds> timeout = {});
  /// AT#ACCEPT (2.2.1): answers an incoming call (OK), then CONNECT, the address and PPP OK,
  /// PPP as PPPMODE says. Throws ModuleError with PPP ERROR, NO CARRIER or a CME error (35867:
  /// no call).
  Connection accept(const ProgressHandler& progress = {},
                    std::optional<Milliseconds> timeout = {});
  /// AT#PING (7.2): PINGNUM reports, each also handed to @p each as it comes. The timeout,
  /// when not given, is PINGNUM x PINGDELAY seconds and 30 s for the name lookup.
  std::vector<PingReport> ping(const PingHandler& each = {},
                               std::optional<Milliseconds> timeout = {});
  /// AT#SENDMAILi (3.3): sends mail combination @p combination; returns once the server took
  /// it. 3 minutes unless told otherwise.
  void sendMail(MailCombination combination, std::optional<Milliseconds> timeout = {});
  /// AT#PUTMAIL (3.4): combination 1's envelope and header, with the body read from @p source
  /// as it is sent. The body is plain text: lines end with CR LF, LF or CR (sent as CR LF); the
  /// SDK doubles a leading dot and ends the body with CR LF . CR LF. @p silence bounds each wait
  /// for the module (3 minutes when not given). A source that throws sends no mail: the module
  /// ends the body after its 50 s of inactivity (3.4.2), then the exception is rethrown.
  void putMail(const ByteSource& source, std::optional<Milliseconds> silence = {});
  void putMail(std::string_view body, std::optional<Milliseconds> silence = {});
  void putMail(std::istream& body, std::optional<Milliseconds> silence = {});
  /// AT#GETMAIL (3.2): the first mail on the server, which the module then deletes, or nothing
  /// (Ok_Info_NoMail). POP3HEADERMODE says whether a header comes. @p silence bounds the wait
  /// for the mail and between its lines (3 minutes when not given).
  std::optional<RetrievedMail> getMail(std::optional<Milliseconds> silence = {});
  /// AT#FTPGET (4.2): FTPGETPATH/FTPGETFILENAME from the server into @p sink as it arrives (no
  /// whole-file buffer); returns the number of bytes. @p silence bounds the wait for the start
  /// and between two pieces (3 minutes when not given: longer than the module's own stall
  /// limit, so that its error, not a timeout, reports a stalled server). A failure after the
  /// data began (ETX, then the error) throws ModuleError with the code.
  std::uint64_t ftpGet(const ByteSink& sink, const TransferProgressHandler& progress = {},
                       std::optional<Milliseconds> silence = {});
  /// The same into @p out; a stream that fails throws Error once the transfer ended.
  std::uint64_t ftpGet(std::ostream& out, const TransferProgressHandler& progress = {},
                       std::optional<Milliseconds> silence = {});
  /// The same into @p file, written beside it as `<file>.part` and renamed once the module said
  /// OK: a failed download leaves @p file as it was.
  std::uint64_t ftpGet(const std::filesystem::path& file,
                       const TransferProgressHandler& progress = {},
                       std::optional<Milliseconds> silence = {});
  /// AT#FTPPUT (4.3): @p source to FTPPUTPATH/FTPPUTFILENAME, read and sent as it goes; returns
  /// the number of bytes once the server confirmed (the module's OK). A source that throws
  /// ends the upload there (the server keeps what it got: the spec has no abort) and its
  /// exception is rethrown. @p silence as for ftpGet.
  std::uint64_t ftpPut(const ByteSource& source, const TransferProgressHandler& progress = {},
                       std::optional<Milliseconds> silence = {});
  std::uint64_t ftpPut(std::istream& in, const TransferProgressHandler& progress = {},
                       std::optional<Milliseconds> silence = {});
  /// Throws Error, before anything is sent, when @p file cannot be opened.
  std::uint64_t ftpPut(const std::filesystem::path& file,
                       const TransferProgressHandler& progress = {},
                       std::optional<Milliseconds> silence = {});
  /// AT#DELFLASH (8.4): erases the parameter flash. The values in use stay until the module
  /// restarts (AT+CFUN=1), which starts from the spec's defaults.
  void deleteFlash();

  // --- data sessions (data_session.hpp) -----------------------------------------------

  /// AT#OTCP=id (5.4): connects socket @p id to TCPSERV:TCPPORT; the session starts once the
  /// module says Ok_Info_WaitingForData. Its coding follows the socket's DLEMODE.
  std::unique_ptr<DataSession> openTcp(SocketId id, std::optional<Milliseconds> timeout = {});
  /// AT#LTCPSTART=id (5.2): listens on TCPPORT and returns the session once a peer connected
  /// (TCPSERV filters peers). Waits up to @p timeout (2 minutes when not given); then stops
  /// listening with an ETX (5.2.1) and throws TimeoutError.
  std::unique_ptr<DataSession> listenTcp(SocketId id, std::optional<Milliseconds> timeout = {});
  /// AT#LTCPSTOP=id (5.3).
  void stopListenTcp(SocketId id);
  /// AT#OUDP (6.4): UDP to UDPSERV:UDPPORT, always DLE-coded.
  std::unique_ptr<DataSession> openUdp(std::optional<Milliseconds> timeout = {});
  /// AT#LUDPSTART (6.2): listens on UDPPORT; the session starts with the first datagram
  /// (whose sender becomes the peer). Timeout as listenTcp.
  std::unique_ptr<DataSession> listenUdp(std::optional<Milliseconds> timeout = {});
  /// AT#LUDPSTOP (6.3).
  void stopListenUdp();

  /// The session a raw() command or a poll() left the module in (a user typed AT#OTCP=1 in a
  /// terminal, a peer reached a listen started with raw()); nothing when the line is in
  /// command mode.
  std::unique_ptr<DataSession> takeDataSession();

  /// For the actions: sends @p commandLine and returns the session it opens (DLE coding for
  /// UDP and FTP, the socket's DLEMODE for TCP). Throws ModuleError when it is refused.
  std::unique_ptr<DataSession> startSession(std::string_view commandLine, DataCoding coding,
                                            std::optional<Milliseconds> timeout = {});

  /// The coding of socket @p id: its DLEMODE as this Module last set or read it, else read.
  DataCoding tcpCoding(SocketId id);

  // --- unsolicited reports ---------------------------------------------------------------

  using UrcHandler = std::function<void(const Urc&)>;
  /// Registers @p handler for every URC from now on; returns an id for removeUrcHandler.
  int onUrc(UrcHandler handler);
  void removeUrcHandler(int id);
  /// Reads the line for up to @p wait while no command runs, handing any URC to the handlers.
  void poll(Milliseconds wait);

 private:
  friend class Exchange;
  friend class DataSession;

  /// Holds the line for one call: serialises threads, refuses calls from URC callbacks and
  /// while a data session is open.
  class Hold {
   public:
    explicit Hold(Module& module);
    ~Hold();
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;

   private:
    Module& module_;
    std::unique_lock<std::mutex> lock_;
  };

  void dispatch(const Urc& urc);
  /// Notes what a command line the module accepted changed that the Module keeps: DLEMODE.
  void observe(std::string_view commandLine, const Reply& reply);
  std::unique_ptr<DataSession> awaitPeer(std::string_view stopCommand, DataCoding coding,
                                         Milliseconds timeout);
  /// How the answer of @p commandLine is to be parsed: the coding of a data mode it may open.
  DataCoding codingFor(std::string_view commandLine);

  std::unique_ptr<Transport> owned_;
  Transport& transport_;
  std::unique_ptr<detail::ModuleLine> line_;
  Options options_;
  std::string version_;
  std::mutex mutex_;                       // held by the call that has the line
  std::atomic<std::thread::id> holder_{};  // the thread inside a call, while one runs
  std::mutex handlersMutex_;
  bool inCallback_ = false;
  bool sessionOpen_ = false;
  bool stale_ = false;  // a command timed out: its answer may still come, to be dropped
  std::optional<DataCoding> pendingSession_;  // the coding of a data mode nobody took yet
  std::optional<DataCoding> dlemode_[2];
  std::vector<std::pair<int, UrcHandler>> handlers_;
  int nextHandlerId_ = 1;
};

}  // namespace atsharp

#include "atsharp/module/parameter_access.hpp"
