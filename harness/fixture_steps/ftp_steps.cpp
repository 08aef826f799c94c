// The FTP fixture's files: ftp_put_file (a file for AT#FTPGET to fetch) and ftp_expect_file
// (the file an AT#FTPPUT stored, byte for byte or by size and SHA-256).

#include "atsharp/error.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_services.hpp"
#include "fixture_steps/fixture_step.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;

// The fixture's paths are absolute: "a.txt" is "/a.txt", as FtpFixture::putFile takes it.
std::string absolutePath(const std::string& path) {
  return path.empty() || path.front() != '/' ? "/" + path : path;
}

TemplateText pathOf(const Json& value, const char* kind) {
  if (!value.is_object() || !value.contains("path")) {
    throw UsageError(std::string(kind) + " needs a path: {path: /dir/file.bin, ...}");
  }
  return textOf(value["path"], "path");
}

class PutFileStep final : public Step {
 public:
  PutFileStep(StepCommon common, TemplateText path, PayloadSpec content)
      : Step(std::move(common)), path_(std::move(path)), content_(std::move(content)) {}

  std::string_view kind() const noexcept override { return "ftp_put_file"; }
  std::string summary() const override {
    return "ftp_put_file " + path_.source() + ": " + content_.describe();
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.ftp");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : path_.names()) reads.insert(name);
    for (const auto& name : content_.text.names()) reads.insert(name);
  }

  void run(StepContext& context) const override {
    auto& server = serviceOf<FtpService>(context, "fixtures.ftp").server();
    const std::string path = absolutePath(path_.render(context.vars()));
    const Bytes content = payloadBytes(content_, context.vars());
    server.putFile(path, content);
    recordFixture(context, "ftp: put " + path + " (" + std::to_string(content.size()) + " bytes)");
  }

 private:
  TemplateText path_;
  PayloadSpec content_;
};

class ExpectFileStep final : public Step {
 public:
  ExpectFileStep(StepCommon common, TemplateText path, ExpectedBytes content,
                 std::optional<char> type)
      : Step(std::move(common)), path_(std::move(path)), content_(std::move(content)),
        type_(type) {}

  std::string_view kind() const noexcept override { return "ftp_expect_file"; }
  std::string summary() const override {
    return "ftp_expect_file " + path_.source() + ": " + content_.payload.describe();
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.ftp");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : path_.names()) reads.insert(name);
    content_.addReads(reads);
  }

  // The file is there once the STOR that stores it has ended: the step waits for that.
  void run(StepContext& context) const override {
    auto& server = serviceOf<FtpService>(context, "fixtures.ftp").server();
    const std::string path = absolutePath(path_.render(context.vars()));
    std::optional<fixtures::FtpTransfer> stored;
    waitUntil(context.deadline(), [&] {
      for (const fixtures::FtpTransfer& transfer : server.transfers()) {
        if (transfer.command == "STOR" && transfer.path == path) stored = transfer;
      }
      return stored.has_value();
    });
    const std::optional<Bytes> file = server.file(path);
    if (!stored) {
      context.record.expected.push_back({"a STOR of " + path, false});
      failStep(context, FailureClass::Timeout,
               "no upload of " + path + " ended within " + timeoutText(context));
    }
    recordFixture(context, "ftp: " + path + " stored: " + std::to_string(stored->bytes) +
                               " bytes, TYPE " + std::string(1, stored->type) +
                               (stored->complete ? "" : ", not complete"));
    if (!stored->complete) {
      context.record.expected.push_back({"a complete STOR of " + path, false});
      failStep(context, FailureClass::Mismatch,
               "the upload of " + path + " did not complete (" + std::to_string(stored->bytes) +
                   " bytes came)");
    }
    if (type_ && stored->type != *type_) {
      context.record.expected.push_back({"TYPE " + std::string(1, *type_), false});
      failStep(context, FailureClass::Mismatch,
               path + " was stored in TYPE " + std::string(1, stored->type) + ", not TYPE " +
                   std::string(1, *type_),
               {"TYPE " + std::string(1, stored->type)});
    }
    compareBytes(context, content_, file.value_or(Bytes{}), "the file " + path);
  }

 private:
  TemplateText path_;
  ExpectedBytes content_;
  std::optional<char> type_;
};

StepPtr parsePutFile(const Json& value, const Json&, StepCommon common,
                     const StepParseContext& context) {
  TemplateText path = pathOf(value, "ftp_put_file");
  return std::make_shared<PutFileStep>(std::move(common), std::move(path),
                                       parsePayload(value, context.folder, false));
}

StepPtr parseExpectFile(const Json& value, const Json&, StepCommon common,
                        const StepParseContext& context) {
  TemplateText path = pathOf(value, "ftp_expect_file");
  std::optional<char> type;
  if (value.contains("type")) {
    const std::string text = value["type"].get<std::string>();
    if (text != "A" && text != "I") throw UsageError("type is A or I");
    type = text[0];
  }
  return std::make_shared<ExpectFileStep>(std::move(common), std::move(path),
                                          ExpectedBytes::parse(value, context.folder), type);
}

}  // namespace

void addFtpSteps(StepRegistry& registry) {
  registry.add("ftp_put_file", parsePutFile);
  registry.add("ftp_expect_file", parseExpectFile);
}

}  // namespace atsharp::harness::fixture_steps
