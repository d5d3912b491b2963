//===- NNDialect.h - The nn dialect -----------------------------*- C++ -*-===//
#ifndef NAS_DIALECT_NN_NNDIALECT_H
#define NAS_DIALECT_NN_NNDIALECT_H

#include "mlir/IR/Dialect.h"

#include "nas/Dialect/NN/NNDialect.h.inc"

#endif // NAS_DIALECT_NN_NNDIALECT_H
