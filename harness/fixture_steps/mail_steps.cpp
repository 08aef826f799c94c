// The mail fixtures: smtp_expect_mail (the next mail the SMTP fixture accepted: its envelope,
// header fields and body), pop3_add_message (a message in the POP3 mailbox for AT#GETMAIL) and
// pop3_expect_mailbox (what the mailbox holds once the module's sessions ended).

#include "atsharp/error.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_services.hpp"
#include "fixture_steps/fixture_step.hpp"
#include "fixture_steps/mail_expectation.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;

class ExpectMailStep final : public Step {
 public:
  ExpectMailStep(StepCommon common, MailExpectation mail)
      : Step(std::move(common)), mail_(std::move(mail)) {}

  std::string_view kind() const noexcept override { return "smtp_expect_mail"; }
  std::string summary() const override {
    return "smtp_expect_mail" + (mail_.sender ? " from " + mail_.sender->source() : "");
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.smtp");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    mail_.addReads(reads);
  }

  // Takes the next mail the fixture accepted (the first for the case's first such step).
  void run(StepContext& context) const override {
    SmtpService& service = serviceOf<SmtpService>(context, "fixtures.smtp");
    const std::size_t index = service.mailsChecked;
    std::vector<fixtures::SmtpMail> mails;
    const bool came = waitUntil(context.deadline(), [&] {
      mails = service.server().mails();
      return mails.size() > index;
    });
    if (!came) {
      context.record.expected.push_back({"mail " + std::to_string(index + 1), false});
      failStep(context, FailureClass::Timeout,
               "the SMTP fixture accepted no mail " + std::to_string(index + 1) + " within " +
                   timeoutText(context));
    }
    ++service.mailsChecked;
    const fixtures::SmtpMail& mail = mails[index];
    recordFixture(context, "smtp: mail " + std::to_string(index + 1) + " from <" + mail.sender +
                               "> to <" + joined(mail.recipients) + ">, " +
                               std::to_string(mail.content.size()) + " bytes");
    mail_.check(context, mail);
  }

 private:
  MailExpectation mail_;
};

class AddMessageStep final : public Step {
 public:
  AddMessageStep(StepCommon common, PayloadSpec message)
      : Step(std::move(common)), message_(std::move(message)) {}

  std::string_view kind() const noexcept override { return "pop3_add_message"; }
  std::string summary() const override { return "pop3_add_message " + message_.describe(); }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.pop3");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : message_.text.names()) reads.insert(name);
  }

  void run(StepContext& context) const override {
    auto& server = serviceOf<Pop3Service>(context, "fixtures.pop3").server();
    const Bytes message = payloadBytes(message_, context.vars());
    const fixtures::MessageId id = server.addMessage(asString(message));
    recordFixture(context, "pop3: message " + std::to_string(id) + " added (" +
                               std::to_string(message.size()) + " bytes)");
  }

 private:
  PayloadSpec message_;
};

class ExpectMailboxStep final : public Step {
 public:
  ExpectMailboxStep(StepCommon common, std::optional<std::size_t> stored,
                    std::optional<std::size_t> deleted)
      : Step(std::move(common)), stored_(stored), deleted_(deleted) {}

  std::string_view kind() const noexcept override { return "pop3_expect_mailbox"; }
  std::string summary() const override { return "pop3_expect_mailbox " + wanted(); }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.pop3");
  }

  // Deletions happen at QUIT: the mailbox is read once every session the module opened ended.
  void run(StepContext& context) const override {
    auto& server = serviceOf<Pop3Service>(context, "fixtures.pop3").server();
    context.record.expected.push_back({wanted(), false});
    const bool over = waitUntil(context.deadline(), [&] {
      const std::size_t sessions = server.sessions();
      return sessions > 0 && server.sessionsEnded() >= sessions;
    });
    if (!over) {
      failStep(context, FailureClass::Timeout,
               server.sessions() == 0
                   ? "the module opened no POP3 session within " + timeoutText(context)
                   : "the module's POP3 session did not end within " + timeoutText(context));
    }
    const std::size_t stored = server.stored().size();
    const std::size_t deleted = server.deleted().size();
    const std::string found =
        "stored " + std::to_string(stored) + ", deleted " + std::to_string(deleted);
    recordFixture(context, "pop3: mailbox " + found);
    if ((stored_ && *stored_ != stored) || (deleted_ && *deleted_ != deleted)) {
      failStep(context, FailureClass::Mismatch, "the mailbox holds " + found + ", not " + wanted(),
               {found});
    }
  }

 private:
  std::string wanted() const {
    std::string out;
    if (stored_) out += "stored " + std::to_string(*stored_);
    if (deleted_) out += (out.empty() ? "" : ", ") + std::string("deleted ") + std::to_string(*deleted_);
    return out;
  }

  std::optional<std::size_t> stored_;
  std::optional<std::size_t> deleted_;
};

std::optional<std::size_t> countOf(const Json& value, const char* key) {
  if (!value.contains(key)) return std::nullopt;
  if (!value[key].is_number_integer() || value[key].get<std::int64_t>() < 0) {
    throw UsageError(std::string(key) + " is a number of messages");
  }
  return value[key].get<std::size_t>();
}

StepPtr parseExpectMail(const Json& value, const Json&, StepCommon common,
                        const StepParseContext& context) {
  MailExpectation mail = MailExpectation::parse(value, context.folder, "smtp_expect_mail");
  return std::make_shared<ExpectMailStep>(std::move(common), std::move(mail));
}

StepPtr parseAddMessage(const Json& value, const Json&, StepCommon common,
                        const StepParseContext& context) {
  PayloadSpec message = parsePayload(value, context.folder, false);
  if (message.source == PayloadSpec::Source::Empty) {
    throw UsageError("pop3_add_message needs the message: text, hex, file, generate or counting");
  }
  return std::make_shared<AddMessageStep>(std::move(common), std::move(message));
}

StepPtr parseExpectMailbox(const Json& value, const Json&, StepCommon common,
                           const StepParseContext&) {
  if (!value.is_object()) throw UsageError("pop3_expect_mailbox is {stored: N, deleted: N}");
  auto stored = countOf(value, "stored");
  auto deleted = countOf(value, "deleted");
  if (!stored && !deleted) throw UsageError("pop3_expect_mailbox needs stored, deleted or both");
  return std::make_shared<ExpectMailboxStep>(std::move(common), stored, deleted);
}

}  // namespace

void addMailSteps(StepRegistry& registry) {
  registry.add("smtp_expect_mail", parseExpectMail);
  registry.add("pop3_add_message", parseAddMessage);
  registry.add("pop3_expect_mailbox", parseExpectMailbox);
}

}  // namespace atsharp::harness::fixture_steps
