// GPRS connect and TCP echo: brings the module's GPRS link up, connects TCP socket 1 to an
// echo server, sends a line, prints what comes back, then closes everything.
//
//     gprs_tcp_echo serial:/dev/ttyUSB0?baud=115200 192.0.2.10 7 [APN]
//
// The first argument is a target URL (serial:PATH?baud=N, or tcp:HOST:PORT for a serial port
// exported over TCP). Against the reference module: `atsharp emulate --pty /tmp/modem`, then
// serial:/tmp/modem.

#include <atsharp/module/data_session.hpp>
#include <atsharp/module/module.hpp>
#include <atsharp/transport/target_url.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: gprs_tcp_echo TARGET HOST PORT [APN]\n";
    return 2;
  }
  try {
    // Open the line and the module: the constructor synchronises (AT, ATE0, ATV1) and reads
    // AT#VVERSION.
    atsharp::Module module(atsharp::openTransport(atsharp::parseTargetUrl(argv[1]),
                                                  atsharp::after(10s)));
    std::cout << "module: " << module.version() << "\n";

    // GPRS needs the attachment first (spec 2.2.3, appendix A.4). AT+CGATT is a standard
    // command, not an AT# one, so it goes through the plain command() call.
    module.command("AT+CGATT=1", 30s);
    while (module.command("AT+CGATT?").lines != std::vector<std::string>{"+CGATT: 1"}) {
      std::this_thread::sleep_for(200ms);
    }

    // The typed parameters: values are checked before anything is sent.
    module.set(atsharp::param::Gprsmode, atsharp::GprsMode::Gprs);
    if (argc > 4) module.set(atsharp::param::Apnserv, std::string(argv[4]));
    const atsharp::Connection link = module.connectionStart();
    std::cout << "connected, address " << link.address << "\n";

    // Socket 1 to HOST:PORT (the TCP parameters hold one value per socket).
    const atsharp::SocketId socket(1);
    module.set(atsharp::param::Tcpserv, socket, std::string(argv[2]));
    module.set(atsharp::param::Tcpport, socket, std::stoi(argv[3]));
    std::unique_ptr<atsharp::DataSession> session = module.openTcp(socket);

    // Write, then read until the whole line came back (the DLE coding is done for us).
    const std::string line = "hello from atsharp\n";
    session->write(line);
    std::string echo;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (echo.size() < line.size() && session->isOpen() &&
           std::chrono::steady_clock::now() < deadline) {
      echo += atsharp::asString(session->read(500ms));
    }
    std::cout << "echoed: " << echo;

    // ETX ends the session (DLEMODE 1, the default); the module is back in command mode.
    session->close();
    module.connectionStop();
    return echo == line ? 0 : 1;
  } catch (const atsharp::ModuleError& refused) {
    // The module's own error, with its code from the spec's section 9.2.
    std::cerr << "the module refused: " << refused.what() << "\n";
    return 1;
  } catch (const atsharp::Error& failure) {
    // Everything else the SDK reports: a timeout, a closed line, a bad URL ...
    std::cerr << "error: " << failure.what() << "\n";
    return 2;
  }
}
