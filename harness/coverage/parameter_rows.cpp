#include "coverage/parameter_rows.hpp"

#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::harness {

std::set<std::string> parameterRowIds() {
  std::set<std::string> ids;
  for (const catalogue::ParameterSpec& parameter : catalogue::kParameters) {
    for (const std::string_view aspect : kParameterAspects) {
      ids.insert("param/" + std::string(parameter.name) + "/" + std::string(aspect));
    }
  }
  return ids;
}

}  // namespace atsharp::harness
