//===- DatasetTest.cpp - IDX and CSV data, splits and batches -------------===//
//
// Real data: Fashion-MNIST from Debian's dataset-fashion-mnist package, and
// real files written to a temporary directory for the broken cases.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/Trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>

namespace {

const char *kFashion = "/usr/share/datasets/fashion-mnist";

std::vector<uint8_t> header(uint32_t magic, std::initializer_list<uint32_t> fields) {
  std::vector<uint8_t> bytes;
  for (uint32_t v : std::vector<uint32_t>{magic}) {
    for (int shift = 24; shift >= 0; shift -= 8)
      bytes.push_back(uint8_t(v >> shift));
  }
  for (uint32_t v : fields)
    for (int shift = 24; shift >= 0; shift -= 8)
      bytes.push_back(uint8_t(v >> shift));
  return bytes;
}

TEST(Dataset, FashionMNISTFromDebian) {
  if (!std::filesystem::exists(kFashion))
    GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  std::string error;
  std::optional<nas::Dataset> train = nas::loadIDXDirectory(kFashion, true, error);
  ASSERT_TRUE(train) << error;
  EXPECT_EQ(train->count, 60000);
  EXPECT_EQ(train->height, 28);
  EXPECT_EQ(train->width, 28);
  EXPECT_EQ(train->classes, 10);
  // The first training image of Fashion-MNIST is an ankle boot (class 9).
  EXPECT_EQ(train->labels[0], 9);
  EXPECT_EQ(train->images.size(), 60000u * 784u);
  float lo = *std::min_element(train->images.begin(), train->images.end());
  float hi = *std::max_element(train->images.begin(), train->images.end());
  EXPECT_EQ(lo, 0.0f);
  EXPECT_EQ(hi, 1.0f);
  // Balanced classes: 6,000 of each.
  std::vector<int> perClass(10, 0);
  for (int32_t l : train->labels)
    ++perClass[l];
  for (int n : perClass)
    EXPECT_EQ(n, 6000);
  std::optional<nas::Dataset> test = nas::loadIDXDirectory(kFashion, false, error);
  ASSERT_TRUE(test) << error;
  EXPECT_EQ(test->count, 10000);
}

TEST(Dataset, BrokenIDXFilesAreNamedErrors) {
  std::string error;
  std::vector<uint8_t> labels = header(0x801, {2});
  labels.push_back(3);
  labels.push_back(4);
  std::vector<uint8_t> images = header(0x803, {2, 2, 2});
  images.insert(images.end(), {0, 255, 0, 255, 1, 2, 3, 4});
  std::optional<nas::Dataset> ok = nas::parseIDX(images, labels, error);
  ASSERT_TRUE(ok) << error;
  EXPECT_FLOAT_EQ(ok->images[1], 1.0f);
  EXPECT_EQ(ok->labels[1], 4);
  EXPECT_EQ(ok->classes, 5);

  std::vector<uint8_t> wrongMagic = images;
  wrongMagic[3] = 0x01;
  EXPECT_FALSE(nas::parseIDX(wrongMagic, labels, error));
  EXPECT_EQ(error, "the image file is not an IDX image file (magic 0x00000803 expected)");

  std::vector<uint8_t> truncated(images.begin(), images.end() - 3);
  EXPECT_FALSE(nas::parseIDX(truncated, labels, error));
  EXPECT_EQ(error, "the image file is truncated: 2 images of 2x2 pixels need more than the 5 bytes present");

  std::vector<uint8_t> moreLabels = header(0x801, {3});
  moreLabels.insert(moreLabels.end(), {1, 2, 3});
  EXPECT_FALSE(nas::parseIDX(images, moreLabels, error));
  EXPECT_EQ(error, "the image file has 2 images but the label file 3 labels");

  // A header that claims 2^32 x 2^32 x 2^32 pixels must not overflow.
  std::vector<uint8_t> huge = header(0x803, {0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF});
  std::vector<uint8_t> hugeLabels = header(0x801, {0xFFFFFFFF});
  EXPECT_FALSE(nas::parseIDX(huge, hugeLabels, error));
  EXPECT_NE(error.find("truncated"), std::string::npos);
}

TEST(Dataset, DirectoryErrors) {
  std::string error;
  EXPECT_FALSE(nas::loadIDXDirectory("/nonexistent/data", true, error));
  EXPECT_EQ(error, "'/nonexistent/data' is not a directory");
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "nasc-empty-data";
  std::filesystem::create_directories(dir);
  EXPECT_FALSE(nas::loadIDXDirectory(dir.string(), true, error));
  EXPECT_NE(error.find("has no train-images-idx3-ubyte(.gz)"), std::string::npos) << error;
  // A plain (not gzip) file with the wrong magic is reported with its path.
  std::ofstream(dir / "train-images-idx3-ubyte") << "not an idx file at all";
  std::ofstream(dir / "train-labels-idx1-ubyte") << "nor is this one";
  EXPECT_FALSE(nas::loadIDXDirectory(dir.string(), true, error));
  EXPECT_NE(error.find("train-images-idx3-ubyte: the image file is not an IDX image file"), std::string::npos) << error;
  std::filesystem::remove_all(dir);
}

TEST(Dataset, CSV) {
  std::string error;
  std::optional<nas::Dataset> data = nas::parseCSV("label,p0,p1,p2,p3\n1,0,255,0,0\n0,255,255,0,0\n", error);
  ASSERT_TRUE(data) << error;
  EXPECT_EQ(data->count, 2);
  EXPECT_EQ(data->height, 2);
  EXPECT_EQ(data->width, 2);
  EXPECT_EQ(data->labels[0], 1);
  EXPECT_FLOAT_EQ(data->images[4], 1.0f);
  EXPECT_FALSE(nas::parseCSV("label,p0\n1,x\n", error));
  EXPECT_EQ(error, "line 2, column 2: 'x' is not a number");
  EXPECT_FALSE(nas::parseCSV("label,p0,p1\n1,2\n", error));
  EXPECT_EQ(error, "line 2 has 2 columns, the header 3");
  EXPECT_FALSE(nas::parseCSV("label,p0\n-1,2\n", error));
  EXPECT_EQ(error, "line 2: the label '-1' is not a class number");
}

TEST(Dataset, SplitIsSeededAndDisjoint) {
  nas::Split a = nas::splitIndices(1000, 0.1, 42), b = nas::splitIndices(1000, 0.1, 42);
  nas::Split c = nas::splitIndices(1000, 0.1, 43);
  EXPECT_EQ(a.train, b.train);
  EXPECT_EQ(a.validation, b.validation);
  EXPECT_NE(a.validation, c.validation);
  EXPECT_EQ(a.train.size(), 900u);
  EXPECT_EQ(a.validation.size(), 100u);
  std::set<int64_t> all(a.train.begin(), a.train.end());
  all.insert(a.validation.begin(), a.validation.end());
  EXPECT_EQ(all.size(), 1000u);
}

TEST(Dataset, ShuffleIsAPermutationPerEpoch) {
  std::vector<int64_t> base(100);
  std::iota(base.begin(), base.end(), 0);
  std::vector<int64_t> e1 = base, e1again = base, e2 = base;
  nas::shuffleIndices(e1, 7, 1);
  nas::shuffleIndices(e1again, 7, 1);
  nas::shuffleIndices(e2, 7, 2);
  EXPECT_EQ(e1, e1again);
  EXPECT_NE(e1, e2);
  EXPECT_NE(e1, base);
  std::vector<int64_t> sorted = e1;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, base);
}

TEST(Dataset, GatherBatch) {
  std::string error;
  std::optional<nas::Dataset> data = nas::parseCSV("l,a,b\n0,0,51\n1,102,153\n2,204,255\n", error);
  ASSERT_TRUE(data) << error;
  std::vector<int64_t> order = {2, 0, 1};
  std::vector<float> images(4);
  std::vector<int32_t> labels(2);
  nas::gatherBatch(*data, order, 0, 2, images.data(), labels.data());
  EXPECT_EQ(labels, (std::vector<int32_t>{2, 0}));
  EXPECT_FLOAT_EQ(images[0], 0.8f);
  EXPECT_FLOAT_EQ(images[3], 0.2f);
}

} // namespace

// The learning-rate schedules of the trainer.
TEST(Schedule, ConstantAndCosine) {
  nas::TrainOptions o;
  o.lr = 0.1;
  o.epochs = 2;
  EXPECT_DOUBLE_EQ(nas::learningRate(o, 2, 99, 100), 0.1);
  o.schedule = "cosine";
  EXPECT_DOUBLE_EQ(nas::learningRate(o, 1, 0, 100), 0.1);    // starts at lr
  EXPECT_NEAR(nas::learningRate(o, 2, 0, 100), 0.05, 1e-12); // half way: lr / 2
  EXPECT_NEAR(nas::learningRate(o, 2, 99, 100), 0.1 * 0.5 * (1 + std::cos(M_PI * 199 / 200)), 1e-15);
  EXPECT_GT(nas::learningRate(o, 1, 50, 100), nas::learningRate(o, 1, 51, 100)); // decreasing
}
