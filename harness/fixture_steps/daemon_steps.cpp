// The real daemons' steps (daemons.*), named for the daemon: vsftpd_put_file and
// vsftpd_expect_file (a file in the FTP user's directory), dovecot_add_message and
// dovecot_expect_mailbox (the POP3 mailbox), smtpd_expect_mail (the next mail the SMTP daemon
// stored). Their forms are those of the scripted fixtures' steps, read by the same code.

#include <filesystem>

#include "atsharp/error.hpp"
#include "atsharp/fixtures/daemons/temp_dir.hpp"
#include "fixture_steps/daemon_services.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_step.hpp"
#include "fixture_steps/mail_expectation.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

TemplateText pathOf(const Json& value, const std::string& kind) {
  if (!value.is_object() || !value.contains("path")) {
    throw UsageError(kind + " needs a path: {path: /dir/file.bin, ...}");
  }
  return textOf(value["path"], "path");
}

// The file at @p path as the FTP user sees it ("/" is the user's directory): a path that
// climbs out of it is a suite's mistake.
fs::path underRoot(const fs::path& root, const std::string& path) {
  const fs::path relative = fs::path(path).relative_path().lexically_normal();
  if (relative.empty() || *relative.begin() == "..") {
    throw UsageError("the path " + path + " is not a file under the FTP user's directory");
  }
  return root / relative;
}

class VsftpdPutFileStep final : public Step {
 public:
  VsftpdPutFileStep(StepCommon common, TemplateText path, PayloadSpec content)
      : Step(std::move(common)), path_(std::move(path)), content_(std::move(content)) {}

  std::string_view kind() const noexcept override { return "vsftpd_put_file"; }
  std::string summary() const override {
    return "vsftpd_put_file " + path_.source() + ": " + content_.describe();
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("daemons.ftp");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : path_.names()) reads.insert(name);
    for (const auto& name : content_.text.names()) reads.insert(name);
  }

  void run(StepContext& context) const override {
    auto& server = serviceOf<VsftpdService>(context, "daemons.ftp").server();
    const std::string path = path_.render(context.vars());
    const fs::path file = underRoot(server.root(), path);
    const Bytes content = payloadBytes(content_, context.vars());
    fs::create_directories(file.parent_path());
    fixtures::writeFile(file, asString(content));
    recordFixture(context, "vsftpd: put " + path + " (" + std::to_string(content.size()) + " bytes)");
  }

 private:
  TemplateText path_;
  PayloadSpec content_;
};

class VsftpdExpectFileStep final : public Step {
 public:
  VsftpdExpectFileStep(StepCommon common, TemplateText path, ExpectedBytes content)
      : Step(std::move(common)), path_(std::move(path)), content_(std::move(content)) {}

  std::string_view kind() const noexcept override { return "vsftpd_expect_file"; }
  std::string summary() const override {
    return "vsftpd_expect_file " + path_.source() + ": " + content_.payload.describe();
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("daemons.ftp");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : path_.names()) reads.insert(name);
    content_.addReads(reads);
  }

  // vsftpd tells nobody when a STOR ended: the step waits for the file to reach its size (an
  // upload still being written is shorter), then compares it.
  void run(StepContext& context) const override {
    auto& server = serviceOf<VsftpdService>(context, "daemons.ftp").server();
    const std::string path = path_.render(context.vars());
    const fs::path file = underRoot(server.root(), path);
    const std::size_t size = content_.size(context.vars());
    waitUntil(context.deadline(), [&] {
      std::error_code error;
      const auto now = fs::file_size(file, error);
      return !error && now >= size;
    });
    if (!fs::exists(file)) {
      context.record.expected.push_back({"the file " + path, false});
      failStep(context, FailureClass::Mismatch, "vsftpd holds no file " + path);
    }
    const std::string stored = fixtures::readFile(file);
    recordFixture(context, "vsftpd: " + path + " holds " + std::to_string(stored.size()) + " bytes");
    compareBytes(context, content_, toBytes(stored), "the file " + path);
  }

 private:
  TemplateText path_;
  ExpectedBytes content_;
};

class DovecotAddMessageStep final : public Step {
 public:
  DovecotAddMessageStep(StepCommon common, PayloadSpec message)
      : Step(std::move(common)), message_(std::move(message)) {}

  std::string_view kind() const noexcept override { return "dovecot_add_message"; }
  std::string summary() const override { return "dovecot_add_message " + message_.describe(); }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("daemons.pop3");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : message_.text.names()) reads.insert(name);
  }

  void run(StepContext& context) const override {
    auto& server = serviceOf<DovecotService>(context, "daemons.pop3").server();
    const Bytes message = payloadBytes(message_, context.vars());
    server.seed({asString(message)});
    recordFixture(context, "dovecot: message added (" + std::to_string(message.size()) +
                               " bytes), the mailbox holds " + std::to_string(server.stored()));
  }

 private:
  PayloadSpec message_;
};

class DovecotExpectMailboxStep final : public Step {
 public:
  DovecotExpectMailboxStep(StepCommon common, std::size_t stored)
      : Step(std::move(common)), stored_(stored) {}

  std::string_view kind() const noexcept override { return "dovecot_expect_mailbox"; }
  std::string summary() const override { return "dovecot_expect_mailbox " + wanted(); }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("daemons.pop3");
  }

  // dovecot expunges at the end of the session, which may come just after the module's OK:
  // the step gives it until its timeout to reach the count, then tells what it holds.
  void run(StepContext& context) const override {
    auto& server = serviceOf<DovecotService>(context, "daemons.pop3").server();
    context.record.expected.push_back({wanted(), false});
    waitUntil(context.deadline(), [&] { return server.stored() == stored_; });
    const std::string found = "stored " + std::to_string(server.stored());
    recordFixture(context, "dovecot: mailbox " + found);
    if (server.stored() != stored_) {
      failStep(context, FailureClass::Mismatch,
               "the mailbox holds " + found + ", not " + wanted(), {found});
    }
  }

 private:
  std::string wanted() const { return "stored " + std::to_string(stored_); }
  std::size_t stored_;
};

// One stored file of the SMTP daemon as a mail: its leading X-Envelope-From, X-Envelope-To,
// X-Helo, X-Peer and X-Auth-User lines are the envelope, the rest is the message as it came.
fixtures::SmtpMail storedMail(const std::string& stored) {
  fixtures::SmtpMail mail;
  std::size_t at = 0;
  const auto envelope = [&](const std::string& name) -> std::optional<std::string> {
    const std::string prefix = name + ": ";
    if (stored.compare(at, prefix.size(), prefix) != 0) return std::nullopt;
    const std::size_t end = stored.find("\r\n", at);
    if (end == std::string::npos) return std::nullopt;
    std::string value = stored.substr(at + prefix.size(), end - at - prefix.size());
    at = end + 2;
    return value;
  };
  if (auto from = envelope("X-Envelope-From")) mail.sender = *from;
  while (auto to = envelope("X-Envelope-To")) mail.recipients.push_back(*to);
  if (auto helo = envelope("X-Helo")) mail.helo = *helo;
  envelope("X-Peer");
  mail.authUser = envelope("X-Auth-User");
  mail.content = stored.substr(at);
  // The header up to its empty line, continuation lines unfolded (RFC 5322 2.2.3).
  std::size_t line = 0;
  while (line < mail.content.size()) {
    const std::size_t end = std::min(mail.content.find("\r\n", line), mail.content.size());
    const std::string text = mail.content.substr(line, end - line);
    line = std::min(end + 2, mail.content.size());
    if (text.empty()) break;
    if ((text[0] == ' ' || text[0] == '\t') && !mail.header.empty()) {
      mail.header.back().value += text;
      continue;
    }
    const std::size_t colon = text.find(':');
    std::string value = colon == std::string::npos ? "" : text.substr(colon + 1);
    const std::size_t blanks = value.find_first_not_of(" \t");
    value.erase(0, blanks == std::string::npos ? value.size() : blanks);
    mail.header.push_back({text.substr(0, colon), value});
  }
  mail.body = mail.content.substr(line);
  return mail;
}

class SmtpdExpectMailStep final : public Step {
 public:
  SmtpdExpectMailStep(StepCommon common, MailExpectation mail)
      : Step(std::move(common)), mail_(std::move(mail)) {}

  std::string_view kind() const noexcept override { return "smtpd_expect_mail"; }
  std::string summary() const override {
    return "smtpd_expect_mail" + (mail_.sender ? " from " + mail_.sender->source() : "");
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("daemons.smtp");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    mail_.addReads(reads);
  }

  // Takes the next mail the daemon stored (the first for the case's first such step).
  void run(StepContext& context) const override {
    SmtpdService& service = serviceOf<SmtpdService>(context, "daemons.smtp");
    const std::size_t index = service.mailsChecked;
    std::vector<std::string> stored;
    const bool came = waitUntil(context.deadline(), [&] {
      stored = service.server().messages();
      return stored.size() > index;
    });
    if (!came) {
      context.record.expected.push_back({"mail " + std::to_string(index + 1), false});
      failStep(context, FailureClass::Timeout,
               "the SMTP daemon stored no mail " + std::to_string(index + 1) + " within " +
                   timeoutText(context));
    }
    ++service.mailsChecked;
    const fixtures::SmtpMail mail = storedMail(stored[index]);
    recordFixture(context, "smtpd: mail " + std::to_string(index + 1) + " from <" + mail.sender +
                               "> to <" + joined(mail.recipients) + ">, " +
                               std::to_string(mail.content.size()) + " bytes");
    mail_.check(context, mail);
  }

 private:
  MailExpectation mail_;
};

StepPtr parsePutFile(const Json& value, const Json&, StepCommon common,
                     const StepParseContext& context) {
  TemplateText path = pathOf(value, "vsftpd_put_file");
  return std::make_shared<VsftpdPutFileStep>(std::move(common), std::move(path),
                                             parsePayload(value, context.folder, false));
}

StepPtr parseExpectFile(const Json& value, const Json&, StepCommon common,
                        const StepParseContext& context) {
  TemplateText path = pathOf(value, "vsftpd_expect_file");
  return std::make_shared<VsftpdExpectFileStep>(std::move(common), std::move(path),
                                                ExpectedBytes::parse(value, context.folder));
}

StepPtr parseAddMessage(const Json& value, const Json&, StepCommon common,
                        const StepParseContext& context) {
  PayloadSpec message = parsePayload(value, context.folder, false);
  if (message.source == PayloadSpec::Source::Empty) {
    throw UsageError("dovecot_add_message needs the message: text, hex, file, generate or counting");
  }
  return std::make_shared<DovecotAddMessageStep>(std::move(common), std::move(message));
}

StepPtr parseExpectMailbox(const Json& value, const Json&, StepCommon common,
                           const StepParseContext&) {
  if (!value.is_object() || !value.contains("stored") || !value["stored"].is_number_integer() ||
      value["stored"].get<std::int64_t>() < 0) {
    throw UsageError("dovecot_expect_mailbox is {stored: N}, a number of messages");
  }
  return std::make_shared<DovecotExpectMailboxStep>(std::move(common),
                                                    value["stored"].get<std::size_t>());
}

StepPtr parseExpectMail(const Json& value, const Json&, StepCommon common,
                        const StepParseContext& context) {
  return std::make_shared<SmtpdExpectMailStep>(
      std::move(common), MailExpectation::parse(value, context.folder, "smtpd_expect_mail"));
}

}  // namespace

void addDaemonSteps(StepRegistry& registry) {
  registry.add("vsftpd_put_file", parsePutFile);
  registry.add("vsftpd_expect_file", parseExpectFile);
  registry.add("dovecot_add_message", parseAddMessage);
  registry.add("dovecot_expect_mailbox", parseExpectMailbox);
  registry.add("smtpd_expect_mail", parseExpectMail);
}

}  // namespace atsharp::harness::fixture_steps
