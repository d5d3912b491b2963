//===- GradientCheckTest.cpp - Autodiff against finite differences --------===//
//
// For every nn op, a small network around it is compiled for the CPU and
// its gradients (read off one SGD step with learning rate 1 and no
// momentum: g = p - p') are compared with central differences of the loss
// the compiled step reports. In f32: tolerance |fd - g| <= 0.03 * max(|fd|,
// |g|) + 2e-3 for eps = 1e-3 (relu and max pooling kinks are kept away by
// the random data; a kink between the two evaluations shows as one bad
// entry, so each tensor allows one).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "TrainingFixtures.h"

#include "nas/Runtime/Trainer.h"
#include "nas/Search/Random.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using nas::test::CompiledProgram;
using nas::test::compileModel;
using nas::test::randomDataset;

struct OpCase {
  const char *name;
  const char *input; // the model's input type
  const char *body;  // the model's statements, `h` the result
};

const OpCase kCases[] = {
    {"dense_tanh", "f32[N, 12]", "h = tanh(dense(x, 8))\n  h = dense(h, 3)"},
    {"relu", "f32[N, 12]", "h = relu(dense(x, 8))\n  h = dense(h, 3)"},
    {"gelu", "f32[N, 12]", "h = gelu(dense(x, 8))\n  h = dense(h, 3)"},
    {"sigmoid", "f32[N, 12]", "h = sigmoid(dense(x, 8))\n  h = dense(h, 3)"},
    {"silu", "f32[N, 12]", "h = silu(dense(x, 8))\n  h = dense(h, 3)"},
    {"identity_zero_add", "f32[N, 12]", "a = dense(x, 8)\n  h = add(identity(a), zero(a), tanh(a))\n  h = dense(h, 3)"},
    {"no_bias", "f32[N, 12]", "h = dense(tanh(dense(x, 8, bias = false)), 3, bias = false)"},
    {"conv", "f32[N, 2, 6, 6]", "h = tanh(conv2d(x, 4, kernel = 3, padding = 1))\n  h = dense(flatten(h), 3)"},
    {"conv_strided_grouped", "f32[N, 2, 7, 7]",
     "h = conv2d(x, 4, kernel = 3, stride = 2, padding = 2, dilation = 2, groups = 2)\n  h = dense(flatten(h), 3)"},
    {"conv_relu", "f32[N, 2, 6, 6]", "h = relu(conv2d(x, 4, kernel = 3))\n  h = dense(flatten(h), 3)"},
    {"maxpool", "f32[N, 2, 6, 6]", "h = maxpool(conv2d(x, 3, kernel = 3), kernel = 2)\n  h = dense(flatten(h), 3)"},
    {"maxpool_padded", "f32[N, 2, 6, 6]",
     "h = maxpool(conv2d(x, 3, kernel = 3), kernel = 3, stride = 2, padding = 1)\n  h = dense(flatten(h), 3)"},
    {"avgpool", "f32[N, 2, 6, 6]",
     "h = avgpool(conv2d(x, 3, kernel = 3), kernel = 3, stride = 1, padding = 1)\n  h = dense(flatten(h), 3)"},
    {"global_avgpool", "f32[N, 2, 6, 6]", "h = global_avgpool(conv2d(x, 4, kernel = 3))\n  h = dense(h, 3)"},
    {"batchnorm_4d", "f32[N, 2, 6, 6]", "h = batchnorm(conv2d(x, 3, kernel = 3))\n  h = dense(flatten(h), 3)"},
    {"batchnorm_2d", "f32[N, 12]", "h = tanh(batchnorm(dense(x, 8)))\n  h = dense(h, 3)"},
    {"layernorm", "f32[N, 12]", "h = tanh(layernorm(dense(x, 8)))\n  h = dense(h, 3)"},
    {"dropout", "f32[N, 12]", "h = dropout(tanh(dense(x, 8)), 0.25)\n  h = dense(h, 3)"},
    {"concat", "f32[N, 2, 6, 6]",
     "a = conv2d(x, 3, kernel = 3)\n  h = concat(a, tanh(a), conv2d(x, 2, kernel = 3))\n  h = dense(flatten(h), 3)"},
};

/// The loss of one step from the saved parameters (which it leaves as they were).
float lossAt(nas::Model &model, const CompiledProgram &compiled, const nas::Dataset &data,
             const std::vector<int64_t> &all) {
  compiled.restore(model);
  model.setSteps(0);
  return model.step(data, all, 0, all.size(), 1.0f);
}

/// Checks every parameter tensor of `compiled` on `data`, `perTensor`
/// entries of each (all when 0).
void checkGradients(const CompiledProgram &compiled, const nas::Dataset &data, size_t perTensor) {
  nas::Model model(compiled.program(), /*seed=*/7);
  std::vector<int64_t> all(data.count);
  for (int64_t i = 0; i < data.count; ++i)
    all[i] = i;
  compiled.save(model);
  lossAt(model, compiled, data, all);
  // g = p - p' (learning rate 1, no momentum, no weight decay)
  std::map<std::string, std::vector<float>> grads;
  for (const nas::ProgramSlot &slot : compiled.program().slots) {
    if (slot.role != "param")
      continue;
    const std::vector<float> &before = compiled.saved(slot.name);
    const float *after = model.slot(slot.name);
    std::vector<float> &g = grads[slot.name];
    for (size_t i = 0; i < before.size(); ++i)
      g.push_back(before[i] - after[i]);
  }
  const float eps = 1e-3f;
  nas::Random rng(3);
  for (const nas::ProgramSlot &slot : compiled.program().slots) {
    if (slot.role != "param")
      continue;
    const std::vector<float> &g = grads[slot.name];
    size_t count = perTensor ? std::min(perTensor, g.size()) : g.size();
    int bad = 0;
    std::string firstBad;
    for (size_t k = 0; k < count; ++k) {
      size_t i = perTensor ? rng.below(g.size()) : k;
      auto shifted = [&](float delta) {
        compiled.restore(model);
        model.slot(slot.name)[i] += delta;
        model.setSteps(0);
        float loss = model.step(data, all, 0, all.size(), 1.0f);
        return loss;
      };
      double fd = (static_cast<double>(shifted(eps)) - shifted(-eps)) / (2 * eps);
      double tolerance = 0.03 * std::max(std::abs(fd), std::abs(static_cast<double>(g[i]))) + 2e-3;
      if (std::abs(fd - g[i]) > tolerance && bad++ == 0)
        firstBad = slot.name + "[" + std::to_string(i) + "]: autodiff " + std::to_string(g[i]) +
                   ", finite differences " + std::to_string(fd);
    }
    EXPECT_LE(bad, 1) << bad << " of " << count << " entries differ; first " << firstBad;
  }
}

class OpGradient : public testing::TestWithParam<OpCase> {};

TEST_P(OpGradient, MatchesFiniteDifferences) {
  const OpCase &c = GetParam();
  std::string source = std::string("model m(x: ") + c.input + ") -> f32[N, 3] {\n  " + c.body +
                       "\n  return h\n}\n"
                       "train {\n  data = fashion_mnist\n  epochs = 1\n  batch = 6\n  optimizer = sgd(lr = 1)\n}\n";
  CompiledProgram compiled = compileModel(source, /*batch=*/6);
  ASSERT_TRUE(compiled.ok()) << compiled.error;
  const nas::ProgramSlot *input = compiled.program().find("input");
  nas::Dataset data = randomDataset(input->shape, /*count=*/6, /*classes=*/3, /*seed=*/11);
  checkGradients(compiled, data, 0);
}

INSTANTIATE_TEST_SUITE_P(EveryOp, OpGradient, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<OpCase> &info) { return std::string(info.param.name); });

// The two reference workloads, on a sample of each parameter tensor.
TEST(NetworkGradient, W1MatchesFiniteDifferences) {
  CompiledProgram compiled = compileModel(nas::test::workloadSource("W1", "sgd(lr = 1)"), 8);
  ASSERT_TRUE(compiled.ok()) << compiled.error;
  checkGradients(compiled, randomDataset({-1, 1, 28, 28}, 8, 10, 5), 40);
}

TEST(NetworkGradient, W2MatchesFiniteDifferences) {
  CompiledProgram compiled = compileModel(nas::test::workloadSource("W2", "sgd(lr = 1)"), 8);
  ASSERT_TRUE(compiled.ok()) << compiled.error;
  checkGradients(compiled, randomDataset({-1, 1, 28, 28}, 8, 10, 5), 40);
}

} // namespace
