//===- Parser.h - Recursive-descent parser for .nas files -------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_PARSER_H
#define NAS_DSL_PARSER_H

#include "nas/DSL/AST.h"
#include "nas/DSL/Lexer.h"

namespace nas::dsl {

/// Parses a whole file. Syntax errors are reported to `diags`; the parser
/// recovers at the next line, so one run reports several errors.
Module parseModule(const SourceFile &file, DiagnosticEngine &diags);

} // namespace nas::dsl

#endif // NAS_DSL_PARSER_H
