// Listen for a TCP peer: TCP socket 1 listens on PORT; once a peer connects the example greets
// it, prints everything it sends, and ends when the peer closes.
//
//     tcp_listen TARGET PORT [SECONDS]
//
// The module's IP link must be up, or the example brings GPRS up. Peers reach the module at
// its address (AT#DISPLAYIP's MY IP).

#include <atsharp/module/data_session.hpp>
#include <atsharp/module/module.hpp>
#include <atsharp/transport/target_url.hpp>

#include <chrono>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: tcp_listen TARGET PORT [SECONDS]\n";
    return 2;
  }
  const auto wait = std::chrono::seconds(argc > 3 ? std::stoi(argv[3]) : 60);
  try {
    atsharp::Module module(atsharp::openTransport(atsharp::parseTargetUrl(argv[1]),
                                                  atsharp::after(10s)));
    if (module.vstate() != atsharp::ModuleState::Connected) module.connectionStart();
    std::cout << "listening on " << module.displayIp().myIp.toString() << ":" << argv[2]
              << std::endl;

    // TCPPORT is where socket 1 listens; TCPSERV, when set, is the only peer let in (5.1.3).
    const atsharp::SocketId socket(1);
    module.set(atsharp::param::Tcpport, socket, std::stoi(argv[2]));
    module.set(atsharp::param::Tcpserv, socket, std::string());

    // Returns once a peer connected; a TimeoutError after `wait` (the listen is then stopped).
    std::unique_ptr<atsharp::DataSession> session = module.listenTcp(socket, wait);
    session->write("hello, peer\n");

    // Everything the peer sends, until it closes (or nothing comes for 30 s).
    session->drain([](atsharp::ByteView bytes) { std::cout << atsharp::asString(bytes); },
                   30s);
    std::cout << std::flush;
    std::cerr << "the peer closed the connection\n";
    return 0;
  } catch (const atsharp::ModuleError& refused) {
    std::cerr << "the module refused: " << refused.what() << "\n";
    return 1;
  } catch (const atsharp::Error& failure) {
    std::cerr << "error: " << failure.what() << "\n";
    return 2;
  }
}
