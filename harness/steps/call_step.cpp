// call: runs a block (a named list of steps of the suite or of a file it imports), with
// arguments that are variables inside the block.

#include "atsharp/error.hpp"
#include "text/latin1_text.hpp"
#include "steps/builtin_steps.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {
namespace {

using Json = nlohmann::json;

class CallStep final : public Step {
 public:
  CallStep(StepCommon common, std::string block, std::map<std::string, TemplateText> arguments,
           const BlockTable* blocks)
      : Step(std::move(common)),
        block_(std::move(block)),
        arguments_(std::move(arguments)),
        blocks_(blocks) {}

  std::string_view kind() const noexcept override { return "call"; }
  std::string summary() const override { return "call " + block_; }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& [name, value] : arguments_) {
      for (const auto& reference : value.names()) reads.insert(reference);
    }
  }

  void run(StepContext& context) const override {
    const auto found = blocks_ ? blocks_->find(block_) : BlockTable::const_iterator{};
    if (!blocks_ || found == blocks_->end()) {
      throw StepFailure(FailureClass::Harness, "no block \"" + block_ + "\"");
    }
    Vars arguments;
    for (const auto& [name, value] : arguments_) arguments[name] = value.render(context.vars());
    context.mark(Clock::now());
    context.runBlock(*found->second, arguments, common().source);
  }

  const std::string& block() const noexcept { return block_; }

 private:
  std::string block_;
  std::map<std::string, TemplateText> arguments_;
  const BlockTable* blocks_;
};

std::string scalarText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) return value.dump();
  throw UsageError("an argument is a string, a number or a boolean");
}

}  // namespace

StepPtr parseCall(const Json& value, const Json&, StepCommon common,
                  const StepParseContext& context) {
  std::string block;
  std::map<std::string, TemplateText> arguments;
  if (value.is_string()) {
    block = value.get<std::string>();
  } else if (value.is_object() && value.contains("block") && value["block"].is_string()) {
    block = value["block"].get<std::string>();
    if (value.contains("with")) {
      for (const auto& [name, argument] : value["with"].items()) {
        const auto bytes = latin1FromUtf8(scalarText(argument));
        if (!bytes) throw UsageError("argument " + name + " holds a character above U+00FF");
        arguments.emplace(name, TemplateText(*bytes));
      }
    }
  } else {
    throw UsageError("call is a block name, or {block: NAME, with: {name: value}}");
  }
  return std::make_shared<CallStep>(std::move(common), std::move(block), std::move(arguments),
                                    context.blocks);
}

std::optional<std::string> calledBlock(const Step& step) {
  if (const auto* call = dynamic_cast<const CallStep*>(&step)) return call->block();
  return std::nullopt;
}

}  // namespace atsharp::harness::steps
