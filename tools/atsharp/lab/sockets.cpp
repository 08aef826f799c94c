// atsharp tcp open|listen and atsharp udp open|listen: a TCP socket (5.2, 5.4) or the UDP
// session (6.2, 6.4) piped to stdin and stdout, like nc. The DLE coding is the SDK's business:
// all 256 byte values go through as they are.

#include <chrono>
#include <iostream>

#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/data_session.hpp"
#include "atsharp/module/module.hpp"
#include "bench_command.hpp"
#include "lab_commands.hpp"
#include "session_pipe.hpp"

namespace atsharp::cli::lab {
namespace {

const char* const kPipeNote =
    "\n\nStdin goes to the peer and the peer's data to stdout until the peer closes. At the\n"
    "end of stdin the command waits --linger seconds (default 0) for the peer, then closes\n"
    "the session (ETX). Under DLEMODE 0 the host cannot close a TCP socket (5.1.1): the\n"
    "command then waits for the peer to close. Ctrl-C closes the session and ends. Exit\n"
    "status 1 when the module ended the session with an error (its code is printed).";

void addPipeOptions(po::options_description_easy_init& add) {
  add("linger", po::value<double>()->value_name("SECONDS")->default_value(0, "0"),
      "after the end of stdin, how long the peer may still answer before the session is "
      "closed");
  add("verbose,v", "say on stderr how the session ended, and the bytes each way");
}

void addListenTimeout(po::options_description_easy_init& add) {
  add("timeout", po::value<double>()->value_name("SECONDS")->default_value(120, "120"),
      "how long to wait for the peer");
}

Milliseconds secondsOption(const Invocation& invocation, const std::string& name) {
  const double seconds = invocation.get<double>(name);
  if (seconds < 0) throw UsageError("--" + name + " must not be negative");
  return std::chrono::duration_cast<Milliseconds>(std::chrono::duration<double>(seconds));
}

std::string endText(const PipeOutcome& outcome) {
  if (outcome.interrupted) return "interrupted";
  switch (outcome.end) {
    case DataSession::State::ClosedByPeer: return "closed by the peer";
    case DataSession::State::ClosedByHost: return "closed";
    case DataSession::State::Failed: return "failed";
    case DataSession::State::Open: break;
  }
  return "still open";
}

// Runs the pipe and turns its end into the exit status.
int pipeAndReport(Invocation& invocation, DataSession& session) {
  const PipeOutcome outcome =
      pipeSession(session, {.linger = secondsOption(invocation, "linger")});
  const std::string command = invocation.info().name;
  if (outcome.end == DataSession::State::Failed) {
    std::cerr << "atsharp " << command << ": the module ended " << session.label()
              << " with #CME ERROR: " << outcome.errorCode.value_or(0) << std::endl;
    return kModuleReportedError;
  }
  if (invocation.has("verbose")) {
    std::cerr << "atsharp " << command << ": " << session.label() << " " << endText(outcome)
              << "; " << outcome.sent << " bytes sent, " << outcome.received << " received"
              << std::endl;
  }
  if (outcome.interrupted && session.isOpen()) {
    std::cerr << "atsharp " << command << ": under DLEMODE 0 the module stays in data mode "
              << "until the peer closes" << std::endl;
  }
  return kDone;
}

// A port from the command line; its range is checked by the parameter's type.
int portNumber(const std::string& text) {
  const std::optional<int> number = catalogue::parseDecimal(text);
  if (!number) throw UsageError("port \"" + text + "\": must be a number from 1 to 65535");
  return *number;
}

// TCPSERV and TCPPORT of socket @p id from the command line, set (typed) before opening.
void setTcpPeer(Module& module, SocketId id, const Invocation& invocation) {
  if (auto host = invocation.find<std::string>("host")) module.set(param::Tcpserv, id, *host);
  if (auto port = invocation.find<std::string>("port")) {
    module.set(param::Tcpport, id, portNumber(*port));
  }
}

SocketId socketOption(const Invocation& invocation) {
  if (!invocation.has("socket")) throw UsageError("which socket? (1 or 2)");
  const std::string text = invocation.get<std::string>("socket");
  const std::optional<int> number = catalogue::parseDecimal(text);
  if (!number) throw UsageError("socket \"" + text + "\": must be 1 or 2");
  return SocketId(*number);
}

int tcpOpen(int argc, char** argv) {
  static const CommandInfo info{
      .name = "tcp open",
      .synopsis = "ID [HOST PORT]",
      .description =
          std::string("Connects TCP socket ID (1 or 2) to its peer (AT#OTCP, 5.4): HOST and\n"
                      "PORT, which are set as the socket's TCPSERV and TCPPORT, or those set.") +
          kPipeNote,
      .positional = {{"socket", 1}, {"host", 1}, {"port", 1}},
      .offersJson = false};
  return run(info, argc, argv, addPipeOptions, [](Invocation& invocation) {
    const SocketId id = socketOption(invocation);
    Module& module = invocation.module();
    setTcpPeer(module, id, invocation);
    const std::unique_ptr<DataSession> session = module.openTcp(id);
    return pipeAndReport(invocation, *session);
  });
}

int tcpListen(int argc, char** argv) {
  static const CommandInfo info{
      .name = "tcp listen",
      .synopsis = "ID [PORT]",
      .description =
          std::string("Listens on TCP socket ID (1 or 2) for a peer (AT#LTCPSTART, 5.2): on\n"
                      "PORT, which is set as the socket's TCPPORT, or the one set. TCPSERV\n"
                      "filters the peers. Once a peer connects, the session is piped.") +
          kPipeNote,
      .positional = {{"socket", 1}, {"port", 1}},
      .offersJson = false};
  const auto options = [](po::options_description_easy_init& add) {
    addPipeOptions(add);
    addListenTimeout(add);
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    const SocketId id = socketOption(invocation);
    Module& module = invocation.module();
    setTcpPeer(module, id, invocation);
    const std::unique_ptr<DataSession> session =
        module.listenTcp(id, secondsOption(invocation, "timeout"));
    return pipeAndReport(invocation, *session);
  });
}

// UDPSERV and UDPPORT from the command line, set (typed) before opening.
void setUdpPeer(Module& module, const Invocation& invocation) {
  if (auto host = invocation.find<std::string>("host")) module.set(param::Udpserv, *host);
  if (auto port = invocation.find<std::string>("port")) {
    module.set(param::Udpport, portNumber(*port));
  }
}

int udpOpen(int argc, char** argv) {
  static const CommandInfo info{
      .name = "udp open",
      .synopsis = "[HOST PORT]",
      .description =
          std::string("Opens the UDP session to its peer (AT#OUDP, 6.4): HOST and PORT, which\n"
                      "are set as UDPSERV and UDPPORT, or those set.") +
          kPipeNote,
      .positional = {{"host", 1}, {"port", 1}},
      .offersJson = false};
  return run(info, argc, argv, addPipeOptions, [](Invocation& invocation) {
    Module& module = invocation.module();
    setUdpPeer(module, invocation);
    const std::unique_ptr<DataSession> session = module.openUdp();
    return pipeAndReport(invocation, *session);
  });
}

int udpListen(int argc, char** argv) {
  static const CommandInfo info{
      .name = "udp listen",
      .synopsis = "[PORT]",
      .description =
          std::string("Listens for UDP datagrams (AT#LUDPSTART, 6.2) on PORT, which is set as\n"
                      "UDPPORT, or the one set. The sender of the first datagram becomes the\n"
                      "peer, and the session is piped.") +
          kPipeNote,
      .positional = {{"port", 1}},
      .offersJson = false};
  const auto options = [](po::options_description_easy_init& add) {
    addPipeOptions(add);
    addListenTimeout(add);
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    Module& module = invocation.module();
    setUdpPeer(module, invocation);
    const std::unique_ptr<DataSession> session =
        module.listenUdp(secondsOption(invocation, "timeout"));
    return pipeAndReport(invocation, *session);
  });
}

}  // namespace

int tcp(int argc, char** argv) {
  return dispatch("tcp",
                  {{"open", "connect a TCP socket and pipe it to stdin/stdout (AT#OTCP)", tcpOpen},
                   {"listen", "wait for a TCP peer and pipe it (AT#LTCPSTART)", tcpListen}},
                  argc, argv);
}

int udp(int argc, char** argv) {
  return dispatch("udp",
                  {{"open", "open the UDP session and pipe it (AT#OUDP)", udpOpen},
                   {"listen", "wait for a UDP peer and pipe it (AT#LUDPSTART)", udpListen}},
                  argc, argv);
}

}  // namespace atsharp::cli::lab
