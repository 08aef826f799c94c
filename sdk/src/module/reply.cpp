// The final result of a command, judged and written out.

#include "atsharp/module/reply.hpp"

namespace atsharp {

bool FinalResult::succeeded() const noexcept {
  if (cmeError || !result) return false;
  switch (*result) {
    case catalogue::Result::Ok:
    case catalogue::Result::Ppp:
    case catalogue::Result::GprsActivation:
    case catalogue::Result::NoMail:
    case catalogue::Result::DataBegin:
    case catalogue::Result::WaitingForData:
    case catalogue::Result::NoService:  // AT#VSTATE's answer without a radio connection
      return true;
    default:
      return false;
  }
}

std::string FinalResult::text() const {
  if (cmeError) return "#CME ERROR: " + std::to_string(*cmeError);
  if (result) return std::string(catalogue::spec(*result).verbose);
  return "(no result)";
}

}  // namespace atsharp
