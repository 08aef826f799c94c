// FTP download to a file: the module fetches REMOTE_FILE from an FTP server over its IP link
// and the SDK writes it to LOCAL_FILE as it arrives.
//
//     ATSHARP_FTP_PASSWORD=secret ftp_download TARGET SERVER PORT USER REMOTE_FILE LOCAL_FILE
//
// The password comes from the environment, not the command line, where any user of the
// machine could read it. The module's IP link must be up, or the example brings GPRS up.

#include <atsharp/module/module.hpp>
#include <atsharp/transport/target_url.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

int main(int argc, char** argv) {
  if (argc < 7) {
    std::cerr << "usage: ftp_download TARGET SERVER PORT USER REMOTE_FILE LOCAL_FILE\n";
    return 2;
  }
  const char* password = std::getenv("ATSHARP_FTP_PASSWORD");
  try {
    atsharp::Module module(atsharp::openTransport(atsharp::parseTargetUrl(argv[1]),
                                                  atsharp::after(10s)));
    // Up already (AT#VSTATE says CONNECTED), or brought up now (GPRS as GPRSMODE says).
    if (module.vstate() != atsharp::ModuleState::Connected) module.connectionStart();

    // The server, the account and the file (spec 4.1). FTPGETPATH empty: the login folder.
    module.set(atsharp::param::Ftpserv, std::string(argv[2]));
    module.set(atsharp::param::Ftpport, std::stoi(argv[3]));
    module.set(atsharp::param::Ftpun, std::string(argv[4]));
    module.set(atsharp::param::Ftppw, std::string(password != nullptr ? password : ""));
    module.set(atsharp::param::Ftptype, atsharp::FtpType::Binary);
    module.set(atsharp::param::Ftpgetpath, std::string());
    module.set(atsharp::param::Ftpgetfilename, std::string(argv[5]));

    // The file is written beside LOCAL_FILE and renamed once the module said OK: a failed
    // download leaves LOCAL_FILE as it was. The callback sees the bytes as they come.
    const std::uint64_t bytes = module.ftpGet(
        std::filesystem::path(argv[6]), [](const atsharp::TransferProgress& now) {
          std::cerr << "\r" << now.bytes << " bytes" << std::flush;
        });
    std::cerr << "\n";
    std::cout << "downloaded " << bytes << " bytes into " << argv[6] << "\n";
    return 0;
  } catch (const atsharp::ModuleError& refused) {
    // 38026 (connection failed), 38027 (DNS), 38017 (wrong user) ... see spec 9.2.
    std::cerr << "the module refused: " << refused.what() << "\n";
    return 1;
  } catch (const atsharp::Error& failure) {
    std::cerr << "error: " << failure.what() << "\n";
    return 2;
  }
}
