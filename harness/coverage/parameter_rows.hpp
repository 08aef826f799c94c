#pragma once
// The rows a suite case names for the parameters of sections 2 to 7. They are not in
// suites/coverage/spec-rows.yaml: the 67 parameters are the catalogue's, and each has the same
// aspects to check, so their ids are made from the catalogue: "param/TCPTXDELAY/illegal".

#include <array>
#include <set>
#include <string>
#include <string_view>

namespace atsharp::harness {

/// What a case checks of a parameter (issue 7: the default, a legal value set and read back,
/// the illegal values refused, its display command(s), AT#VALL, a reset, AT#DELFLASH).
inline constexpr std::array<std::string_view, 7> kParameterAspects{
    "default", "set", "illegal", "display", "vall", "persistence", "delflash"};

/// "param/NAME/ASPECT" for every parameter of the catalogue and every aspect.
std::set<std::string> parameterRowIds();

}  // namespace atsharp::harness
