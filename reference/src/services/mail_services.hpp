#pragma once
// The e-mail services of chapter 3: AT#SENDMAILi and AT#PUTMAIL over SMTP, AT#GETMAIL over POP3.

#include "mail_text.hpp"
#include "service_base.hpp"

namespace atsharp::reference {

/// AT#SENDMAILi (3.3): the predefined mail of combination i. AT#PUTMAIL (3.4): combination 1's
/// header and the body the host types, not echoed, up to CR LF . CR LF, with 50 s of silence
/// ending it.
class MailSend : public ServiceBase {
 public:
  /// @p combination 1 to 3; @p hostBody: AT#PUTMAIL.
  MailSend(ModuleCore& core, int combination, bool hostBody);

  Outcome begin(ModuleCore& core);

  std::size_t onHostData(ModuleCore& core, ByteView bytes) override;
  void onTimer(ModuleCore& core, TimerId id) override;
  bool reads(catalogue::Param param, int socket) const override;

 private:
  void reached(ModuleCore& core, const std::string& address) override;
  void onActivity(ModuleCore& core, const NetworkEvent& event) override;
  void armInactivity(ModuleCore& core);

  int combination_;
  bool hostBody_;
  std::string server_;
  MailRequest request_;
  ActivityId mail_ = 0;
  MailBodyReader body_;
};

/// AT#GETMAIL (3.2): the first mail of the POP3 mailbox, or Ok_Info_NoMail.
class MailGet : public ServiceBase {
 public:
  explicit MailGet(ModuleCore& core);

  Outcome begin(ModuleCore& core);
  bool reads(catalogue::Param param, int socket) const override;

 private:
  void reached(ModuleCore& core, const std::string& address) override;
  void onActivity(ModuleCore& core, const NetworkEvent& event) override;

  std::string server_;
  Pop3Request request_;
  bool withHeader_;
  ActivityId retrieval_ = 0;
};

/// How long the host may stay silent in an AT#PUTMAIL body (3.4.2), in module time.
inline constexpr ModuleTime kMailBodySilence{50'000};

}  // namespace atsharp::reference
