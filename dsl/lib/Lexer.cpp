//===- Lexer.cpp - Tokens of the .nas language ----------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Lexer.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace nas::dsl {

const char *describe(TokenKind kind) {
  switch (kind) {
  case TokenKind::EndOfFile: return "the end of the file";
  case TokenKind::Identifier: return "a name";
  case TokenKind::Integer: return "an integer";
  case TokenKind::Float: return "a number";
  case TokenKind::String: return "a string";
  case TokenKind::KwModel: return "'model'";
  case TokenKind::KwBlock: return "'block'";
  case TokenKind::KwLet: return "'let'";
  case TokenKind::KwRepeat: return "'repeat'";
  case TokenKind::KwFor: return "'for'";
  case TokenKind::KwIn: return "'in'";
  case TokenKind::KwReturn: return "'return'";
  case TokenKind::KwTrain: return "'train'";
  case TokenKind::KwSearch: return "'search'";
  case TokenKind::LParen: return "'('";
  case TokenKind::RParen: return "')'";
  case TokenKind::LBracket: return "'['";
  case TokenKind::RBracket: return "']'";
  case TokenKind::LBrace: return "'{'";
  case TokenKind::RBrace: return "'}'";
  case TokenKind::Comma: return "','";
  case TokenKind::Colon: return "':'";
  case TokenKind::Semicolon: return "';'";
  case TokenKind::Equal: return "'='";
  case TokenKind::Arrow: return "'->'";
  case TokenKind::Plus: return "'+'";
  case TokenKind::Minus: return "'-'";
  case TokenKind::Star: return "'*'";
  case TokenKind::Slash: return "'/'";
  case TokenKind::Less: return "'<'";
  case TokenKind::LessEqual: return "'<='";
  case TokenKind::Greater: return "'>'";
  case TokenKind::GreaterEqual: return "'>='";
  case TokenKind::Invalid: return "an invalid character";
  }
  return "a token";
}

namespace {
bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

TokenKind keyword(std::string_view word) {
  if (word == "model")
    return TokenKind::KwModel;
  if (word == "block")
    return TokenKind::KwBlock;
  if (word == "let")
    return TokenKind::KwLet;
  if (word == "repeat")
    return TokenKind::KwRepeat;
  if (word == "for")
    return TokenKind::KwFor;
  if (word == "in")
    return TokenKind::KwIn;
  if (word == "return")
    return TokenKind::KwReturn;
  if (word == "train")
    return TokenKind::KwTrain;
  if (word == "search")
    return TokenKind::KwSearch;
  return TokenKind::Identifier;
}
} // namespace

Token Lexer::make(TokenKind kind, uint32_t start) const {
  Token token;
  token.kind = kind;
  token.range = {start, pos_};
  return token;
}

void Lexer::skipSpaceAndComments(bool &sawNewline) {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == '\n') {
      sawNewline = true;
      ++pos_;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++pos_;
    } else if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n')
        ++pos_;
    } else {
      return;
    }
  }
}

Token Lexer::next() {
  bool sawNewline = pos_ == 0;
  skipSpaceAndComments(sawNewline);
  Token token = lexToken();
  token.startsLine = sawNewline;
  return token;
}

Token Lexer::lexToken() {
  uint32_t start = pos_;
  if (pos_ >= text_.size())
    return make(TokenKind::EndOfFile, start);
  char c = text_[pos_];
  if (isIdentStart(c)) {
    while (pos_ < text_.size() && isIdentChar(text_[pos_]))
      ++pos_;
    std::string_view word = text_.substr(start, pos_ - start);
    Token token = make(keyword(word), start);
    token.text = std::string(word);
    return token;
  }
  if (isDigit(c) || (c == '.' && pos_ + 1 < text_.size() && isDigit(text_[pos_ + 1])))
    return lexNumber(start);
  if (c == '"')
    return lexString(start);
  ++pos_;
  auto twoChar = [&](char second, TokenKind both, TokenKind one) {
    if (pos_ < text_.size() && text_[pos_] == second) {
      ++pos_;
      return make(both, start);
    }
    return make(one, start);
  };
  switch (c) {
  case '(': return make(TokenKind::LParen, start);
  case ')': return make(TokenKind::RParen, start);
  case '[': return make(TokenKind::LBracket, start);
  case ']': return make(TokenKind::RBracket, start);
  case '{': return make(TokenKind::LBrace, start);
  case '}': return make(TokenKind::RBrace, start);
  case ',': return make(TokenKind::Comma, start);
  case ':': return make(TokenKind::Colon, start);
  case ';': return make(TokenKind::Semicolon, start);
  case '=': return make(TokenKind::Equal, start);
  case '+': return make(TokenKind::Plus, start);
  case '*': return make(TokenKind::Star, start);
  case '/': return make(TokenKind::Slash, start);
  case '-': return twoChar('>', TokenKind::Arrow, TokenKind::Minus);
  case '<': return twoChar('=', TokenKind::LessEqual, TokenKind::Less);
  case '>': return twoChar('=', TokenKind::GreaterEqual, TokenKind::Greater);
  default: break;
  }
  // A UTF-8 sequence is reported once, as one character.
  while (pos_ < text_.size() && (static_cast<unsigned char>(text_[pos_]) & 0xC0) == 0x80)
    ++pos_;
  Token token = make(TokenKind::Invalid, start);
  // Show a multi-byte UTF-8 character as itself, a control byte as \xNN.
  std::string shown(text_.substr(start, pos_ - start));
  if (shown.size() == 1 && !std::isprint(static_cast<unsigned char>(c))) {
    static const char *hex = "0123456789abcdef";
    shown = std::string("\\x") + hex[(c >> 4) & 15] + hex[c & 15];
  }
  diags_.error(token.range, "unexpected character '" + shown + "'",
               c == '\'' ? "strings use double quotes: \"...\"" : "");
  return token;
}

Token Lexer::lexNumber(uint32_t start) {
  bool isFloat = false;
  while (pos_ < text_.size() && isDigit(text_[pos_]))
    ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '.') {
    isFloat = true;
    ++pos_;
    while (pos_ < text_.size() && isDigit(text_[pos_]))
      ++pos_;
  }
  if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    uint32_t save = pos_++;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-'))
      ++pos_;
    if (pos_ < text_.size() && isDigit(text_[pos_])) {
      isFloat = true;
      while (pos_ < text_.size() && isDigit(text_[pos_]))
        ++pos_;
    } else {
      pos_ = save; // not an exponent: `2e` is 2 followed by the name e
    }
  }
  std::string digits(text_.substr(start, pos_ - start));
  double scale = 1;
  if (pos_ < text_.size() && (text_[pos_] == 'k' || text_[pos_] == 'M' || text_[pos_] == 'G') &&
      !(pos_ + 1 < text_.size() && isIdentChar(text_[pos_ + 1]))) {
    scale = text_[pos_] == 'k' ? 1e3 : text_[pos_] == 'M' ? 1e6 : 1e9;
    ++pos_;
  }
  if (pos_ < text_.size() && isIdentChar(text_[pos_])) {
    while (pos_ < text_.size() && isIdentChar(text_[pos_]))
      ++pos_;
    Token bad = make(TokenKind::Invalid, start);
    diags_.error(bad.range, "malformed number '" + std::string(text_.substr(start, pos_ - start)) + "'",
                 "a number may end in k, M or G (thousand, million, billion)");
    return bad;
  }
  double value = std::strtod(digits.c_str(), nullptr) * scale;
  Token token = make(TokenKind::Float, start);
  token.floatValue = value;
  // 1.5k is the integer 1500; 0.5 stays a float.
  if (!isFloat || (scale > 1 && value == std::floor(value))) {
    if (value > static_cast<double>(std::numeric_limits<long long>::max()) || !std::isfinite(value)) {
      diags_.error(token.range, "integer '" + std::string(text_.substr(start, pos_ - start)) + "' is too large");
      token.kind = TokenKind::Invalid;
      return token;
    }
    token.kind = TokenKind::Integer;
    token.intValue = isFloat || scale > 1 ? static_cast<long long>(value) : std::strtoll(digits.c_str(), nullptr, 10);
  } else if (!std::isfinite(value)) {
    diags_.error(token.range, "number '" + std::string(text_.substr(start, pos_ - start)) + "' is too large");
    token.kind = TokenKind::Invalid;
  }
  return token;
}

Token Lexer::lexString(uint32_t start) {
  ++pos_; // opening quote
  std::string value;
  while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\n') {
    char c = text_[pos_++];
    if (c == '\\' && pos_ < text_.size() && text_[pos_] != '\n') {
      char e = text_[pos_++];
      value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    } else {
      value += c;
    }
  }
  if (pos_ >= text_.size() || text_[pos_] != '"') {
    Token bad = make(TokenKind::Invalid, start);
    diags_.error(bad.range, "string is not closed before the end of the line", "add a closing '\"'");
    return bad;
  }
  ++pos_;
  Token token = make(TokenKind::String, start);
  token.text = std::move(value);
  return token;
}

} // namespace nas::dsl
