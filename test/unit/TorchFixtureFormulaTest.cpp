//===- TorchFixtureFormulaTest.cpp - The PyTorch fixture and its formulas -===//
//
// test/fixtures/torch_w1_w2.safetensors (written by make_torch_fixture.py)
// has the shapes W1 and W2 have, and TorchFixture.h computes the parameters
// and the batch the way the script did: the sums of the parameters match the
// ones the script recorded, and the batch and labels match the stored ones.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "TorchFixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace {

using namespace nas::test;

const nas::TensorFile &fixture() {
  static const nas::TensorFile file = [] {
    std::string error;
    std::optional<nas::TensorFile> f = openTorchFixture(error);
    if (!f) {
      ADD_FAILURE() << error;
      return nas::TensorFile();
    }
    return *f;
  }();
  return file;
}

const std::string *metadata(const std::string &key) {
  auto it = fixture().metadata.find(key);
  return it == fixture().metadata.end() ? nullptr : &it->second;
}

void checkWorkload(const std::string &workload) {
  const nas::TensorFile &file = fixture();
  ASSERT_FALSE(file.tensors.empty());
  std::string error;

  const nas::Tensor *input = file.find(workload + ".input");
  ASSERT_TRUE(input);
  EXPECT_EQ(input->shape, (std::vector<int64_t>{kTorchFixtureBatch, 1, 28, 28}));
  std::optional<std::vector<float>> inputValues = nas::tensorAsFloats(*input, error);
  ASSERT_TRUE(inputValues) << error;
  EXPECT_EQ(*inputValues, fixtureInput(kTorchFixtureBatch * 28 * 28));

  const nas::Tensor *labels = file.find(workload + ".labels");
  ASSERT_TRUE(labels);
  EXPECT_EQ(labels->shape, (std::vector<int64_t>{kTorchFixtureBatch}));
  std::optional<std::vector<int32_t>> labelValues = nas::tensorAsInt32(*labels, error);
  ASSERT_TRUE(labelValues) << error;
  EXPECT_EQ(*labelValues, fixtureLabels(kTorchFixtureBatch));

  const nas::Tensor *logits = file.find(workload + ".logits");
  ASSERT_TRUE(logits);
  EXPECT_EQ(logits->shape, (std::vector<int64_t>{kTorchFixtureBatch, kTorchFixtureClasses}));
  const nas::Tensor *loss = file.find(workload + ".loss");
  ASSERT_TRUE(loss);
  EXPECT_EQ(loss->shape, (std::vector<int64_t>{1}));
  std::optional<std::vector<float>> lossValue = nas::tensorAsFloats(*loss, error);
  ASSERT_TRUE(lossValue) << error;
  // Small initial weights: close to ln(10), the loss of a uniform guess.
  EXPECT_NEAR((*lossValue)[0], std::log(10.0), 0.1);

  std::vector<FixtureParameterInfo> params = fixtureParameters(workload);
  ASSERT_FALSE(params.empty());
  for (size_t k = 0; k < params.size(); ++k) {
    std::string key = std::to_string(k);
    SCOPED_TRACE(workload + " parameter " + key);
    const FixtureParameterInfo &p = params[k];
    const nas::Tensor *grad = file.find(workload + ".grad." + key);
    ASSERT_TRUE(grad);
    EXPECT_EQ(grad->dtype, "F32");
    EXPECT_EQ(grad->shape, p.shape);
    EXPECT_EQ(grad->elementCount() * 4, int64_t(grad->bytes.size()));
    const std::string *name = metadata(workload + ".param." + key);
    ASSERT_TRUE(name);
    EXPECT_EQ(*name, p.torchName);
    const std::string *fanIn = metadata(workload + ".fan_in." + key);
    ASSERT_TRUE(fanIn);
    EXPECT_EQ(*fanIn, std::to_string(p.fanIn));
    if (p.shape.size() >= 2) {
      EXPECT_EQ(fixtureFanIn(p.shape), p.fanIn);
    }

    // The formula, summed as the script summed it: in index order, in double.
    std::vector<float> values = fixtureParameter(int64_t(k), grad->shape, p.fanIn);
    ASSERT_EQ(int64_t(values.size()), grad->elementCount());
    double sum = 0;
    for (float v : values)
      sum += v;
    const std::string *recorded = metadata(workload + ".param_sum." + key);
    ASSERT_TRUE(recorded);
    double expected = std::strtod(recorded->c_str(), nullptr);
    EXPECT_NEAR(sum, expected, 1e-6 * std::abs(expected)) << "recorded " << *recorded;
  }
  // No parameter beyond those.
  EXPECT_EQ(file.find(workload + ".grad." + std::to_string(params.size())), nullptr);
  EXPECT_EQ(metadata(workload + ".param." + std::to_string(params.size())), nullptr);
}

TEST(TorchFixture, W1MatchesTheFormula) { checkWorkload("W1"); }

TEST(TorchFixture, W2MatchesTheFormula) { checkWorkload("W2"); }

// The script lays the file out as nasc's writer does.
TEST(TorchFixture, WrittenInTheCanonicalLayout) {
  std::ifstream in(torchFixturePath(), std::ios::binary);
  ASSERT_TRUE(in) << torchFixturePath();
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string error;
  std::optional<nas::TensorFile> parsed = nas::parseSafeTensors(bytes, error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_TRUE(nas::serializeSafeTensors(*parsed) == bytes);
}

} // namespace
