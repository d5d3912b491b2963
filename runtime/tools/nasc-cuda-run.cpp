//===- nasc-cuda-run.cpp - Train a compiled CUDA plan, without LLVM -------===//
//
// The GPU machine has no LLVM: `nasc compile --device cuda -o DIR` runs
// here, and this small tool (the runtime alone) runs DIR there.
//
//   nasc-cuda-run DIR --data IDX_DIR [--epochs 2] [--seed 0] [--lr 0.05]
//       trains as `nasc train` does and prints one JSON object;
//   nasc-cuda-run DIR --data IDX_DIR --step-check REF.safetensors
//       one SGD step from the seed's parameters on the first batch, each
//       parameter compared with REF (the CPU path's, from nasc-cuda-reference);
//   nasc-cuda-run DIR --data IDX_DIR --time-steps 200
//       steady-state training steps per second (graph replays).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/CudaExecutor.h"
#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/SafeTensors.h"
#include "nas/Runtime/Trainer.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <numeric>
#include <sstream>

namespace {

std::string readAll(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int fail(const std::string &message) {
  std::fprintf(stderr, "nasc-cuda-run: %s\n", message.c_str());
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  std::string dir, data, reference;
  int64_t epochs = 2, timeSteps = 0;
  uint64_t seed = 0;
  double lr = 0.05;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--data")
      data = value();
    else if (a == "--epochs")
      epochs = std::stoll(value());
    else if (a == "--seed")
      seed = std::stoull(value());
    else if (a == "--lr")
      lr = std::stod(value());
    else if (a == "--step-check")
      reference = value();
    else if (a == "--time-steps")
      timeSteps = std::stoll(value());
    else if (dir.empty() && a[0] != '-')
      dir = a;
    else
      return fail("usage: nasc-cuda-run DIR --data IDX_DIR [--epochs N] [--seed S] [--lr LR] "
                  "[--step-check REF.safetensors] [--time-steps N]");
  }
  std::string error;
  std::optional<nas::CudaPlan> plan = nas::parseCudaPlan(readAll(dir + "/plan.json"), error);
  if (!plan)
    return fail(dir + "/plan.json: " + error);
  auto loadStart = std::chrono::steady_clock::now();
  std::shared_ptr<nas::CudaExecutor> executor = nas::CudaExecutor::load(*plan, readAll(dir + "/kernels.ptx"), error);
  if (!executor)
    return fail(error);
  double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();
  nas::Program program = nas::cudaProgram(executor);
  std::optional<nas::Dataset> train = nas::loadIDXDirectory(data, true, error);
  std::optional<nas::Dataset> test = train ? nas::loadIDXDirectory(data, false, error) : std::nullopt;
  if (!train || !test)
    return fail("cannot load the data: " + error);
  nas::Model model(program, seed);

  if (!reference.empty()) {
    std::vector<int64_t> samples(train->count);
    std::iota(samples.begin(), samples.end(), 0);
    float loss = model.step(*train, samples, 0, program.batch, static_cast<float>(lr));
    model.fetch();
    std::optional<nas::TensorFile> ref = nas::readSafeTensors(reference, error);
    if (!ref)
      return fail(error);
    int bad = 0;
    for (const nas::Tensor &t : ref->tensors) {
      std::optional<std::vector<float>> want = nas::tensorAsFloats(t, error);
      if (t.name == "loss" && want) {
        bool ok = std::abs(loss - (*want)[0]) <= 1e-4 * std::abs((*want)[0]);
        std::printf("%-40s %s (gpu %.7g, cpu %.7g)\n", "loss", ok ? "ok" : "DIFFERS", loss, (*want)[0]);
        bad += !ok;
        continue;
      }
      const float *got = model.slot(t.name);
      if (!got || !want) {
        std::printf("%-40s MISSING from the plan or unreadable\n", t.name.c_str());
        ++bad;
        continue;
      }
      double sumSquares = 0, worst = 0;
      for (float v : *want)
        sumSquares += double(v) * v;
      double rms = std::sqrt(sumSquares / std::max<size_t>(1, want->size()));
      for (size_t i = 0; i < want->size(); ++i)
        worst = std::max(worst, std::abs(double(got[i]) - (*want)[i]) / (1e-4 * (std::abs((*want)[i]) + rms)));
      std::printf("%-40s %s (worst error %.3g of the tolerance)\n", t.name.c_str(), worst <= 1 ? "ok" : "DIFFERS",
                  worst);
      bad += worst > 1;
    }
    std::printf("step check: %s\n", bad ? "FAILED" : "passed");
    return bad ? 1 : 0;
  }

  if (timeSteps > 0) {
    std::vector<int64_t> samples(train->count);
    std::iota(samples.begin(), samples.end(), 0);
    int64_t stepsPerEpoch = train->count / program.batch;
    for (int64_t s = 0; s < 3; ++s) // eager, capture, first replay
      model.step(*train, samples, s * program.batch, (s + 1) * program.batch, static_cast<float>(lr));
    auto start = std::chrono::steady_clock::now();
    for (int64_t s = 0; s < timeSteps; ++s) {
      int64_t at = s % stepsPerEpoch;
      model.step(*train, samples, at * program.batch, (at + 1) * program.batch, static_cast<float>(lr));
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"steps\": %lld, \"batch\": %lld, \"step_us\": %.1f, \"samples_per_s\": %.0f, \"load_s\": %.3f}\n",
                static_cast<long long>(timeSteps), static_cast<long long>(program.batch), seconds / timeSteps * 1e6,
                timeSteps * program.batch / seconds, loadSeconds);
    return 0;
  }

  nas::TrainOptions options;
  options.epochs = epochs;
  options.lr = lr;
  options.validation = 0;
  options.seed = seed;
  nas::TrainResult r = nas::train(model, *train, *test, options);
  if (r.failed)
    return fail("training failed: " + r.error);
  std::printf("{\"epochs\": %lld, \"train_loss\": %.6f, \"test_accuracy\": %.4f, \"samples_per_s\": %.0f, "
              "\"seconds\": %.2f, \"load_s\": %.3f, \"diverged\": %s}\n",
              static_cast<long long>(r.epochs.size()), r.epochs.empty() ? NAN : r.epochs.back().trainLoss,
              r.testAccuracy, r.trainSamplesPerSecond, r.seconds, loadSeconds, r.diverged ? "true" : "false");
  return 0;
}
