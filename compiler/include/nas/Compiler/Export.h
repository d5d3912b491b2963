// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
/*===- Export.h - What libnas.so exports ---------------------------*- C -*-===*
 *
 * libnas.so is built with hidden symbols by default (-fvisibility=hidden):
 * only declarations marked NAS_API, the C and C++ embedding APIs, are
 * exported; the compiler, MLIR and LLVM inside it stay private. Plain C, so
 * that nas-c/nas.h can include it too.
 *
 *===----------------------------------------------------------------------===*/
#ifndef NAS_COMPILER_EXPORT_H
#define NAS_COMPILER_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define NAS_API __attribute__((visibility("default")))
#else
#define NAS_API
#endif

#endif /* NAS_COMPILER_EXPORT_H */
