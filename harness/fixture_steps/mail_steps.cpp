// The mail fixtures: smtp_expect_mail (the next mail the SMTP fixture accepted: its envelope,
// header fields and body), pop3_add_message (a message in the POP3 mailbox for AT#GETMAIL) and
// pop3_expect_mailbox (what the mailbox holds once the module's sessions ended).

#include "atsharp/error.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_services.hpp"
#include "fixture_steps/fixture_step.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// What a mail must be; every part is optional.
struct MailExpectation {
  std::optional<TemplateText> sender;
  std::optional<std::vector<TemplateText>> recipients;
  std::vector<std::pair<std::string, LinePattern>> header;
  std::optional<ExpectedBytes> body;
  std::optional<TemplateText> authUser;
};

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
    const auto add = [&](const TemplateText& text) {
      for (const auto& name : text.names()) reads.insert(name);
    };
    if (mail_.sender) add(*mail_.sender);
    if (mail_.recipients) {
      for (const TemplateText& recipient : *mail_.recipients) add(recipient);
    }
    for (const auto& [name, pattern] : mail_.header) add(pattern.text());
    if (mail_.body) mail_.body->addReads(reads);
    if (mail_.authUser) add(*mail_.authUser);
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
    checkEnvelope(context, mail);
    checkHeader(context, mail);
    if (mail_.body) compareBytes(context, *mail_.body, toBytes(mail.body), "the mail's body");
  }

 private:
  void checkEnvelope(StepContext& context, const fixtures::SmtpMail& mail) const {
    const Vars& vars = context.vars();
    if (mail_.sender) {
      const std::string sender = mail_.sender->render(vars);
      if (mail.sender != sender) {
        context.record.expected.push_back({"MAIL FROM:<" + sender + ">", true});
        failStep(context, FailureClass::Mismatch,
                 "the mail's sender is <" + mail.sender + ">, not <" + sender + ">",
                 {"MAIL FROM:<" + mail.sender + ">"});
      }
    }
    if (mail_.recipients) {
      std::vector<std::string> recipients;
      for (const TemplateText& recipient : *mail_.recipients) recipients.push_back(recipient.render(vars));
      if (mail.recipients != recipients) {
        for (const std::string& one : recipients) context.record.expected.push_back({"RCPT TO:<" + one + ">", true});
        std::vector<std::string> got;
        for (const std::string& one : mail.recipients) got.push_back("RCPT TO:<" + one + ">");
        failStep(context, FailureClass::Mismatch,
                 "the mail's recipients are <" + joined(mail.recipients) + ">, not <" +
                     joined(recipients) + ">",
                 got);
      }
    }
    if (mail_.authUser) {
      const std::string user = mail_.authUser->render(vars);
      if (mail.authUser != user) {
        context.record.expected.push_back({"AUTH as " + user, true});
        failStep(context, FailureClass::Mismatch,
                 "the mail came " + (mail.authUser ? "from the login " + *mail.authUser
                                                   : std::string("without a login")) +
                     ", not from the login " + user);
      }
    }
  }

  void checkHeader(StepContext& context, const fixtures::SmtpMail& mail) const {
    for (const auto& [name, pattern] : mail_.header) {
      const ResolvedPattern resolved = pattern.resolve(context.vars());
      const std::optional<std::string> value = mail.field(name);
      if (value && resolved.matches(*value, false)) continue;
      context.record.expected.push_back({name + ": " + resolved.describe(false), !resolved.isRegex()});
      std::vector<std::string> got;
      for (const fixtures::MailHeaderField& field : mail.header) got.push_back(field.name + ": " + field.value);
      failStep(context, FailureClass::Mismatch,
               value ? "the mail's " + name + " is " + quotedLine(*value) + ", not " +
                           resolved.describe(false)
                     : "the mail has no " + name + " field",
               got);
    }
  }

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
  if (!value.is_object()) throw UsageError("smtp_expect_mail is a mapping: {from, to, header, body}");
  MailExpectation mail;
  if (value.contains("from")) mail.sender = textOf(value["from"], "from");
  if (value.contains("to")) {
    std::vector<TemplateText> recipients;
    const Json& to = value["to"];
    for (const Json& one : to.is_array() ? to : Json::array({to})) {
      recipients.push_back(textOf(one, "to"));
    }
    mail.recipients = std::move(recipients);
  }
  if (value.contains("header")) {
    for (const auto& [name, pattern] : value["header"].items()) {
      mail.header.emplace_back(name, LinePattern::parse(pattern));
    }
  }
  if (value.contains("body")) mail.body = ExpectedBytes::parse(value["body"], context.folder);
  if (value.contains("auth_user")) mail.authUser = textOf(value["auth_user"], "auth_user");
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
