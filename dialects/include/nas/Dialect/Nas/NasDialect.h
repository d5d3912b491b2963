//===- NasDialect.h - The nas dialect ---------------------------*- C++ -*-===//
#ifndef NAS_DIALECT_NAS_NASDIALECT_H
#define NAS_DIALECT_NAS_NASDIALECT_H

#include "mlir/IR/Dialect.h"

#include "nas/Dialect/Nas/NasDialect.h.inc"

#endif // NAS_DIALECT_NAS_NASDIALECT_H
