//===- OpRulesTest.cpp - The op table, the size rules, binding and naming -===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Builtins.h"
#include "nas/DSL/Calls.h"
#include "nas/DSL/ShapeRules.h"

#include <gtest/gtest.h>

using namespace nas::dsl;
namespace shapes = nas::shapes;

TEST(ShapeRules, WindowsAsPyTorchComputesThem) {
  // 28 pixels, kernel 3, stride 1, padding 1: 28; stride 2: 14; dilation 2: 26.
  EXPECT_EQ(shapes::windowOutput(28, 3, 1, 1, 1), 28);
  EXPECT_EQ(shapes::windowOutput(28, 3, 2, 1, 1), 14);
  EXPECT_EQ(shapes::windowOutput(28, 3, 1, 1, 2), 26);
  EXPECT_EQ(shapes::windowOutput(7, 2, 2, 0, 1), 3);
  EXPECT_EQ(shapes::windowOutput(2, 5, 1, 0, 1), -1); // does not fit
  EXPECT_EQ(shapes::windowOutput(std::nullopt, 3, 1, 1, 1), std::nullopt);
  EXPECT_EQ(shapes::windowOutput(28, std::nullopt, 1, 1, 1), std::nullopt);
}

TEST(ShapeRules, SamePaddingNeedsAnOddKernel) {
  EXPECT_EQ(shapes::samePadding(3, 1), 1);
  EXPECT_EQ(shapes::samePadding(5, 2), 4);
  EXPECT_EQ(shapes::samePadding(4, 1), std::nullopt);
  // Same padding keeps the extent at stride 1.
  for (int64_t k : {1, 3, 5, 7})
    for (int64_t d : {1, 2, 3})
      EXPECT_EQ(shapes::windowOutput(17, k, 1, shapes::samePadding(k, d), d), 17) << k << " " << d;
}

TEST(ShapeRules, FlattenConcatAndEqualDimensions) {
  EXPECT_EQ(shapes::flattenedSize({16, 7, 7}), 784);
  EXPECT_EQ(shapes::flattenedSize({16, std::nullopt}), std::nullopt);
  EXPECT_EQ(shapes::concatenatedSize({16, 32, 8}), 56);
  EXPECT_EQ(shapes::concatenatedSize({16, std::nullopt}), std::nullopt);
  EXPECT_FALSE(shapes::equalDim(4, 4).conflict);
  EXPECT_TRUE(shapes::equalDim(4, 5).conflict);
  EXPECT_EQ(shapes::equalDim(std::nullopt, 5).size, 5);
}

TEST(ShapeRules, BroadcastingAsNumPy) {
  int64_t conflict = 0;
  // [N, C] against [N, C, H, W] does not broadcast (aligned at the last dimension)...
  std::vector<shapes::Size> out = shapes::broadcastShapes({8, 16}, {8, 16, 4, 4}, conflict);
  EXPECT_EQ(conflict, 2);
  // ...but [N, C, 1, 1] does: squeeze-and-excitation's scale.
  out = shapes::broadcastShapes({8, 16, 1, 1}, {8, 16, 4, 4}, conflict);
  EXPECT_EQ(conflict, -1);
  EXPECT_EQ(out, (std::vector<shapes::Size>{8, 16, 4, 4}));
  out = shapes::broadcastShapes({4}, {std::nullopt, 3, 4}, conflict);
  EXPECT_EQ(conflict, -1);
  EXPECT_EQ(out, (std::vector<shapes::Size>{std::nullopt, 3, 4}));
}

TEST(OpTable, DefaultsAreTypedAndShownAsTheReferenceShowsThem) {
  const OpSpec *conv = findOp("conv2d");
  ASSERT_TRUE(conv);
  EXPECT_EQ(conv->param("kernel")->defaultValue.kind, Default::Kind::Number);
  EXPECT_EQ(conv->param("kernel")->defaultValue.number, 3);
  EXPECT_EQ(conv->param("padding")->defaultValue.text(), "same");
  EXPECT_EQ(findOp("maxpool")->param("stride")->defaultValue.kind, Default::Kind::Parameter);
  EXPECT_EQ(findOp("batchnorm")->signature(), "batchnorm(x, momentum = 0.1, eps = 1e-05)");
  EXPECT_EQ(findOp("concat")->signature(), "concat(a, b, ..., axis = 1)");
  // The trainer's defaults come from the same tables.
  EXPECT_EQ(settingDefault(true, "batch").number, 128);
  EXPECT_EQ(settingDefault(true, "optimizer").text(), "sgd");
  EXPECT_EQ(settingDefault(true, "optimizer", "adam", "lr").number, 0.001);
  EXPECT_EQ(settingDefault(false, "algorithm").text(), "evolution");
}

namespace {
struct V {
  bool tensor = true;
  std::vector<V> list;
  bool isList = false;
  int tag = 0;
};
BoundArguments<V> bind(const Callee &callee, std::vector<V> positional, std::vector<std::pair<std::string, V>> named) {
  return bindArguments(
      callee, positional, named, [](const V &v) { return v.isList ? &v.list : nullptr; },
      [](const V &v) { return v.tensor; });
}
} // namespace

TEST(ArgumentBinding, PositionalThenNamed) {
  Callee conv{findOp("conv2d"), nullptr};
  V x{true, {}, false, 1}, c{false, {}, false, 2}, k{false, {}, false, 3};
  BoundArguments<V> b = bind(conv, {x, c}, {{"kernel", k}});
  EXPECT_EQ(b.problem, BoundArguments<V>::Problem::None);
  EXPECT_EQ(b.byName.at("x").tag, 1);
  EXPECT_EQ(b.byName.at("channels").tag, 2);
  EXPECT_EQ(b.byName.at("kernel").tag, 3);
  EXPECT_EQ(bind(conv, {x, c}, {{"channels", k}}).problem, BoundArguments<V>::Problem::GivenTwice);
  BoundArguments<V> unknown = bind(conv, {x}, {{"kernel", k}, {"kernal", k}});
  EXPECT_EQ(unknown.problem, BoundArguments<V>::Problem::UnknownParameter);
  EXPECT_EQ(unknown.index, 1u);
  Callee relu{findOp("relu"), nullptr};
  EXPECT_EQ(bind(relu, {x, x}, {}).problem, BoundArguments<V>::Problem::TooMany);
}

TEST(ArgumentBinding, TensorsOfAddAndConcatAndTheirLists) {
  Callee add{findOp("add"), nullptr};
  V a{true, {}, false, 1}, list{false, {a, a, a}, true, 0}, number{false, {}, false, 9};
  BoundArguments<V> b = bind(add, {a, list}, {});
  EXPECT_EQ(b.problem, BoundArguments<V>::Problem::None);
  EXPECT_EQ(b.tensors.size(), 4u);
  BoundArguments<V> bad = bind(add, {a, number}, {});
  EXPECT_EQ(bad.problem, BoundArguments<V>::Problem::NotATensor);
  EXPECT_EQ(bad.index, 1u);
}

TEST(DecisionNamer, NumbersFromTheSecondUseInAScope) {
  DecisionNamer namer;
  EXPECT_EQ(namer.path("mlp", "", "", "oneof"), "mlp.oneof");
  EXPECT_EQ(namer.path("mlp", "", "", "oneof"), "mlp.oneof2");
  EXPECT_EQ(namer.path("mlp.repeat[0]", "", "", "oneof"), "mlp.repeat[0].oneof");
  EXPECT_EQ(namer.path("mlp", "", "width", "oneof"), "mlp.width");  // bound by let
  EXPECT_EQ(namer.path("mlp", "act", "width", "oneof"), "mlp.act"); // name: "act"
  EXPECT_EQ(namer.fresh("mlp", "cell"), "mlp.cell");
  EXPECT_EQ(namer.fresh("mlp", "cell"), "mlp.cell2");
  EXPECT_EQ(namer.path("mlp", "", "", "oneof"), "mlp.oneof3");
}
