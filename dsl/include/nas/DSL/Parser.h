//===- Parser.h - Recursive-descent parser for .nas files -------*- C++ -*-===//
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
