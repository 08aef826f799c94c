// Send a mail: mail combination 1 (recipient, subject, body) sent by the module's SMTP client.
//
//     send_mail TARGET SMTP_SERVER PORT FROM TO
//
// The module's IP link must be up, or the example brings GPRS up.

#include <atsharp/module/module.hpp>
#include <atsharp/transport/target_url.hpp>

#include <chrono>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: send_mail TARGET SMTP_SERVER PORT FROM TO\n";
    return 2;
  }
  try {
    atsharp::Module module(atsharp::openTransport(atsharp::parseTargetUrl(argv[1]),
                                                  atsharp::after(10s)));
    if (module.vstate() != atsharp::ModuleState::Connected) module.connectionStart();

    // The server and the sender (spec 3.1).
    module.set(atsharp::param::Smtpserv, std::string(argv[2]));
    module.set(atsharp::param::Smtpport, std::stoi(argv[3]));
    module.set(atsharp::param::Senderaddr, std::string(argv[4]));
    module.set(atsharp::param::Sendername, std::string("atsharp example"));

    // Combination 1: up to ten recipients (a list is one value), a subject, a body of up to
    // 120 characters whose line breaks the SDK sends as CR LF.
    module.set(atsharp::param::Rec1, {std::string_view(argv[5])});
    module.set(atsharp::param::Subj1, std::string("Hello from a WISMO module"));
    module.set(atsharp::param::Body1, std::string("This mail was sent\nby AT#SENDMAIL1."));

    module.sendMail(atsharp::MailCombination(1));
    std::cout << "mail sent to " << argv[5] << "\n";
    return 0;
  } catch (const atsharp::ModuleError& refused) {
    // 38028 (sender refused), 38029 (recipient refused) ... see spec 9.2.
    std::cerr << "the module refused: " << refused.what() << "\n";
    return 1;
  } catch (const atsharp::Error& failure) {
    std::cerr << "error: " << failure.what() << "\n";
    return 2;
  }
}
