//===- Parser.cpp - Recursive-descent parser for .nas files ---------------===//
//
// The grammar is in docs/language.md. Statements end at a line break, a ';'
// or a '}'; inside parentheses and brackets line breaks are free.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Parser.h"

namespace nas::dsl {
namespace {

/// Thrown to abandon the current statement after a syntax error has been
/// reported; caught where the parser can resynchronise.
struct SyntaxError {};

class Parser {
public:
  Parser(const SourceFile &file, DiagnosticEngine &diags) : lexer_(file, diags), diags_(diags) {
    tok_ = lexer_.next();
    next_ = lexer_.next();
  }

  Module parseModule();

private:
  // Token handling.
  void advance() {
    prevEnd_ = tok_.range.end;
    tok_ = std::move(next_);
    next_ = lexer_.next();
  }
  bool at(TokenKind kind) const { return tok_.kind == kind; }
  bool atIdentifier(std::string_view name) const { return at(TokenKind::Identifier) && tok_.text == name; }
  bool consume(TokenKind kind) {
    if (!at(kind))
      return false;
    advance();
    return true;
  }
  Token expect(TokenKind kind, const char *what) {
    if (!at(kind))
      fail(std::string("expected ") + describe(kind) + " " + what);
    Token token = tok_;
    advance();
    return token;
  }
  [[noreturn]] void fail(const std::string &message, const std::string &hint = {}) {
    // An invalid token was reported by the lexer already.
    if (!at(TokenKind::Invalid)) {
      std::string found = at(TokenKind::Identifier) ? "'" + tok_.text + "'" : describe(tok_.kind);
      diags_.error(tok_.range, message + ", found " + found, hint);
    }
    throw SyntaxError{};
  }

  // Recovery.
  void skipToStatementEnd();
  void skipToTopLevel(uint32_t itemStart);
  bool atDeclarationStart() const;

  // Declarations.
  Function parseFunction(bool isModel);
  std::vector<Param> parseParams();
  TypeSpec parseType();
  Section parseSection(bool isTrain);
  SectionEntry parseSectionEntry();

  // Statements.
  Body parseBlockBody();
  StmtPtr parseStatement();
  void expectStatementEnd();

  // Expressions.
  ExprPtr parseExpr();
  ExprPtr parseBinary(int level);
  ExprPtr parseUnary();
  ExprPtr parsePostfix();
  ExprPtr parsePrimary();
  std::vector<Argument> parseArguments();

  struct DepthGuard {
    Parser &p;
    explicit DepthGuard(Parser &p) : p(p) {
      if (++p.depth_ > kMaxDepth) {
        --p.depth_;
        p.fail("nesting is too deep (more than 200 levels)");
      }
    }
    ~DepthGuard() { --p.depth_; }
  };
  static constexpr int kMaxDepth = 200;

  Lexer lexer_;
  DiagnosticEngine &diags_;
  Token tok_, next_;
  uint32_t prevEnd_ = 0;
  int depth_ = 0;
};

Module Parser::parseModule() {
  Module module;
  while (!at(TokenKind::EndOfFile)) {
    uint32_t itemStart = tok_.range.begin;
    try {
      if (at(TokenKind::KwModel) || at(TokenKind::KwBlock))
        module.functions.push_back(parseFunction(at(TokenKind::KwModel)));
      else if (at(TokenKind::KwTrain) || at(TokenKind::KwSearch))
        module.sections.push_back(parseSection(at(TokenKind::KwTrain)));
      else
        fail("expected 'model', 'block', 'train' or 'search' at the top level");
    } catch (SyntaxError &) {
      skipToTopLevel(itemStart);
    }
  }
  return module;
}

bool Parser::atDeclarationStart() const {
  return tok_.startsLine &&
         (at(TokenKind::KwModel) || at(TokenKind::KwBlock) || at(TokenKind::KwTrain) || at(TokenKind::KwSearch));
}

void Parser::skipToTopLevel(uint32_t itemStart) {
  // Stop at a declaration keyword that starts a line; one that ended the
  // broken declaration (its '}' was missing) starts the next one.
  if (atDeclarationStart() && tok_.range.begin != itemStart)
    return;
  do {
    advance();
  } while (!at(TokenKind::EndOfFile) && !atDeclarationStart());
}

void Parser::skipToStatementEnd() {
  // Skip to the next line at this nesting level, keeping braces balanced so
  // that the enclosing body's '}' is not swallowed.
  int depth = 0;
  bool first = true;
  while (!at(TokenKind::EndOfFile)) {
    if (!first && depth == 0 && (tok_.startsLine || at(TokenKind::RBrace)))
      return;
    if (at(TokenKind::LBrace))
      ++depth;
    else if (at(TokenKind::RBrace)) {
      if (depth == 0)
        return;
      --depth;
    } else if (at(TokenKind::Semicolon) && depth == 0) {
      advance();
      return;
    }
    first = false;
    advance();
  }
}

Function Parser::parseFunction(bool isModel) {
  Function fn;
  fn.isModel = isModel;
  uint32_t start = tok_.range.begin;
  advance(); // model | block
  Token name = expect(TokenKind::Identifier, isModel ? "after 'model'" : "after 'block'");
  fn.name = name.text;
  fn.nameRange = name.range;
  expect(TokenKind::LParen, "before the parameters");
  fn.params = parseParams();
  if (isModel) {
    if (!at(TokenKind::Arrow))
      fail("expected '->' and the output type after the model's parameters",
           "a model declares its output, e.g. 'model mlp(x: f32[N, 784]) -> f32[N, 10] {'");
    advance();
    fn.resultType = parseType();
  } else if (at(TokenKind::Arrow)) {
    fail("expected '{'", "a block's output type follows from its body; only a model declares one");
  }
  fn.body = parseBlockBody();
  fn.range = {start, prevEnd_};
  return fn;
}

std::vector<Param> Parser::parseParams() {
  std::vector<Param> params;
  while (!at(TokenKind::RParen)) {
    Param param;
    Token name = expect(TokenKind::Identifier, "as a parameter name");
    param.name = name.text;
    param.nameRange = name.range;
    if (consume(TokenKind::Colon))
      param.type = parseType();
    if (consume(TokenKind::Equal))
      param.defaultValue = parseExpr();
    params.push_back(std::move(param));
    if (!consume(TokenKind::Comma))
      break;
  }
  expect(TokenKind::RParen, "after the parameters");
  return params;
}

TypeSpec Parser::parseType() {
  TypeSpec type;
  Token name = expect(TokenKind::Identifier, "as a type (f32[...], tensor, int, float or op)");
  type.range = name.range;
  if (name.text == "int") {
    type.kind = TypeSpec::Kind::Int;
    return type;
  }
  if (name.text == "float") {
    type.kind = TypeSpec::Kind::Float;
    return type;
  }
  if (name.text == "op") {
    type.kind = TypeSpec::Kind::Op;
    return type;
  }
  if (name.text == "tensor") {
    type.kind = TypeSpec::Kind::AnyTensor;
    return type;
  }
  type.kind = TypeSpec::Kind::Tensor;
  type.elementType = name.text;
  if (!at(TokenKind::LBracket))
    fail("expected '[' and the dimensions after the element type '" + name.text + "'",
         "a tensor type looks like f32[N, 1, 28, 28]");
  advance();
  while (!at(TokenKind::RBracket)) {
    DimSpec dim;
    dim.range = tok_.range;
    if (at(TokenKind::Integer))
      dim.size = tok_.intValue;
    else if (at(TokenKind::Identifier))
      dim.symbol = tok_.text;
    else
      fail("expected a dimension (a size or a name such as N)");
    advance();
    type.dims.push_back(std::move(dim));
    if (!consume(TokenKind::Comma))
      break;
  }
  expect(TokenKind::RBracket, "after the dimensions");
  type.range.end = prevEnd_;
  return type;
}

Body Parser::parseBlockBody() {
  expect(TokenKind::LBrace, "to open the body");
  DepthGuard guard(*this);
  Body body;
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile)) {
    // A declaration keyword at the start of a line means this body lost its '}'.
    if (atDeclarationStart())
      break;
    try {
      body.push_back(parseStatement());
    } catch (SyntaxError &) {
      skipToStatementEnd();
    }
  }
  if (!at(TokenKind::RBrace))
    fail("expected '}' to close the body");
  advance();
  return body;
}

void Parser::expectStatementEnd() {
  if (consume(TokenKind::Semicolon) || at(TokenKind::RBrace) || at(TokenKind::EndOfFile) || tok_.startsLine)
    return;
  fail("expected a line break or ';' after the statement");
}

StmtPtr Parser::parseStatement() {
  uint32_t start = tok_.range.begin;
  StmtPtr stmt;
  if (consume(TokenKind::KwLet)) {
    Token name = expect(TokenKind::Identifier, "after 'let'");
    expect(TokenKind::Equal, "after the name in 'let'");
    ExprPtr value = parseExpr();
    stmt = std::make_unique<BindStmt>(SourceRange{start, prevEnd_}, true, name.text, name.range, std::move(value));
  } else if (consume(TokenKind::KwReturn)) {
    ExprPtr value = parseExpr();
    stmt = std::make_unique<ReturnStmt>(SourceRange{start, prevEnd_}, std::move(value));
  } else if (consume(TokenKind::KwRepeat)) {
    ExprPtr count = parseExpr();
    Body body = parseBlockBody();
    return std::make_unique<RepeatStmt>(SourceRange{start, prevEnd_}, std::move(count), std::move(body));
  } else if (consume(TokenKind::KwFor)) {
    Token var = expect(TokenKind::Identifier, "after 'for'");
    expect(TokenKind::KwIn, "after the loop variable");
    ExprPtr list = parseExpr();
    Body body = parseBlockBody();
    return std::make_unique<ForStmt>(SourceRange{start, prevEnd_}, var.text, var.range, std::move(list),
                                     std::move(body));
  } else if (atIdentifier("optional") && (next_.kind == TokenKind::LBrace || next_.kind == TokenKind::LParen)) {
    advance();
    std::optional<std::string> decisionName;
    if (consume(TokenKind::LParen)) {
      if (!atIdentifier("name") || next_.kind != TokenKind::Colon)
        fail("expected 'name: \"...\"' in 'optional(...) {'");
      advance();
      advance();
      decisionName = expect(TokenKind::String, "as the decision's name").text;
      expect(TokenKind::RParen, "after the decision's name");
    }
    Body body = parseBlockBody();
    return std::make_unique<OptionalStmt>(SourceRange{start, prevEnd_}, std::move(decisionName), std::move(body));
  } else if (at(TokenKind::Identifier) && next_.kind == TokenKind::Equal) {
    Token name = tok_;
    advance();
    advance();
    ExprPtr value = parseExpr();
    stmt = std::make_unique<BindStmt>(SourceRange{start, prevEnd_}, false, name.text, name.range, std::move(value));
  } else {
    fail("expected a statement ('let', an assignment 'name = ...', 'repeat', 'for', 'optional' or 'return')");
  }
  expectStatementEnd();
  return stmt;
}

Section Parser::parseSection(bool isTrain) {
  Section section;
  section.isTrain = isTrain;
  section.range = tok_.range;
  advance();
  expect(TokenKind::LBrace, isTrain ? "after 'train'" : "after 'search'");
  while (!at(TokenKind::RBrace) && !at(TokenKind::EndOfFile)) {
    if (atDeclarationStart())
      break;
    try {
      section.entries.push_back(parseSectionEntry());
    } catch (SyntaxError &) {
      skipToStatementEnd();
    }
  }
  if (!at(TokenKind::RBrace))
    fail(std::string("expected '}' to close the ") + (isTrain ? "train" : "search") + " section");
  advance();
  section.range.end = prevEnd_;
  return section;
}

SectionEntry Parser::parseSectionEntry() {
  SectionEntry entry;
  uint32_t start = tok_.range.begin;
  Token key = expect(TokenKind::Identifier, "as a setting name");
  entry.key = key.text;
  entry.keyRange = key.range;
  if ((key.text == "maximize" || key.text == "minimize") && at(TokenKind::Identifier)) {
    entry.kind = SectionEntry::Kind::Objective;
    entry.metric = tok_.text;
    entry.metricRange = tok_.range;
    advance();
  } else if (key.text == "constraint" && at(TokenKind::Identifier)) {
    entry.kind = SectionEntry::Kind::Constraint;
    entry.metric = tok_.text;
    entry.metricRange = tok_.range;
    advance();
    switch (tok_.kind) {
    case TokenKind::LessEqual: entry.comparison = "<="; break;
    case TokenKind::Less: entry.comparison = "<"; break;
    case TokenKind::GreaterEqual: entry.comparison = ">="; break;
    case TokenKind::Greater: entry.comparison = ">"; break;
    default: fail("expected '<=', '<', '>=' or '>' after the constrained metric", "e.g. 'constraint params <= 300k'");
    }
    advance();
    entry.value = parseExpr();
  } else {
    expect(TokenKind::Equal, ("after '" + key.text + "'").c_str());
    entry.value = parseExpr();
  }
  entry.range = {start, prevEnd_};
  expectStatementEnd();
  return entry;
}

ExprPtr Parser::parseExpr() {
  DepthGuard guard(*this);
  return parseBinary(0);
}

/// Level 0 is '+' and '-', level 1 is '*' and '/'; both associate left.
ExprPtr Parser::parseBinary(int level) {
  auto operand = [&] { return level == 0 ? parseBinary(1) : parseUnary(); };
  TokenKind first = level == 0 ? TokenKind::Plus : TokenKind::Star;
  TokenKind second = level == 0 ? TokenKind::Minus : TokenKind::Slash;
  ExprPtr lhs = operand();
  while (at(first) || at(second)) {
    char op = at(first) ? (level == 0 ? '+' : '*') : (level == 0 ? '-' : '/');
    advance();
    ExprPtr rhs = operand();
    SourceRange range = SourceRange::cover(lhs->range, rhs->range);
    lhs = std::make_unique<BinaryExpr>(range, op, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr Parser::parseUnary() {
  if (at(TokenKind::Minus)) {
    DepthGuard guard(*this);
    uint32_t start = tok_.range.begin;
    advance();
    ExprPtr operand = parseUnary();
    return std::make_unique<NegateExpr>(SourceRange{start, operand->range.end}, std::move(operand));
  }
  return parsePostfix();
}

ExprPtr Parser::parsePostfix() {
  ExprPtr expr = parsePrimary();
  // A '(' on a new line starts no call: statements never begin with '('.
  while (at(TokenKind::LParen) && !tok_.startsLine) {
    DepthGuard guard(*this);
    advance();
    std::vector<Argument> args = parseArguments();
    expect(TokenKind::RParen, "to close the argument list");
    SourceRange range{expr->range.begin, prevEnd_};
    expr = std::make_unique<CallExpr>(range, std::move(expr), std::move(args));
  }
  return expr;
}

std::vector<Argument> Parser::parseArguments() {
  std::vector<Argument> args;
  while (!at(TokenKind::RParen)) {
    Argument arg;
    if (at(TokenKind::Identifier) && (next_.kind == TokenKind::Equal || next_.kind == TokenKind::Colon)) {
      arg.keyword = tok_.text;
      arg.keywordRange = tok_.range;
      advance();
      arg.isAnnotation = at(TokenKind::Colon);
      advance();
    }
    arg.value = parseExpr();
    args.push_back(std::move(arg));
    if (!consume(TokenKind::Comma))
      break;
  }
  return args;
}

ExprPtr Parser::parsePrimary() {
  Token token = tok_;
  switch (token.kind) {
  case TokenKind::Integer: advance(); return std::make_unique<IntegerExpr>(token.range, token.intValue);
  case TokenKind::Float: advance(); return std::make_unique<FloatExpr>(token.range, token.floatValue);
  case TokenKind::String: advance(); return std::make_unique<StringExpr>(token.range, token.text);
  case TokenKind::Identifier: advance(); return std::make_unique<NameExpr>(token.range, token.text);
  case TokenKind::LBracket: {
    advance();
    std::vector<ExprPtr> elements;
    while (!at(TokenKind::RBracket)) {
      elements.push_back(parseExpr());
      if (!consume(TokenKind::Comma))
        break;
    }
    expect(TokenKind::RBracket, "to close the list");
    return std::make_unique<ListExpr>(SourceRange{token.range.begin, prevEnd_}, std::move(elements));
  }
  case TokenKind::LParen: {
    advance();
    ExprPtr inner = parseExpr();
    expect(TokenKind::RParen, "to close the parenthesis");
    inner->range = {token.range.begin, prevEnd_};
    return inner;
  }
  default: fail("expected an expression");
  }
}

} // namespace

Module parseModule(const SourceFile &file, DiagnosticEngine &diags) { return Parser(file, diags).parseModule(); }

} // namespace nas::dsl
