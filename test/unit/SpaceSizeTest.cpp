//===- SpaceSizeTest.cpp - Exact space sizes ------------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/SpaceSize.h"

#include <gtest/gtest.h>

using nas::SpaceSize;

TEST(SpaceSize, SmallNumbers) {
  EXPECT_EQ(SpaceSize(0).toString(), "0");
  EXPECT_EQ(SpaceSize(1).toString(), "1");
  EXPECT_EQ((SpaceSize(3) * SpaceSize(5) + SpaceSize(2)).toString(), "17");
}

TEST(SpaceSize, BeyondSixtyFourBits) {
  // 5^40 = 9094947017729282379150390625, well past 2^64.
  SpaceSize s(1);
  for (int i = 0; i < 40; ++i)
    s *= SpaceSize(5);
  EXPECT_EQ(s.toString(), "9094947017729282379150390625");
  // 2^64 exactly, across a limb boundary in addition.
  SpaceSize max(UINT64_MAX);
  EXPECT_EQ((max + SpaceSize(1)).toString(), "18446744073709551616");
}

TEST(SpaceSize, Infinite) {
  SpaceSize inf = SpaceSize::infinite();
  EXPECT_TRUE((inf * SpaceSize(3)).isInfinite());
  EXPECT_TRUE((inf + SpaceSize(3)).isInfinite());
  EXPECT_EQ(inf.toString(), "infinite");
  // A space with an empty choice has no candidate at all.
  EXPECT_TRUE((inf * SpaceSize(0)).isZero());
}
