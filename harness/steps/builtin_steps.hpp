#pragma once
// The parsers of the engine's step kinds, one file each in this folder.

#include "steps/step_registry.hpp"

namespace atsharp::harness::steps {

StepPtr parseSend(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseExpect(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseExpectFinal(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseExpectAll(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseForbid(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseCapture(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseSendData(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseExpectData(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseClose(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseWait(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseQuiet(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseInject(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseCall(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);
StepPtr parseFailOn(const nlohmann::json&, const nlohmann::json&, StepCommon, const StepParseContext&);

}  // namespace atsharp::harness::steps

namespace atsharp::harness::steps {

/// The block a call step calls, or nothing for another step (to check that blocks exist and
/// do not call themselves, at load time).
std::optional<std::string> calledBlock(const Step& step);

}  // namespace atsharp::harness::steps
