#include "option_command.hpp"

#include <iostream>

namespace atsharp::cli {

int usageError(std::string_view name, const std::exception& error, std::string_view help) {
  std::cerr << "atsharp " << name << ": " << error.what() << " (see atsharp "
            << (help.empty() ? name : help) << " --help)\n";
  return 2;
}

int failure(std::string_view name, const std::exception& error, int status) {
  std::cerr << "atsharp " << name << ": " << error.what() << "\n";
  return status;
}

}  // namespace atsharp::cli
