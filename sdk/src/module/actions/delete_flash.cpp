// AT#DELFLASH (8.4): the parameter flash erased.

#include "atsharp/module/module.hpp"

namespace atsharp {

void Module::deleteFlash() {
  // The Module forgets the DLEMODE values it knew (Module::observe): they may change at the
  // next restart.
  command("AT#DELFLASH");
}

}  // namespace atsharp
