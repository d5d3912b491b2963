//===- Trainer.h - Training a compiled candidate ----------------*- C++ -*-===//
//
// Epochs over a seeded shuffle of the training indices, batches gathered
// into the program's input slot, the compiled step per batch; validation
// after each epoch and the test set at the end. A NaN or infinite loss ends
// the run as diverged, with the epoch and step.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_TRAINER_H
#define NAS_RUNTIME_TRAINER_H

#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/Program.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace nas {

struct TrainOptions {
  int64_t epochs = 1;
  double lr = 0.1;
  std::string schedule = "constant"; // or cosine (per step, to 0 at the end)
  double validation = 0.1;           // fraction of the training set held out
  uint64_t seed = 0;                 // initialization, split, shuffling
  int64_t threads = 0;               // 0: all cores
  /// Called after each step at most every `progressEvery` seconds, and at
  /// the end of each epoch.
  std::function<void(const struct TrainProgress &)> onProgress;
  double progressEvery = 0.25;
  /// Called after each epoch's validation; returning false stops the run
  /// there (early stopping), which is then `stopped`.
  std::function<bool(const struct EpochResult &)> onEpoch;
  /// Checked before each step: when it becomes true the run ends at once,
  /// `cancelled` (Ctrl-C).
  const std::atomic<bool> *cancel = nullptr;
};

struct TrainProgress {
  int64_t epoch = 0, epochs = 0; // 1-based
  int64_t step = 0, steps = 0;   // within the epoch
  double loss = 0;               // mean over the epoch so far
  double samplesPerSecond = 0;
  bool epochDone = false;
};

struct EpochResult {
  int64_t epoch = 0;
  double trainLoss = 0, validationLoss = 0, validationAccuracy = 0;
  double seconds = 0, samplesPerSecond = 0;
};

struct TrainResult {
  std::vector<EpochResult> epochs;
  bool diverged = false;
  bool stopped = false;   // onEpoch asked to stop (the test set was still measured)
  bool cancelled = false; // `cancel` became true (no test figures)
  bool failed = false;    // the device failed (`error` says how); nothing else holds
  std::string error;
  int64_t divergedEpoch = 0, divergedStep = 0;
  double testLoss = 0, testAccuracy = 0;
  double trainSamplesPerSecond = 0; // median over the epochs
  double seconds = 0;
  int64_t peakMemoryBytes = 0; // the process's peak resident set
};

/// Evaluation of `samples` (indices into `data`, all when empty).
struct Evaluation {
  double loss = 0, accuracy = 0;
};

/// A compiled candidate with its arena: parameters initialized from `seed`
/// as PyTorch initializes each layer by default.
class Model {
public:
  explicit Model(const Program &program, uint64_t seed);
  ~Model();
  Model(const Model &) = delete;
  Model &operator=(const Model &) = delete;

  const Program &program() const { return program_; }
  /// The floats of a named slot (parameters, moments, logits, ...).
  float *slot(std::string_view name);
  /// Whether `data`'s samples fit the model's input and its labels the
  /// model's classes; says what does not otherwise.
  bool accepts(const Dataset &data, std::string &error) const;
  /// One optimizer step on samples[begin, end) of `data` (at most a batch);
  /// returns the loss.
  float step(const Dataset &data, const std::vector<int64_t> &samples, size_t begin, size_t end, float lr);
  Evaluation evaluate(const Dataset &data, const std::vector<int64_t> &samples);
  int64_t steps() const { return steps_; }
  /// Brings the parameters back from the device the program runs on (a
  /// no-op on the CPU); train() does it at the end.
  void fetch();
  /// Sets the step counter (the next step is steps + 1): dropout masks and
  /// the optimizer's first step depend on it.
  void setSteps(int64_t steps) { steps_ = steps; }

private:
  const Program &program_;
  char *arena_ = nullptr;
  const ProgramSlot *input_, *labels_, *lr_, *step_, *loss_, *logits_;
  int64_t steps_ = 0;
};

/// Trains `model` on `train` (the validation part split off by the seed)
/// and tests it on `test`. Check model.accepts() on both first.
TrainResult train(Model &model, const Dataset &train, const Dataset &test, const TrainOptions &options);

/// The learning rate of step `step` (0-based) of epoch `epoch` (1-based)
/// with `steps` steps per epoch: constant, or cosine from options.lr at the
/// first step to 0 after the last.
double learningRate(const TrainOptions &options, int64_t epoch, int64_t step, int64_t steps);

/// The peak resident set of this process so far, in bytes.
int64_t peakMemoryBytes();

} // namespace nas

#endif // NAS_RUNTIME_TRAINER_H
