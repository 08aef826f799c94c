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
  // Typed: module.set(param::Tcptxdelay, SocketId(1), TxDelay::milliseconds(200)). Every value
  // is checked against the catalogue before anything is sent (IllegalValueError).

  template <class Parameter>
  void set(const Parameter& parameter, const typename Parameter::Value& value);
  template <class Parameter>
  typename Parameter::Value get(const Parameter& parameter);
  /// The TCP parameters, one value per socket (5.1).
  template <class Parameter>
  void set(const Parameter& parameter, SocketId id, const typename Parameter::Value& value);
  template <class Parameter>
  typename Parameter::Value get(const Parameter& parameter, SocketId id);

  /// The untyped path, by name and text: checked like the typed one ("TCPTXDELAY", "1,200" is
  /// not the form: give the socket with @p id). @p text is the value as the spec writes it,
  /// without quotes.
  void setText(catalogue::Param parameter, std::string_view text,
               std::optional<SocketId> id = {});
  /// The value as text, unquoted ("1", "127.0.0.1", "I"). An address list comes as its
  /// addresses joined with ",".
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

  /// AT#CONNECTIONSTART (2.2.3): GPRS or GSM as GPRSMODE says, redials included (the timeout,
  /// when not given, allows for every attempt REDIALCOUNT and REDIALDELAY give). Throws
  /// ModuleError with the last failure (BUSY, NO ANSWER, a CME error).
  Connection connectionStart(const ProgressHandler& progress = {},
                             std::optional<Milliseconds> timeout = {});
  /// AT#CONNECTIONSTOP (2.2.2).
  void connectionStop(std::optional<Milliseconds> timeout = {});
  /// AT#ACCEPT (2.2.1): answers an incoming call, PPP as PPPMODE says.
  Connection accept(const ProgressHandler& progress = {},
                    std::optional<Milliseconds> timeout = {});
  /// AT#PING (7.2): one report per request, also handed to @p each as it comes. The timeout,
  /// when not given, is PINGNUM x PINGDELAY and some.
  std::vector<PingReport> ping(const std::function<void(const PingReport&)>& each = {},
                               std::optional<Milliseconds> timeout = {});
  /// AT#SENDMAILi (3.3): sends mail combination @p combination.
  void sendMail(MailCombination combination, std::optional<Milliseconds> timeout = {});
  /// AT#PUTMAIL (3.4): sends combination 1's envelope with the body from @p source (lines
  /// with CR LF; dot-stuffed and ended by the SDK).
  void putMail(const ByteSource& source, std::optional<Milliseconds> timeout = {});
  void putMail(std::string_view body, std::optional<Milliseconds> timeout = {});
  void putMail(std::istream& body, std::optional<Milliseconds> timeout = {});
  /// AT#GETMAIL (3.2): the first mail on the server, or nothing (Ok_Info_NoMail).
  std::optional<RetrievedMail> getMail(std::optional<Milliseconds> timeout = {});
  /// AT#FTPGET (4.2): FTPGETPATH/FTPGETFILENAME from the server into @p sink; returns the
  /// number of bytes. @p idle bounds the silence between two pieces (the default allows for a
  /// slow line).
  std::uint64_t ftpGet(const ByteSink& sink, const TransferProgressHandler& progress = {},
                       std::optional<Milliseconds> idle = {});
  std::uint64_t ftpGet(std::ostream& out, const TransferProgressHandler& progress = {});
  std::uint64_t ftpGet(const std::filesystem::path& file,
                       const TransferProgressHandler& progress = {});
  /// AT#FTPPUT (4.3): @p source to FTPPUTPATH/FTPPUTFILENAME, streamed as it is read; returns
  /// once the server confirmed (the module's OK).
  std::uint64_t ftpPut(const ByteSource& source, const TransferProgressHandler& progress = {},
                       std::optional<Milliseconds> timeout = {});
  std::uint64_t ftpPut(std::istream& in, const TransferProgressHandler& progress = {});
  std::uint64_t ftpPut(const std::filesystem::path& file,
                       const TransferProgressHandler& progress = {});
  /// AT#DELFLASH (8.4): every parameter back to its default.
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
