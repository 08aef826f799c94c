// E-mail out (3.3, 3.4): AT#SENDMAILi of a stored mail combination, and AT#PUTMAIL with a body
// the host streams.

#include <algorithm>
#include <array>
#include <istream>

#include "atsharp/module/module.hpp"

#include "../exchange.hpp"
#include "action_timeouts.hpp"
#include "callback_guard.hpp"
#include "command_mode_recovery.hpp"
#include "mail_body_encoder.hpp"

namespace atsharp {
namespace {

using catalogue::Result;

constexpr std::size_t kBodyPiece = 4096;

[[noreturn]] void throwAnswer(const Exchange& exchange, const FinalResult& final,
                              std::string_view expected) {
  if (final.cmeError) throw ModuleError(exchange.label(), *final.cmeError);
  if (!final.succeeded()) throw ModuleError(exchange.label(), *final.result);
  throw ProtocolError(exchange.label() + ": answered " + final.text() + " where " +
                          std::string(expected) + " was due",
                      toBytes(final.text()));
}

// Reads the answer up to @p expected; anything else that ends the command throws.
void awaitResult(Exchange& exchange, Result expected) {
  for (;;) {
    const std::optional<FinalResult> final = plainFinal(exchange.next());
    if (!final) continue;
    if (final->result == expected) return;
    throwAnswer(exchange, *final, catalogue::spec(expected).verbose);
  }
}

// Sends the body from @p source as it reads it, ended by CR LF . CR LF. Stops at once when the
// module answers before the end (a failure, left on the line for the caller to read), and
// without the end when the source throws (kept in @p sourceFailure): an unfinished body sends
// no mail.
void sendBody(Exchange& exchange, const ByteSource& source, Milliseconds silence,
              detail::CallbackGuard& sourceFailure) {
  detail::MailBodyEncoder encoder;
  std::array<Byte, kBodyPiece> text{};
  Bytes coded;
  for (;;) {
    std::size_t size = 0;
    sourceFailure.call([&] {
      size = source(text);
      if (size > text.size()) {
        throw UsageError("AT#PUTMAIL: the body's source gave more bytes than its buffer holds");
      }
    });
    if (sourceFailure.failed()) return;
    coded.clear();
    if (size == 0) {
      encoder.finish(coded);
    } else {
      encoder.encode(ByteView(text).first(size), coded);
    }
    exchange.line().write(coded, silence, exchange.label());
    exchange.extend(silence);
    if (size == 0) return;
    if (std::optional<detail::LineEvent> early = exchange.next(Clock::now())) {
      exchange.line().pushFront(std::move(*early));
      return;
    }
  }
}

}  // namespace

void Module::sendMail(MailCombination combination, std::optional<Milliseconds> timeout) {
  command("AT#SENDMAIL" + std::to_string(combination.value()),
          timeout.value_or(detail::kServerSilence));
}

void Module::putMail(const ByteSource& source, std::optional<Milliseconds> silence) {
  const Milliseconds wait = silence.value_or(detail::kServerSilence);
  detail::CallbackGuard sourceFailure;
  bool bodyBegun = false;
  try {
    // The module's answer goes on in lines after Ok_Info_WaitingForData: only the host sends
    // data (3.4.2).
    const std::function<void(ResponseParser&)> linesGoOn = [](ResponseParser& parser) {
      parser.setAfterSwitch(AfterSwitch::Lines);
    };
    Exchange exchange(*this, "AT#PUTMAIL", wait, linesGoOn);
    awaitResult(exchange, Result::WaitingForData);
    bodyBegun = true;
    sendBody(exchange, source, wait, sourceFailure);
    // A body its source cut short is ended by the module, after its 50 s of inactivity.
    if (sourceFailure.failed()) exchange.extend(detail::kPutMailInactivity + wait);
    awaitResult(exchange, Result::Ok);
  } catch (const ModuleError&) {
    if (bodyBegun) detail::recoverCommandMode(*this);
    sourceFailure.rethrow();
    throw;
  }
  sourceFailure.rethrow();
}

void Module::putMail(std::string_view body, std::optional<Milliseconds> silence) {
  putMail(
      [&body](std::span<Byte> buffer) {
        const std::size_t size = std::min(buffer.size(), body.size());
        std::copy_n(body.begin(), size, buffer.begin());
        body.remove_prefix(size);
        return size;
      },
      silence);
}

void Module::putMail(std::istream& body, std::optional<Milliseconds> silence) {
  putMail(
      [&body](std::span<Byte> buffer) {
        body.read(reinterpret_cast<char*>(buffer.data()),
                  static_cast<std::streamsize>(buffer.size()));
        if (body.bad()) throw Error("AT#PUTMAIL: reading the body from its stream failed");
        return static_cast<std::size_t>(body.gcount());
      },
      silence);
}

}  // namespace atsharp
