//===- TorchAgreementTest.cpp - nasc's gradients against PyTorch's --------===//
//
// test/fixtures/torch_w1_w2.safetensors holds, for W1 and W2 with parameters
// and inputs set by a formula (test/unit/TorchFixture.h), PyTorch's logits,
// loss and every parameter gradient, computed in float64 by
// test/fixtures/make_torch_fixture.py. nasc computes the same in float32;
// each value must agree within 1e-4 relative: |ours - torch| <= 1e-4 *
// (|torch| + rms(torch tensor)), the rms term standing for values that
// cancel to near zero.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "TorchFixture.h"
#include "TrainingFixtures.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using namespace nas::test;

void expectClose(const std::vector<float> &ours, const std::vector<float> &torch, const std::string &what) {
  ASSERT_EQ(ours.size(), torch.size()) << what;
  double sumSquares = 0;
  for (float t : torch)
    sumSquares += static_cast<double>(t) * t;
  double rms = std::sqrt(sumSquares / std::max<size_t>(1, torch.size()));
  size_t bad = 0, worst = 0;
  double worstRatio = 0;
  for (size_t i = 0; i < ours.size(); ++i) {
    double allowed = 1e-4 * (std::abs(torch[i]) + rms);
    double ratio = std::abs(static_cast<double>(ours[i]) - torch[i]) / allowed;
    bad += ratio > 1;
    if (ratio > worstRatio)
      worstRatio = ratio, worst = i;
  }
  EXPECT_EQ(bad, 0u) << what << ": " << bad << " of " << ours.size() << " values differ; worst [" << worst << "] ours "
                     << ours[worst] << ", PyTorch " << torch[worst];
}

void checkWorkload(const std::string &workload) {
  std::string error;
  std::optional<nas::TensorFile> fixture = openTorchFixture(error);
  ASSERT_TRUE(fixture) << error;
  auto floats = [&](const std::string &name) {
    const nas::Tensor *t = fixture->find(name);
    EXPECT_TRUE(t) << name;
    std::string why;
    return t ? *nas::tensorAsFloats(*t, why) : std::vector<float>();
  };
  // SGD with momentum: after the first step the momentum buffer is exactly
  // the gradient.
  CompiledProgram compiled =
      compileModel(workloadSource(workload, "sgd(lr = 0.5, momentum = 0.9)"), kTorchFixtureBatch);
  ASSERT_TRUE(compiled.ok()) << compiled.error;
  nas::Model model(compiled.program(), 0);
  std::vector<FixtureParameterInfo> params = fixtureParameters(workload);
  std::vector<const nas::ProgramSlot *> slots;
  for (const nas::ProgramSlot &slot : compiled.program().slots)
    if (slot.role == "param")
      slots.push_back(&slot);
  ASSERT_EQ(slots.size(), params.size());
  for (size_t k = 0; k < params.size(); ++k) {
    ASSERT_EQ(slots[k]->shape, params[k].shape) << slots[k]->name << " vs PyTorch's " << params[k].torchName;
    std::vector<float> values = fixtureParameter(static_cast<int64_t>(k), params[k].shape, params[k].fanIn);
    std::copy(values.begin(), values.end(), model.slot(slots[k]->name));
  }
  nas::Dataset batch;
  batch.count = kTorchFixtureBatch;
  batch.height = batch.width = 28;
  batch.classes = kTorchFixtureClasses;
  batch.images = fixtureInput(kTorchFixtureBatch * 784);
  batch.labels = fixtureLabels(kTorchFixtureBatch);

  nas::Evaluation eval = model.evaluate(batch, {});
  const float *logits = model.slot("logits");
  expectClose(std::vector<float>(logits, logits + kTorchFixtureBatch * kTorchFixtureClasses),
              floats(workload + ".logits"), workload + " logits");
  std::vector<int64_t> all(kTorchFixtureBatch);
  for (int64_t i = 0; i < kTorchFixtureBatch; ++i)
    all[i] = i;
  float loss = model.step(batch, all, 0, all.size(), 0.5f);
  expectClose({loss}, floats(workload + ".loss"), workload + " loss");
  EXPECT_NEAR(eval.loss, floats(workload + ".loss")[0], 1e-4) << "the runtime's own evaluation";
  for (size_t k = 0; k < params.size(); ++k) {
    const float *g = model.slot(slots[k]->name + ".momentum_buffer");
    std::vector<float> grad(g, g + slots[k]->elements(kTorchFixtureBatch));
    expectClose(grad, floats(workload + ".grad." + std::to_string(k)),
                workload + " gradient of " + slots[k]->name + " (PyTorch's " + params[k].torchName + ")");
  }
}

TEST(TorchAgreement, W1LogitsLossAndGradients) { checkWorkload("W1"); }
TEST(TorchAgreement, W2LogitsLossAndGradients) { checkWorkload("W2"); }

} // namespace
