#pragma once
// What a mail an SMTP server accepted must be: its envelope (sender, recipients, the login it
// came from), header fields and body. smtp_expect_mail checks the SMTP fixture's mails with it
// and smtpd_expect_mail the SMTP daemon's, so the two steps read and compare alike.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "atsharp/fixtures/smtp_fixture.hpp"
#include "fixture_steps/fixture_step.hpp"

namespace atsharp::harness::fixture_steps {

/// Every part is optional: what a suite leaves out is not checked.
struct MailExpectation {
  std::optional<TemplateText> sender;
  std::optional<std::vector<TemplateText>> recipients;
  std::vector<std::pair<std::string, LinePattern>> header;
  std::optional<ExpectedBytes> body;
  std::optional<TemplateText> authUser;

  /// Reads {from, to, header, body, auth_user} of @p kind's step. Throws UsageError.
  static MailExpectation parse(const nlohmann::json& value, const std::filesystem::path& folder,
                               const std::string& kind);
  void addReads(std::set<std::string>& reads) const;
  /// Compares @p mail with it: throws StepFailure (mismatch) at the first part that differs.
  void check(StepContext& context, const fixtures::SmtpMail& mail) const;

 private:
  void checkEnvelope(StepContext& context, const fixtures::SmtpMail& mail) const;
  void checkHeader(StepContext& context, const fixtures::SmtpMail& mail) const;
};

/// "a, b, c".
std::string joined(const std::vector<std::string>& items);

}  // namespace atsharp::harness::fixture_steps
