// The real daemons as fixtures (daemons.*) against the reference module: a case that sends a
// mail to the SMTP daemon passes, one that expects another mail fails as a mismatch at the
// daemon's step, and the daemon's password never reaches a report. dovecot's mailbox count is
// checked the same way. Both daemons run without root.

#include <doctest/doctest.h>

#include "reference_options.hpp"
#include "report/json_report.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

constexpr const char* kSmtpdSuite = R"(
spec: "3"
requires: [daemons.smtp]
import: [gprs.yaml]
blocks:
  send:
    - call: connect-gprs
    - send: AT#SMTPSERV="{{smtpd.host}}"
    - expect_final: OK
    - send: AT#SMTPPORT={{smtpd.port}}
    - expect_final: OK
    - send: AT#SMTPUN="{{smtpd.user}}"
    - expect_final: OK
    - send: AT#SMTPPW="{{smtpd.password}}"
    - expect_final: OK
    - send: AT#SENDERADDR="module@module.test"
    - expect_final: OK
    - send: AT#REC1="to@x.test"
    - expect_final: OK
    - send: AT#SUBJ1="Daemon subject"
    - expect_final: OK
    - send: AT#BODY1="Daemon body"
    - expect_final: OK
    - send: AT#SENDMAIL1
    - expect_final: OK
cases:
  - id: mail-as-sent
    steps:
      - call: send
      - smtpd_expect_mail:
          from: module@module.test
          to: [to@x.test]
          auth_user: "{{smtpd.user}}"
          header: {Subject: Daemon subject}
          body: "Daemon body\r\n"
  - id: other-subject-expected
    steps:
      - call: send
      - smtpd_expect_mail: {from: module@module.test, header: {Subject: Another subject}}
  - id: other-body-expected
    steps:
      - call: send
      - smtpd_expect_mail: {body: "Another body\r\n"}
)";

constexpr const char* kGprs = R"(
blocks:
  connect-gprs:
    - send: AT+CGREG=1
    - expect_final: OK
    - expect: "+CGREG: 0"
    - send: AT+CGATT=1
    - expect_all: [OK, "+CGREG: 2", "+CGREG: 1"]
    - send: AT#CONNECTIONSTART
    - expect: "{{module_ip}}"
    - expect_final: Ok_Info_GprsActivation
)";

TEST_CASE("smtpd_expect_mail passes the mail AT#SENDMAIL1 gave the SMTP daemon and fails another as a mismatch") {
  TempFolder folder;
  folder.write("gprs.yaml", kGprs);
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(1000)));
  const RunResult result = runSuiteText(kSmtpdSuite, target, folder);
  CHECK(caseNamed(result, "mail-as-sent").status == CaseStatus::Passed);
  const CaseResult& subject = caseNamed(result, "other-subject-expected");
  REQUIRE(subject.failure);
  CHECK(subject.failure->failure == FailureClass::Mismatch);
  CHECK(failingStep(subject).kind == "smtpd_expect_mail");
  CHECK(failingStep(subject).message ==
        "the mail's Subject is \"Daemon subject\", not Another subject");
  const CaseResult& body = caseNamed(result, "other-body-expected");
  REQUIRE(body.failure);
  CHECK(body.failure->failure == FailureClass::Mismatch);
  CHECK(failingStep(body).kind == "smtpd_expect_mail");
  CHECK(result.exitCode() == 1);
  // What the daemon stored is in the transcript; its password is in no report.
  bool seen = false;
  for (const TranscriptEntry& entry : subject.transcript) {
    seen = seen || (entry.kind == EntryKind::Fixture &&
                    entry.text.find("smtpd: mail 1 from <module@module.test>") != std::string::npos);
  }
  CHECK(seen);
  const std::string json = reportJson(result).dump();
  CHECK(json.find("smtp pass word") == std::string::npos);
  CHECK(json.find("smtpuser") != std::string::npos);
}

TEST_CASE("dovecot_expect_mailbox counts what dovecot_add_message put in dovecot's mailbox") {
  TempFolder folder;
  // A short margin: a count that is not reached fails at the end of the step's timeout.
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(300)));
  const RunResult result = runSuiteText(R"(
spec: "3"
cases:
  - id: one-stored
    steps:
      - dovecot_add_message: "From: a@x.test\nSubject: Hi\n\nBody\n"
      - dovecot_expect_mailbox: {stored: 1}
  - id: two-expected
    steps:
      - dovecot_add_message: "From: a@x.test\nSubject: Hi\n\nBody\n"
      - dovecot_expect_mailbox: {stored: 2}
)", target, folder);
  CHECK(caseNamed(result, "one-stored").status == CaseStatus::Passed);
  const CaseResult& two = caseNamed(result, "two-expected");
  REQUIRE(two.failure);
  CHECK(two.failure->failure == FailureClass::Mismatch);
  CHECK(failingStep(two).message == "the mailbox holds stored 1, not stored 2");
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
