//===- CudaPlanTest.cpp - The CUDA plan against the CPU path, without a GPU -===//
//
// The candidate is lowered by nn-lower-cuda as for the GPU; EmulatedCUDA
// runs that plan on this CPU (its kernels compiled for the host, cuBLAS as
// OpenBLAS column-major, cuDNN as the CPU conv kernels). From the same
// parameters and the same batch of Fashion-MNIST, one SGD step (momentum,
// weight decay) must leave the same loss, parameters and momentum buffers
// as the CPU path's step, and inference the same logits. This checks the
// plan (offsets, product shapes and transposes, step order) and the
// kernels' arithmetic; the GPU itself is checked by bench/device.
//
//===----------------------------------------------------------------------===//
#include "EmulateCUDA.h"
#include "TrainingFixtures.h"

#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/Trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numeric>

namespace {

using namespace nas::test;

const nas::Dataset &fashion() {
  static std::optional<nas::Dataset> data = [] {
    std::string error;
    return nas::loadIDXDirectory(nas::datasetDirectory("fashion_mnist"), true, error);
  }();
  return *data;
}

void copySlot(nas::Model &model, char *arena, const nas::CudaPlan &plan, const nas::ProgramSlot &slot) {
  const nas::ProgramSlot *there = plan.find(slot.name);
  ASSERT_TRUE(there) << slot.name;
  ASSERT_EQ(there->bytes, slot.bytes) << slot.name;
  std::memcpy(arena + there->offset, model.slot(slot.name), slot.bytes);
}

void expectSlotClose(nas::Model &model, char *arena, const nas::CudaPlan &plan, const nas::ProgramSlot &slot,
                     int64_t rows) {
  const float *cpu = model.slot(slot.name);
  const float *gpu = reinterpret_cast<const float *>(arena + plan.find(slot.name)->offset);
  int64_t count = slot.elements(rows);
  double sumSquares = 0;
  for (int64_t i = 0; i < count; ++i)
    sumSquares += double(cpu[i]) * cpu[i];
  double rms = std::sqrt(sumSquares / std::max<int64_t>(1, count));
  int64_t bad = 0, worst = 0;
  double worstRatio = 0;
  for (int64_t i = 0; i < count; ++i) {
    double ratio = std::abs(double(gpu[i]) - cpu[i]) / (1e-4 * (std::abs(cpu[i]) + rms) + 1e-12);
    bad += ratio > 1;
    if (ratio > worstRatio)
      worstRatio = ratio, worst = i;
  }
  EXPECT_EQ(bad, 0) << slot.name << ": " << bad << " of " << count << " differ; worst [" << worst << "] plan "
                    << gpu[worst] << ", CPU " << cpu[worst];
}

void checkAgainstCPU(const std::string &source, const std::string &workload, int steps = 2) {
  const int64_t batch = 64;
  CompiledProgram cpu = compileModel(source, batch);
  ASSERT_TRUE(cpu.ok()) << cpu.error;
  std::string error;
  std::unique_ptr<nas::EmulatedCUDA> gpu = nas::EmulatedCUDA::create(*cpu.candidate, batch, error);
  ASSERT_TRUE(gpu) << error;
  const nas::CudaPlan &plan = gpu->plan();
  nas::Model model(cpu.program(), 3);
  for (const nas::ProgramSlot &s : cpu.program().slots)
    if (s.role == "param" || s.role == "state" || s.role == "moment")
      copySlot(model, gpu->arena(), plan, s);
  std::vector<int64_t> samples(fashion().count);
  std::iota(samples.begin(), samples.end(), 0);
  // Two steps: the first fills the momentum buffers, the second uses them.
  for (int step = 1; step <= steps; ++step) {
    size_t begin = (step - 1) * batch;
    float loss = model.step(fashion(), samples, begin, begin + batch, 0.05f);
    for (const char *name : {"input", "labels", "lr", "step"})
      copySlot(model, gpu->arena(), plan, *cpu.program().find(name));
    ASSERT_TRUE(gpu->trainStep(batch, error)) << error;
    float planLoss = *reinterpret_cast<float *>(gpu->arena() + plan.find("loss")->offset);
    EXPECT_NEAR(planLoss, loss, 1e-5 * std::abs(loss)) << workload << " step " << step;
    for (const nas::ProgramSlot &s : cpu.program().slots)
      if (s.role == "param" || s.role == "moment")
        expectSlotClose(model, gpu->arena(), plan, s, batch);
  }
  // Inference on the next batch.
  std::vector<int64_t> next(samples.begin() + 2 * batch, samples.begin() + 3 * batch);
  model.evaluate(fashion(), next);
  copySlot(model, gpu->arena(), plan, *cpu.program().find("input"));
  ASSERT_TRUE(gpu->infer(batch, error)) << error;
  expectSlotClose(model, gpu->arena(), plan, *cpu.program().find("logits"), batch);
}

std::string workload(const std::string &name) {
  return workloadSource(name, "sgd(lr = 0.05, momentum = 0.9, weight_decay = 0.001)");
}

TEST(CudaPlan, W1StepsAndInfersAsTheCPUPath) { checkAgainstCPU(workload("W1"), "W1"); }
TEST(CudaPlan, W2StepsAndInfersAsTheCPUPath) { checkAgainstCPU(workload("W2"), "W2"); }

// Batch norm (its running statistics, its gradient), dropout (the same
// masks as the CPU's, bit for bit), concat and its slices, average and
// global average pooling, gelu, layer norm.
TEST(CudaPlan, NormalizationDropoutAndConcatStepAsTheCPUPath) {
  checkAgainstCPU(R"(
model m(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  h = relu(batchnorm(conv2d(x, 8, kernel = 3, bias = false)))
  h = maxpool(h, kernel = 2)
  a = conv2d(h, 4, kernel = 1)
  b = gelu(conv2d(h, 6, kernel = 3))
  h = concat(a, b)
  g = global_avgpool(h)
  h = dropout(flatten(avgpool(h, kernel = 2)), 0.3)
  return dense(layernorm(concat(h, g)), 10)
}
train {
  data = fashion_mnist
  batch = 64
  optimizer = sgd(lr = 0.05, momentum = 0.9)
}
)",
                  "normalization net");
}

// Adam on W1, one step. Adam divides each gradient by its own scale, so
// wherever rounding decides a relu's gate, or a gradient is within eps of
// zero, the two paths part by about lr: eps is large and the comparison stops
// after the first step, which checks the formula (moments, bias correction,
// weight decay).
TEST(CudaPlan, AdamStepsAsTheCPUPath) {
  checkAgainstCPU(workloadSource("W1", "adam(lr = 0.001, eps = 0.001, weight_decay = 0.0001)"), "W1 with Adam", 1);
}

// A batch gathered by the plan's kernels from the data set (resident on
// the device on a GPU) is the one the CPU gathers.
TEST(CudaPlan, GathersBatchesAsTheCPU) {
  CompiledProgram cpu = compileModel(workload("W2"), 64);
  ASSERT_TRUE(cpu.ok()) << cpu.error;
  std::string error;
  std::unique_ptr<nas::EmulatedCUDA> gpu = nas::EmulatedCUDA::create(*cpu.candidate, 64, error);
  ASSERT_TRUE(gpu) << error;
  std::vector<int64_t> samples;
  for (int64_t i = 0; i < 100; ++i)
    samples.push_back((i * 7919) % fashion().count);
  ASSERT_TRUE(gpu->gather(fashion(), samples, 30, 94, error)) << error;
  std::vector<float> images(64 * 784);
  std::vector<int32_t> labels(64);
  nas::gatherBatch(fashion(), samples, 30, 94, images.data(), labels.data());
  const nas::CudaPlan &plan = gpu->plan();
  EXPECT_EQ(std::memcmp(gpu->arena() + plan.find("input")->offset, images.data(), images.size() * 4), 0);
  EXPECT_EQ(std::memcmp(gpu->arena() + plan.find("labels")->offset, labels.data(), labels.size() * 4), 0);
}

TEST(CudaPlan, ReadErrorsNameTheStep) {
  std::string error;
  EXPECT_FALSE(nas::parseCudaPlan("[]", error));
  EXPECT_EQ(error, "the plan is not a JSON object");
  EXPECT_FALSE(nas::parseCudaPlan(R"({"format": "other"})", error));
  EXPECT_EQ(error, "not a nasc CUDA plan of version 1 (format \"nasc-cuda-plan\", version 1)");
  std::string head = R"({"format": "nasc-cuda-plan", "version": 1, "batch": 4, "arena_bytes": 64, "infer": [], )";
  EXPECT_FALSE(nas::parseCudaPlan(head + R"("train_step": [{"kind": "launch", "kernel": "k", "threads": "n",
                                     "args": ["@0", "x"]}]})",
                                  error));
  EXPECT_EQ(error, "train_step step 1: 'arg' is 'x', not @OFFSET, #V, n or n*K");
  EXPECT_FALSE(nas::parseCudaPlan(head + R"("train_step": [{"kind": "gemm", "transa": "Q"}]})", error));
  EXPECT_EQ(error, "train_step step 1: 'transa' must be \"N\" or \"T\"");
  EXPECT_FALSE(nas::parseCudaPlan(head + R"("slots": [{"name": "w", "offset": 60, "bytes": 8}], "train_step": []})",
                                  error));
  EXPECT_EQ(error, "slot 'w' is not inside the arena");
  // Found by the fuzzer: a float where an integer belongs must not convert.
  EXPECT_FALSE(nas::parseCudaPlan(R"({"format": "nasc-cuda-plan", "version": 1, "batch": 6.4e95})", error));
  EXPECT_EQ(error, "the plan: 'batch' must be an integer from 0 to 2^40");
  auto plan = nas::parseCudaPlan(head + R"("train_step": [{"kind": "conv_forward", "x": "@0", "w": "#3", "y": "n*7",
                                     "shape": "1 2 3 4 5 6 7 8 9 10 11 12"}]})",
                                 error);
  ASSERT_TRUE(plan) << error;
  EXPECT_EQ(plan->trainStep[0].y.at(5), 35);
  EXPECT_EQ(plan->trainStep[0].shape[11], 12);
}

} // namespace
