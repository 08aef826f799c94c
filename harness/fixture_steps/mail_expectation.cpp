#include "fixture_steps/mail_expectation.hpp"

#include "atsharp/error.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {

using Json = nlohmann::json;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

MailExpectation MailExpectation::parse(const Json& value, const std::filesystem::path& folder,
                                       const std::string& kind) {
  if (!value.is_object()) throw UsageError(kind + " is a mapping: {from, to, header, body}");
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
  if (value.contains("body")) mail.body = ExpectedBytes::parse(value["body"], folder);
  if (value.contains("auth_user")) mail.authUser = textOf(value["auth_user"], "auth_user");
  return mail;
}

void MailExpectation::addReads(std::set<std::string>& reads) const {
  const auto add = [&](const TemplateText& text) {
    for (const auto& name : text.names()) reads.insert(name);
  };
  if (sender) add(*sender);
  if (recipients) {
    for (const TemplateText& recipient : *recipients) add(recipient);
  }
  for (const auto& [name, pattern] : header) add(pattern.text());
  if (body) body->addReads(reads);
  if (authUser) add(*authUser);
}

void MailExpectation::check(StepContext& context, const fixtures::SmtpMail& mail) const {
  checkEnvelope(context, mail);
  checkHeader(context, mail);
  if (body) compareBytes(context, *body, toBytes(mail.body), "the mail's body");
}

void MailExpectation::checkEnvelope(StepContext& context, const fixtures::SmtpMail& mail) const {
  const Vars& vars = context.vars();
  if (sender) {
    const std::string wanted = sender->render(vars);
    if (mail.sender != wanted) {
      context.record.expected.push_back({"MAIL FROM:<" + wanted + ">", true});
      failStep(context, FailureClass::Mismatch,
               "the mail's sender is <" + mail.sender + ">, not <" + wanted + ">",
               {"MAIL FROM:<" + mail.sender + ">"});
    }
  }
  if (recipients) {
    std::vector<std::string> wanted;
    for (const TemplateText& recipient : *recipients) wanted.push_back(recipient.render(vars));
    if (mail.recipients != wanted) {
      for (const std::string& one : wanted) context.record.expected.push_back({"RCPT TO:<" + one + ">", true});
      std::vector<std::string> got;
      for (const std::string& one : mail.recipients) got.push_back("RCPT TO:<" + one + ">");
      failStep(context, FailureClass::Mismatch,
               "the mail's recipients are <" + joined(mail.recipients) + ">, not <" +
                   joined(wanted) + ">",
               got);
    }
  }
  if (authUser) {
    const std::string user = authUser->render(vars);
    if (mail.authUser != user) {
      context.record.expected.push_back({"AUTH as " + user, true});
      failStep(context, FailureClass::Mismatch,
               "the mail came " + (mail.authUser ? "from the login " + *mail.authUser
                                                 : std::string("without a login")) +
                   ", not from the login " + user);
    }
  }
}

void MailExpectation::checkHeader(StepContext& context, const fixtures::SmtpMail& mail) const {
  for (const auto& [name, pattern] : header) {
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

}  // namespace atsharp::harness::fixture_steps
