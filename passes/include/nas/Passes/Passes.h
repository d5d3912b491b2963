//===- Passes.h - The passes of nasc ----------------------------*- C++ -*-===//
#ifndef NAS_PASSES_PASSES_H
#define NAS_PASSES_PASSES_H

#include "mlir/Pass/Pass.h"
#include "nas/Dialect/NN/NNDialect.h"

namespace nas {
#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "nas/Passes/Passes.h.inc"
} // namespace nas

#endif // NAS_PASSES_PASSES_H
