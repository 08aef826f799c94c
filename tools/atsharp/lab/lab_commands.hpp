#pragma once
// The lab-bench subcommands of atsharp: an engineer with a module on a serial port (or the
// reference module on a pty) types them. Each takes its own arguments, with its name as
// argv[0], and returns the exit status: 0 done, 1 the module reported an error, 2 a usage or
// transport error. docs/command-line.md is the user's guide.

namespace atsharp::cli::lab {

/// atsharp at 'AT#VSTATE': one command line, its answer printed.
int at(int argc, char** argv);
/// atsharp shell: an interactive terminal on the module.
int shell(int argc, char** argv);
/// atsharp state: AT#VSTATE.
int state(int argc, char** argv);
/// atsharp version: AT#VVERSION.
int version(int argc, char** argv);
/// atsharp config get|set|dump|apply: the parameters, one by one or as a profile.
int config(int argc, char** argv);
/// atsharp connect: AT#CONNECTIONSTART.
int connect(int argc, char** argv);
/// atsharp disconnect: AT#CONNECTIONSTOP.
int disconnect(int argc, char** argv);
/// atsharp ping [HOST]: AT#PING.
int ping(int argc, char** argv);
/// atsharp ftp get|put: AT#FTPGET, AT#FTPPUT.
int ftp(int argc, char** argv);
/// atsharp mail send|put|get: AT#SENDMAILi, AT#PUTMAIL, AT#GETMAIL.
int mail(int argc, char** argv);
/// atsharp tcp open|listen: a TCP socket piped to stdin and stdout, like nc.
int tcp(int argc, char** argv);
/// atsharp udp open|listen: the UDP session piped to stdin and stdout.
int udp(int argc, char** argv);

}  // namespace atsharp::cli::lab
