// E-mail in (3.2): AT#GETMAIL, the first mail of the POP3 mailbox, or none.

#include "atsharp/module/module.hpp"

#include "../exchange.hpp"
#include "action_timeouts.hpp"
#include "retrieved_mail_builder.hpp"
#include "setting_reader.hpp"

namespace atsharp {
namespace {

using catalogue::Result;

[[noreturn]] void throwAnswer(const Exchange& exchange, const FinalResult& final) {
  if (final.cmeError) throw ModuleError(exchange.label(), *final.cmeError);
  if (!final.succeeded()) throw ModuleError(exchange.label(), *final.result);
  throw ProtocolError(exchange.label() + ": answered " + final.text() +
                          " where Ok_Info_Mail or Ok_Info_NoMail was due",
                      toBytes(final.text()));
}

// The mail, once its end came; ProtocolError when it was over any size a mail has.
RetrievedMail complete(const Exchange& exchange, const detail::RetrievedMailBuilder& builder) {
  if (builder.overflowed()) {
    throw ProtocolError(exchange.label() + ": the mail is larger than " +
                            std::to_string(detail::RetrievedMailBuilder::kMaxSize) + " bytes",
                        {});
  }
  return builder.mail();
}

}  // namespace

std::optional<RetrievedMail> Module::getMail(std::optional<Milliseconds> silence) {
  const Milliseconds wait = silence.value_or(detail::kServerSilence);
  const bool withHeader =
      detail::readWholeSetting(*this, catalogue::Param::Pop3headermode) == 1;
  Exchange exchange(*this, "AT#GETMAIL", wait);
  detail::RetrievedMailBuilder builder(withHeader);
  bool ended = false;  // the mail's closing "." came
  for (;;) {
    // After the mail, OK ends the command (A.6.2); 3.2.2 shows none, so a module that sends
    // none is given the command timeout, then its mail, and a late OK is dropped.
    std::optional<detail::LineEvent> event =
        ended ? exchange.next(after(options_.commandTimeout)) : exchange.next();
    if (!event) {
      stale_ = true;
      return complete(exchange, builder);
    }
    if (auto* line = std::get_if<MailLine>(&*event)) {
      builder.take(std::move(line->text));
      // Each line gives more time, unless the mail is past any size a mail has: then the
      // deadline stands, and a module that never ends it cannot hold the host for ever.
      if (!builder.overflowed()) exchange.extend(wait);
    } else if (std::holds_alternative<MailEnded>(*event)) {
      ended = true;
    } else if (const std::optional<FinalResult> final = plainFinal(*event)) {
      if (ended && final->result == Result::Ok) return complete(exchange, builder);
      if (!ended && final->result == Result::NoMail) return std::nullopt;
      throwAnswer(exchange, *final);
    }
  }
}

}  // namespace atsharp
