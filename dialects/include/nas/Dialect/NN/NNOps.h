//===- NNOps.h - The ops of the nn dialect ----------------------*- C++ -*-===//
#ifndef NAS_DIALECT_NN_NNOPS_H
#define NAS_DIALECT_NN_NNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "nas/Dialect/NN/NNDialect.h"

#include "nas/Dialect/NN/ShapeInferenceInterface.h.inc"

#define GET_OP_CLASSES
#include "nas/Dialect/NN/NNOps.h.inc"

#endif // NAS_DIALECT_NN_NNOPS_H
