//===- SemaTest.cpp - Decisions and space sizes of checked programs -------===//
//
// Space sizes of nested, conditional and multi-choice spaces, after the
// cases of PyGlove's DNASpec tests, written for the .nas language.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Frontend.h"

#include <gtest/gtest.h>

using namespace nas::dsl;
using nas::describeDecisions;
using nas::spaceSize;

namespace {
struct Checked {
  FrontendResult result;
  std::string size;
  std::string tree;
};

Checked check(const std::string &body, const std::string &blocks = "") {
  SourceFile file("t.nas", blocks + "\nmodel m(x: f32[N, 8]) -> f32[N, 4] {\n" + body + "\n}\n");
  DiagnosticEngine diags(file, nullptr);
  Checked c{runFrontend(diags), "", ""};
  c.size = spaceSize(c.result.checked.decisions).toString();
  c.tree = describeDecisions(c.result.checked.decisions);
  for (const Diagnostic &d : diags.diagnostics())
    if (d.severity == Severity::Error)
      ADD_FAILURE() << "unexpected error: " << d.message;
  return c;
}
} // namespace

TEST(SpaceSize, IndependentChoicesMultiply) {
  auto c = check("let a = oneof(4, 8)\nlet b = oneof(relu, gelu, tanh)\nh = b(dense(x, a))\nreturn dense(h, 4)");
  EXPECT_EQ(c.size, "6");
}

TEST(SpaceSize, ConditionalSubspacesAdd) {
  // oneof over sub-networks: 1 + 3 + 2 candidates.
  auto c = check("h = oneof(x, oneof(relu, gelu, tanh)(x), dense(x, oneof(8, 16)))\nreturn dense(h, 4)");
  EXPECT_EQ(c.size, "6");
  EXPECT_NE(c.tree.find("m.oneof[1].oneof"), std::string::npos) << c.tree;
}

TEST(SpaceSize, RepeatWithDecidedCount) {
  // Depth 1..3, each layer one of 2 activations: 2 + 4 + 8.
  auto c = check("h = x\nrepeat int(1, 3) { h = oneof(relu, tanh)(h) }\nreturn dense(h, 4)");
  EXPECT_EQ(c.size, "14");
  EXPECT_NE(c.tree.find("m.repeat[2].oneof"), std::string::npos) << c.tree;
}

TEST(SpaceSize, RepeatCountFromOneOf) {
  // Depth 0 or 2: 1 + 3 * 3.
  auto c = check("h = x\nrepeat oneof(0, 2) { h = oneof(relu, tanh, gelu)(h) }\nreturn dense(h, 4)");
  EXPECT_EQ(c.size, "10");
}

TEST(SpaceSize, ManyOfVariants) {
  // Choosing 2 of 4: sorted distinct C(4,2) = 6; distinct 4*3 = 12;
  // sorted with repeats C(5,2) = 10; neither 4^2 = 16.
  const char *cases[][2] = {{"distinct = true, sorted = true", "6"},
                            {"distinct = true", "12"},
                            {"distinct = false, sorted = true", "10"},
                            {"distinct = false", "16"}};
  for (auto &[options, expected] : cases) {
    auto c = check(std::string("h = x\nfor act in manyof(2, relu, gelu, tanh, silu, ") + options +
                   ") { h = act(h) }\nreturn dense(h, 4)");
    EXPECT_EQ(c.size, expected) << options;
  }
}

TEST(SpaceSize, BlockCallsMakeFreshDecisions) {
  // Each call of a block brings its own inline decision: 3 * 3.
  auto c =
      check("h = layer(x)\nh = layer(h)\nreturn dense(h, 4)", "block layer(x) { return oneof(relu, gelu, tanh)(x) }");
  EXPECT_EQ(c.size, "9");
  EXPECT_NE(c.tree.find("m.layer.oneof"), std::string::npos) << c.tree;
  EXPECT_NE(c.tree.find("m.layer2.oneof"), std::string::npos) << c.tree;
}

TEST(SpaceSize, ContinuousDecisionIsInfinite) {
  auto c = check("h = dropout(x, floatv(0.1, 0.5))\nreturn dense(h, 4)");
  EXPECT_EQ(c.size, "infinite");
  EXPECT_EQ(spaceSize(c.result.checked.decisions, false).toString(), "1");
}
