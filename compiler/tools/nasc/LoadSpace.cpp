//===- LoadSpace.cpp - Compile a .nas file for a command ------------------===//
#include "LoadSpace.h"

namespace nasc {

std::unique_ptr<nas::Space> loadSpace(const std::string &path, const GlobalOptions &global, int &status) {
  std::vector<nas::Diagnostic> diagnostics;
  std::unique_ptr<nas::Space> space = nas::Space::fromFile(path, diagnostics, {stderr, global.colourStderr()});
  status = 0;
  if (!space) {
    status = 1;
    for (const nas::Diagnostic &d : diagnostics)
      if (d.message.rfind("internal error", 0) == 0)
        status = 3;
  }
  return space;
}

} // namespace nasc
