//===- Trainer.cpp - Training a compiled candidate -------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/Trainer.h"

#include "nas/Runtime/Kernels.h"
#include "nas/Search/Random.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <sys/resource.h>

namespace nas {

namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

/// PyTorch's defaults: a dense or conv weight is kaiming_uniform(a=sqrt(5)),
/// which is U(-1/sqrt(fan_in), 1/sqrt(fan_in)), and so is its bias.
void initialize(const ProgramSlot &slot, float *data, int64_t count, uint64_t seed) {
  if ((slot.init != "kaiming_uniform" && slot.init != "fan_in_uniform") || slot.fanIn <= 0) {
    std::fill(data, data + count, slot.init == "ones" ? 1.0f : 0.0f);
    return;
  }
  double bound = 1.0 / std::sqrt(static_cast<double>(slot.fanIn));
  Random rng(seed);
  for (int64_t i = 0; i < count; ++i)
    data[i] = static_cast<float>((2.0 * rng.unit() - 1.0) * bound);
}

uint64_t hashName(std::string_view name) {
  uint64_t h = 1469598103934665603ull;
  for (char c : name)
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}
} // namespace

int64_t peakMemoryBytes() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<int64_t>(usage.ru_maxrss) * 1024;
}

Model::Model(const Program &program, uint64_t seed) : program_(program) {
  size_t bytes = (static_cast<size_t>(program.arenaBytes) + 63) / 64 * 64;
  arena_ = static_cast<char *>(std::aligned_alloc(64, std::max<size_t>(bytes, 64)));
  std::memset(arena_, 0, bytes);
  for (const ProgramSlot &s : program.slots)
    if (s.role == "param" || s.role == "state")
      initialize(s, reinterpret_cast<float *>(arena_ + s.offset), s.elements(program.batch), seed ^ hashName(s.name));
  input_ = program.find("input");
  labels_ = program.find("labels");
  lr_ = program.find("lr");
  step_ = program.find("step");
  loss_ = program.find("loss");
  logits_ = program.find("logits");
}

Model::~Model() { std::free(arena_); }

float *Model::slot(std::string_view name) {
  const ProgramSlot *s = program_.find(name);
  return s ? reinterpret_cast<float *>(arena_ + s->offset) : nullptr;
}

bool Model::accepts(const Dataset &data, std::string &error) const {
  if (!input_ || !logits_ || input_->shape.empty()) {
    error = "the compiled model has no input or logits";
    return false;
  }
  std::vector<int64_t> want(input_->shape.begin() + 1, input_->shape.end());
  std::vector<int64_t> have = {data.channels, data.height, data.width};
  int64_t wantSize = 1;
  for (int64_t d : want)
    wantSize *= d;
  // A rank-4 input must match C, H, W; a flat input only the sample size.
  bool fits = want.size() == 3 ? want == have : wantSize == data.sampleSize();
  if (!fits) {
    auto str = [](const std::vector<int64_t> &dims) {
      std::string s;
      for (int64_t d : dims)
        s += (s.empty() ? "" : "x") + std::to_string(d);
      return s;
    };
    error = "the data's samples are " + str(have) + " but the model takes " + str(want);
    return false;
  }
  int64_t classes = logits_->shape.back();
  if (data.classes > classes) {
    error = "the data has " + std::to_string(data.classes) + " classes but the model has " + std::to_string(classes) +
            " outputs";
    return false;
  }
  return true;
}

float Model::step(const Dataset &data, const std::vector<int64_t> &samples, size_t begin, size_t end, float lr) {
  if (program_.gather)
    program_.gather(arena_, data, samples, begin, end);
  else
    gatherBatch(data, samples, begin, end, reinterpret_cast<float *>(arena_ + input_->offset),
                reinterpret_cast<int32_t *>(arena_ + labels_->offset));
  *reinterpret_cast<float *>(arena_ + lr_->offset) = lr;
  *reinterpret_cast<int64_t *>(arena_ + step_->offset) = ++steps_;
  program_.trainStep(arena_, static_cast<int64_t>(end - begin));
  return *reinterpret_cast<float *>(arena_ + loss_->offset);
}

void Model::fetch() {
  if (program_.fetch)
    program_.fetch(arena_);
}

Evaluation Model::evaluate(const Dataset &data, const std::vector<int64_t> &samples) {
  std::vector<int64_t> all;
  const std::vector<int64_t> *indices = &samples;
  if (samples.empty()) {
    all.resize(data.count);
    for (int64_t i = 0; i < data.count; ++i)
      all[i] = i;
    indices = &all;
  }
  std::vector<int32_t> labels(program_.batch);
  const float *logits = reinterpret_cast<const float *>(arena_ + logits_->offset);
  int64_t classes = logits_->shape.back(), correct = 0;
  double lossSum = 0;
  for (size_t begin = 0; begin < indices->size(); begin += program_.batch) {
    size_t end = std::min(indices->size(), begin + program_.batch);
    int64_t n = static_cast<int64_t>(end - begin);
    gatherBatch(data, *indices, begin, end, reinterpret_cast<float *>(arena_ + input_->offset), labels.data());
    program_.infer(arena_, n);
    for (int64_t i = 0; i < n; ++i) {
      const float *row = logits + i * classes;
      int64_t best = std::max_element(row, row + classes) - row;
      correct += best == labels[i];
      // Cross-entropy by log-sum-exp.
      double max = row[best], sum = 0;
      for (int64_t k = 0; k < classes; ++k)
        sum += std::exp(row[k] - max);
      lossSum += std::log(sum) + max - row[labels[i]];
    }
  }
  double count = std::max<double>(1, static_cast<double>(indices->size()));
  return {lossSum / count, correct / count};
}

double learningRate(const TrainOptions &options, int64_t epoch, int64_t step, int64_t steps) {
  if (options.schedule != "cosine" || options.epochs * steps <= 0)
    return options.lr;
  double t = static_cast<double>((epoch - 1) * steps + step) / static_cast<double>(options.epochs * steps);
  return 0.5 * options.lr * (1 + std::cos(M_PI * t));
}

namespace {
TrainResult trainEpochs(Model &model, const Dataset &trainData, const Dataset &test, const TrainOptions &options);
} // namespace

TrainResult train(Model &model, const Dataset &trainData, const Dataset &test, const TrainOptions &options) {
  // A program on another device reports its failures (out of memory, a
  // launch that failed) by throwing: the training ends with that reason.
  try {
    TrainResult result = trainEpochs(model, trainData, test, options);
    model.fetch();
    return result;
  } catch (const std::exception &e) {
    TrainResult result;
    result.failed = true;
    result.error = e.what();
    return result;
  }
}

namespace {
TrainResult trainEpochs(Model &model, const Dataset &trainData, const Dataset &test, const TrainOptions &options) {
  nasc_set_threads(options.threads);
  TrainResult result;
  Clock::time_point start = Clock::now();
  Split split = splitIndices(trainData.count, options.validation, options.seed);
  const int64_t batch = model.program().batch;
  const int64_t steps = static_cast<int64_t>(split.train.size()) / batch; // the last partial batch is dropped
  std::vector<double> rates;
  for (int64_t epoch = 1; epoch <= options.epochs && !result.diverged && !result.stopped; ++epoch) {
    shuffleIndices(split.train, options.seed, static_cast<uint64_t>(epoch));
    Clock::time_point epochStart = Clock::now(), lastReport = epochStart;
    double lossSum = 0;
    for (int64_t s = 0; s < steps; ++s) {
      if (options.cancel && options.cancel->load()) {
        result.cancelled = true;
        break;
      }
      double lr = learningRate(options, epoch, s, steps);
      float loss = model.step(trainData, split.train, s * batch, (s + 1) * batch, static_cast<float>(lr));
      if (!std::isfinite(loss)) {
        result.diverged = true;
        result.divergedEpoch = epoch;
        result.divergedStep = s + 1;
        break;
      }
      lossSum += loss;
      if (options.onProgress && since(lastReport) >= options.progressEvery) {
        lastReport = Clock::now();
        options.onProgress(
            {epoch, options.epochs, s + 1, steps, lossSum / (s + 1), (s + 1) * batch / since(epochStart), false});
      }
    }
    if (result.diverged || result.cancelled)
      break;
    EpochResult e;
    e.epoch = epoch;
    e.seconds = since(epochStart);
    e.samplesPerSecond = steps * batch / std::max(e.seconds, 1e-9);
    e.trainLoss = lossSum / std::max<int64_t>(steps, 1);
    if (!split.validation.empty()) {
      Evaluation v = model.evaluate(trainData, split.validation);
      e.validationLoss = v.loss;
      e.validationAccuracy = v.accuracy;
    }
    rates.push_back(e.samplesPerSecond);
    result.epochs.push_back(e);
    if (options.onProgress)
      options.onProgress({epoch, options.epochs, steps, steps, e.trainLoss, e.samplesPerSecond, true});
    if (options.onEpoch && !options.onEpoch(e))
      result.stopped = true;
  }
  if (!result.diverged && !result.cancelled && test.count > 0) {
    Evaluation t = model.evaluate(test, {});
    result.testLoss = t.loss;
    result.testAccuracy = t.accuracy;
  }
  if (!rates.empty()) {
    std::sort(rates.begin(), rates.end());
    result.trainSamplesPerSecond = rates[rates.size() / 2];
  }
  result.seconds = since(start);
  result.peakMemoryBytes = peakMemoryBytes();
  return result;
}

} // namespace

} // namespace nas
