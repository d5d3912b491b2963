//===- LexerTest.cpp - Tokens of the .nas language ------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Lexer.h"

#include <gtest/gtest.h>

using namespace nas::dsl;

namespace {
std::vector<Token> lex(const std::string &text, unsigned *errors = nullptr) {
  SourceFile file("t.nas", text);
  DiagnosticEngine diags(file, nullptr);
  Lexer lexer(file, diags);
  std::vector<Token> tokens;
  for (Token t = lexer.next(); t.kind != TokenKind::EndOfFile; t = lexer.next())
    tokens.push_back(t);
  if (errors)
    *errors = diags.errorCount();
  return tokens;
}
} // namespace

TEST(Lexer, NumbersWithScaleSuffixes) {
  auto tokens = lex("300k 50M 1.5k 0.01 1e-3 2G 7");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].kind, TokenKind::Integer);
  EXPECT_EQ(tokens[0].intValue, 300000);
  EXPECT_EQ(tokens[1].intValue, 50000000);
  EXPECT_EQ(tokens[2].kind, TokenKind::Integer);
  EXPECT_EQ(tokens[2].intValue, 1500);
  EXPECT_EQ(tokens[3].kind, TokenKind::Float);
  EXPECT_DOUBLE_EQ(tokens[3].floatValue, 0.01);
  EXPECT_DOUBLE_EQ(tokens[4].floatValue, 1e-3);
  EXPECT_EQ(tokens[5].intValue, 2000000000);
  EXPECT_EQ(tokens[6].intValue, 7);
}

TEST(Lexer, LineBreaksAndComments) {
  auto tokens = lex("a = 1 # comment\nb = 2");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_TRUE(tokens[0].startsLine);
  EXPECT_FALSE(tokens[1].startsLine);
  EXPECT_TRUE(tokens[3].startsLine);
  EXPECT_EQ(tokens[3].text, "b");
}

TEST(Lexer, BadInputIsReportedNotFatal) {
  unsigned errors = 0;
  auto tokens = lex("a @ \"open\n99999999999999999999 3x", &errors);
  EXPECT_EQ(errors, 4u);
  EXPECT_EQ(tokens.front().text, "a");
}
