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
// plan.json itself: the runtime's one printer and one parser agree (a plan
// reads back as it was printed, a text prints back as it was read), and
// read errors name the step and the field.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "CudaLowering.h"
#include "EmulateCUDA.h"
#include "TrainingFixtures.h"

#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/Trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numeric>
#include <set>

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

// plan.json as nasc writes it: each kind of step and of operand, a
// parameter's slot and a batch-sized one.
const char *const kPlanText = R"({
 "arena_bytes": 4096,
 "batch": 4,
 "candidate": "c0ffee",
 "chip": "sm_90",
 "format": "nasc-cuda-plan",
 "gather_labels": "k2_gather_labels",
 "gather_rows": "k1_gather_rows",
 "infer": [
  {
   "kind": "conv_forward",
   "shape": "1 2 2 4 2 2 1 1 1 0 1 1",
   "w": "@0",
   "x": "@64",
   "y": "@512"
  },
  {
   "kind": "conv_backward_data",
   "shape": "1 2 2 4 2 2 1 1 1 0 1 1",
   "w": "@0",
   "x": "@1024",
   "y": "@512"
  }
 ],
 "kernels": [
  "k0_act1",
  "k1_gather_rows",
  "k2_gather_labels"
 ],
 "slots": [
  {
   "bytes": 64,
   "fan_in": 4,
   "init": "kaiming_uniform",
   "name": "w",
   "offset": 0,
   "role": "param",
   "shape": [
    4,
    4
   ]
  },
  {
   "bytes": 64,
   "name": "input",
   "offset": 64,
   "role": "input",
   "shape": [
    -1,
    4
   ]
  }
 ],
 "train_step": [
  {
   "args": [
    "@64",
    "#4",
    "n",
    "n*2"
   ],
   "kernel": "k0_act1",
   "kind": "launch",
   "threads": "n*4"
  },
  {
   "a": "@0",
   "b": "@64",
   "c": "@128",
   "k": "#4",
   "kind": "gemm",
   "lda": "#4",
   "ldb": "#4",
   "ldc": "#4",
   "m": "#4",
   "n": "n",
   "transa": "T",
   "transb": "N"
  },
  {
   "kind": "conv_backward_filter",
   "shape": "1 2 2 4 2 2 1 1 1 0 1 1",
   "w": "@256",
   "x": "@64",
   "y": "@512"
  }
 ],
 "version": 1
})";

TEST(CudaPlan, PrintsTheTextItReads) {
  std::string error;
  std::optional<nas::CudaPlan> plan = nas::parseCudaPlan(kPlanText, error);
  ASSERT_TRUE(plan) << error;
  EXPECT_EQ(nas::printCudaPlan(*plan), kPlanText);
  // nlohmann reads 4 as an unsigned number: it is still a dimension.
  EXPECT_EQ(plan->slots[0].shape, (std::vector<int64_t>{4, 4}));
  EXPECT_EQ(plan->slots[1].shape, (std::vector<int64_t>{-1, 4}));
  EXPECT_EQ(plan->slots[1].elements(3), 12);
  ASSERT_EQ(plan->trainStep.size(), 3u);
  EXPECT_EQ(plan->trainStep[0].args,
            (std::vector<nas::PlanOperand>{nas::PlanOperand::arena(64), nas::PlanOperand::integer(4),
                                           nas::PlanOperand::rows(), nas::PlanOperand::rows(2)}));
  EXPECT_EQ(plan->trainStep[1].n, nas::PlanOperand::rows());
  EXPECT_EQ(plan->infer[1].kind, nas::PlanStep::Kind::ConvBackwardData);
}

TEST(CudaPlan, ReadsThePlanItPrints) {
  using nas::PlanOperand, nas::PlanStep;
  nas::CudaPlan plan;
  plan.chip = "sm_80", plan.candidate = "abc", plan.batch = 8, plan.arenaBytes = 1 << 20;
  nas::ProgramSlot weight{"w", "param", 0, 400, {10, 10}, "fan_in_uniform", 10};
  nas::ProgramSlot logits{"logits", "logits", 512, 320, {-1, 10}, "", 0};
  plan.slots = {weight, logits};
  plan.kernels = {"k0_relu", "k1_gather_rows", "k2_gather_labels"};
  plan.gatherRows = "k1_gather_rows", plan.gatherLabels = "k2_gather_labels";
  plan.trainStep = {PlanStep::launch("k0_relu", PlanOperand::rows(10), {PlanOperand::arena(512), PlanOperand::rows()}),
                    PlanStep::gemm(false, true, PlanOperand::integer(10), PlanOperand::integer(10), PlanOperand::rows(),
                                   PlanOperand::arena(1024), PlanOperand::integer(10), PlanOperand::arena(512),
                                   PlanOperand::integer(10), PlanOperand::arena(0), PlanOperand::integer(10))};
  plan.infer = {PlanStep::conv(PlanStep::Kind::ConvForward, PlanOperand::arena(2048), PlanOperand::arena(0),
                               PlanOperand::arena(4096), {1, 28, 28, 4, 28, 28, 3, 3, 1, 1, 1, 1})};
  std::string error;
  std::optional<nas::CudaPlan> read = nas::parseCudaPlan(nas::printCudaPlan(plan), error);
  ASSERT_TRUE(read) << error;
  EXPECT_EQ(*read, plan);
}

// What the compiler writes for W2 (nn-lower-cuda's steps read back from the
// module, the slots, the kernels) reads back and prints as it was.
TEST(CudaPlan, TheCompilersPlanPrintsAsWritten) {
  CompiledProgram cpu = compileModel(workload("W2"), 64);
  ASSERT_TRUE(cpu.ok()) << cpu.error;
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  nas::setUpCUDAContext(context);
  std::string error;
  mlir::OwningOpRef<mlir::ModuleOp> module = nas::lowerCandidateForCUDA(context, cpu.candidate->mlir(), 64, error);
  ASSERT_TRUE(module) << error;
  std::string text = nas::cudaPlanJSON(*module, "sm_90", cpu.candidate->hash());
  std::optional<nas::CudaPlan> plan = nas::parseCudaPlan(text, error);
  ASSERT_TRUE(plan) << error;
  EXPECT_EQ(nas::printCudaPlan(*plan), text);
  EXPECT_EQ(plan->find("input")->shape, (std::vector<int64_t>{-1, 1, 28, 28}));
  EXPECT_EQ(plan->kernels.size(), std::set<std::string>(plan->kernels.begin(), plan->kernels.end()).size());
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
  EXPECT_FALSE(
      nas::parseCudaPlan(head + R"("slots": [{"name": "w", "offset": 60, "bytes": 8}], "train_step": []})", error));
  EXPECT_EQ(error, "slot 'w' is not inside the arena");
  EXPECT_FALSE(nas::parseCudaPlan(
      head + R"("slots": [{"name": "w", "offset": 0, "bytes": 8, "shape": [-2]}], "train_step": []})", error));
  EXPECT_EQ(error, "slot 'w': 'shape' must hold -1 (the batch) and integers from 0 to 2^40");
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
