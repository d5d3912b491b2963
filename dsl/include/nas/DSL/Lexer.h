//===- Lexer.h - Tokens of the .nas language --------------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_LEXER_H
#define NAS_DSL_LEXER_H

#include "nas/DSL/Diagnostics.h"

#include <string>

namespace nas::dsl {

enum class TokenKind {
  EndOfFile,
  Identifier,
  Integer, // 300k and 50M are integers: k, M and G scale by 10^3, 10^6, 10^9
  Float,
  String,
  // Keywords.
  KwModel,
  KwBlock,
  KwLet,
  KwRepeat,
  KwFor,
  KwIn,
  KwReturn,
  KwTrain,
  KwSearch,
  // Punctuation.
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Semicolon,
  Equal,
  Arrow,
  Plus,
  Minus,
  Star,
  Slash,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  Invalid,
};

/// How a token kind is named in messages: "'('", "an identifier".
const char *describe(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  SourceRange range;
  /// A line break (or the start of the file) comes between this token and the
  /// previous one: statements end at line breaks.
  bool startsLine = false;
  std::string text; // identifier name or decoded string
  long long intValue = 0;
  double floatValue = 0;
};

/// Splits a file into tokens; reports bad characters and literals and goes on.
class Lexer {
public:
  Lexer(const SourceFile &file, DiagnosticEngine &diags) : text_(file.text()), diags_(diags) {}
  Token next();

private:
  void skipSpaceAndComments(bool &sawNewline);
  Token lexToken();
  Token lexNumber(uint32_t start);
  Token lexString(uint32_t start);
  Token make(TokenKind kind, uint32_t start) const;

  std::string_view text_;
  DiagnosticEngine &diags_;
  uint32_t pos_ = 0;
};

} // namespace nas::dsl

#endif // NAS_DSL_LEXER_H
