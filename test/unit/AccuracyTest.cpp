//===- AccuracyTest.cpp - W1 and W2 learn Fashion-MNIST as PyTorch does ---===//
//
// The reference workloads W1 and W2 (as the project's PyTorch reference script
// defines them), written as bench/workloads/w1.nas and w2.nas (batch 256,
// SGD 0.05, momentum 0.9,
// the whole training set, the last partial batch dropped), trained for 2
// epochs on the real data and tested on the 10,000 test images. W2 takes
// about a minute on two cores; the rest of the suite stays fast.
//
// W1's 0.851 in the reference table comes from torch_reference.py's default
// run, which trains a warm-up epoch and then two timed ones: three epochs.
// After two, PyTorch's W1 reaches 0.8511, 0.8406, 0.8308, 0.8475, 0.8542 and
// 0.8478 with seeds 0-5 (mean 0.8453; measured here with Debian's
// python3-torch 1.13), and nasc 0.8499, 0.8475, 0.8430, 0.8482, 0.8454 and
// 0.8488 (mean 0.8471). So W1 is held to 0.85 under the reference's
// protocol (the mean of four seeds), and to PyTorch's mean after two epochs
// over the same seeds.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "TrainingFixtures.h"

#include <gtest/gtest.h>

namespace {

using namespace nas::test;

constexpr const char *kFashionMNIST = "/usr/share/datasets/fashion-mnist";

nas::TrainResult trainWorkload(const std::string &workload, uint64_t seed, int64_t epochs = 2) {
  CompiledProgram compiled = compileModel(workloadSource(workload, "sgd(lr = 0.05, momentum = 0.9)"), 256);
  EXPECT_TRUE(compiled.ok()) << compiled.error;
  if (!compiled.ok())
    return {};
  std::string error;
  std::optional<nas::Dataset> train = nas::loadIDXDirectory(kFashionMNIST, true, error);
  std::optional<nas::Dataset> test = nas::loadIDXDirectory(kFashionMNIST, false, error);
  EXPECT_TRUE(train && test) << error;
  if (!train || !test)
    return {};
  nas::Model model(compiled.program(), seed);
  nas::TrainOptions options;
  options.epochs = epochs;
  options.lr = 0.05;
  options.validation = 0;
  options.seed = seed;
  return nas::train(model, *train, *test, options);
}

TEST(Accuracy, W1UnderTheReferenceProtocol) {
  // One run is not a measure: OpenBLAS picks its kernels by CPU, and the
  // rounding that follows moves a single seed's accuracy by about a point
  // (seed 0 gave 0.8552 on one machine of this kind and 0.8463 on another,
  // where seeds 0-5 gave 0.8463, 0.8619, 0.8542, 0.8612, 0.8586, 0.8622).
  double sum = 0;
  for (uint64_t seed = 0; seed < 4; ++seed) {
    nas::TrainResult r = trainWorkload("W1", seed, /*epochs=*/3);
    ASSERT_FALSE(r.diverged) << "seed " << seed;
    EXPECT_GE(r.testAccuracy, 0.84) << "seed " << seed;
    sum += r.testAccuracy;
  }
  EXPECT_GE(sum / 4, 0.85);
}

TEST(Accuracy, W1AfterTwoEpochsAsPyTorchOverSixSeeds) {
  double sum = 0;
  for (uint64_t seed = 0; seed < 6; ++seed) {
    nas::TrainResult r = trainWorkload("W1", seed);
    ASSERT_FALSE(r.diverged) << "seed " << seed;
    EXPECT_GE(r.testAccuracy, 0.83) << "seed " << seed; // PyTorch's worst of the six: 0.8308
    sum += r.testAccuracy;
  }
  EXPECT_GE(sum / 6, 0.845); // PyTorch's mean: 0.8453
}

TEST(Accuracy, W2AfterTwoEpochs) {
  nas::TrainResult r = trainWorkload("W2", 0);
  ASSERT_FALSE(r.diverged);
  EXPECT_GE(r.testAccuracy, 0.88);
}

} // namespace
