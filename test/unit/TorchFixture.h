//===- TorchFixture.h - PyTorch's gradients for W1 and W2 -------*- C++ -*-===//
//
// test/fixtures/torch_w1_w2.safetensors holds PyTorch's logits, loss and
// parameter gradients for one batch through the benchmark networks W1 (MLP)
// and W2 (CNN); test/fixtures/README.md describes it. The parameters and the
// batch are not random but set by formulas, which this header computes the
// same way as test/fixtures/make_torch_fixture.py.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_TEST_TORCHFIXTURE_H
#define NAS_TEST_TORCHFIXTURE_H

#include "nas/Runtime/SafeTensors.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nas::test {

/// Samples in the fixture's batch, and its classes.
inline constexpr int64_t kTorchFixtureBatch = 8;
inline constexpr int64_t kTorchFixtureClasses = 10;

/// fan_in of a weight: shape[1] * prod(shape[2:]) (a Linear's in_features, a
/// Conv2d's in_channels * kernel area).
inline int64_t fixtureFanIn(const std::vector<int64_t> &weightShape) {
  int64_t fan = weightShape.size() > 1 ? weightShape[1] : 1;
  for (size_t d = 2; d < weightShape.size(); ++d)
    fan *= weightShape[d];
  return fan;
}

/// The k-th parameter tensor of model.parameters(), flattened row-major:
/// element i is float32((1/sqrt(fanIn)) * sin(0.7*i + 1.3*k + 0.1)), the
/// expression evaluated in double left to right.
inline std::vector<float> fixtureParameter(int64_t k, const std::vector<int64_t> &shape, int64_t fanIn) {
  int64_t count = 1;
  for (int64_t d : shape)
    count *= d;
  double scale = 1.0 / std::sqrt(static_cast<double>(fanIn));
  std::vector<float> values(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    double angle = 0.7 * static_cast<double>(i);
    angle += 1.3 * static_cast<double>(k);
    angle += 0.1;
    values[static_cast<size_t>(i)] = static_cast<float>(scale * std::sin(angle));
  }
  return values;
}

/// The first `count` elements of the flattened input batch [8,1,28,28]:
/// element i is float32(0.5 + 0.5*sin(0.013*i)).
inline std::vector<float> fixtureInput(int64_t count) {
  std::vector<float> values(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i)
    values[static_cast<size_t>(i)] = static_cast<float>(0.5 + 0.5 * std::sin(0.013 * static_cast<double>(i)));
  return values;
}

/// The labels of the first `n` samples: sample i has class i*3 % 10.
inline std::vector<int32_t> fixtureLabels(int64_t n) {
  std::vector<int32_t> labels(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i)
    labels[static_cast<size_t>(i)] = static_cast<int32_t>(i * 3 % kTorchFixtureClasses);
  return labels;
}

/// One parameter of a fixture network, in model.parameters() order.
struct FixtureParameterInfo {
  std::string torchName; // "1.weight"
  std::vector<int64_t> shape;
  int64_t fanIn;
};

/// The parameters of "W1" or "W2" (empty for another name).
inline std::vector<FixtureParameterInfo> fixtureParameters(std::string_view workload) {
  if (workload == "W1")
    return {{"1.weight", {256, 784}, 784}, {"1.bias", {256}, 784},       {"3.weight", {256, 256}, 256},
            {"3.bias", {256}, 256},        {"5.weight", {10, 256}, 256}, {"5.bias", {10}, 256}};
  if (workload == "W2")
    return {{"0.weight", {32, 1, 3, 3}, 9},    {"0.bias", {32}, 9},
            {"3.weight", {64, 32, 3, 3}, 288}, {"3.bias", {64}, 288},
            {"7.weight", {128, 3136}, 3136},   {"7.bias", {128}, 3136},
            {"9.weight", {10, 128}, 128},      {"9.bias", {10}, 128}};
  return {};
}

inline std::string torchFixturePath() {
  return std::string(NASC_SOURCE_DIR) + "/test/fixtures/torch_w1_w2.safetensors";
}

/// Reads the fixture from the source tree; nullopt and `error` on failure.
inline std::optional<TensorFile> openTorchFixture(std::string &error) {
  return readSafeTensors(torchFixturePath(), error);
}

} // namespace nas::test

#endif // NAS_TEST_TORCHFIXTURE_H
