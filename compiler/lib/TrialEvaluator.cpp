//===- TrialEvaluator.cpp - A trial trained, or run by a command ----------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "TrialEvaluator.h"

#include "ExternalEvaluator.h"
#include "nas/Runtime/SafeTensors.h"

#include <filesystem>

namespace nas {

bool TrialEvaluator::loadData(const std::string &directory, std::string &error) {
  if (train_ && dataDirectory_ == directory)
    return true;
  train_ = loadIDXDirectory(directory, true, error);
  test_ = train_ ? loadIDXDirectory(directory, false, error) : std::nullopt;
  dataDirectory_ = directory;
  if (!train_ || !test_) {
    train_.reset();
    error = "cannot load the data: " + error;
    return false;
  }
  return true;
}

void TrialEvaluator::keepWeights(Model &model, const TrialRecord &trial) {
  if (options_.weightsDirectory.empty())
    return;
  auto values = orientedObjectives(trial, options_.settings.objectives);
  if (!values || !((*values)[0] > bestValue_))
    return;
  TensorFile file;
  for (const ProgramSlot &slot : model.program().slots)
    if (slot.role == "param" || slot.role == "state") {
      const float *p = model.slot(slot.name);
      file.tensors.push_back(makeF32Tensor(slot.name, slot.shape, std::vector<float>(p, p + slot.elements(1))));
    }
  file.metadata["dna"] = trial.dna;
  file.metadata["trial"] = std::to_string(trial.id);
  std::filesystem::create_directories(options_.weightsDirectory);
  std::string path = options_.weightsDirectory + "/trial-" + std::to_string(trial.id) + ".safetensors", error;
  if (!writeSafeTensors(path, file, error))
    return;
  if (!bestWeights_.empty() && bestWeights_ != path)
    std::filesystem::remove(bestWeights_);
  bestWeights_ = path;
  bestValue_ = (*values)[0];
}

bool TrialEvaluator::builtIn(const Candidate &candidate, TrialRecord &trial, SuccessiveHalving *pruner,
                             const std::function<void()> &onEpoch, std::string &error) {
  TrainSettings settings = candidate.train();
  if (options_.epochs)
    settings.epochs = options_.epochs;
  std::string directory = options_.dataDirectory;
  if (directory.empty())
    directory = datasetDirectory(settings.data);
  if (!loadData(directory, error))
    return false; // the data is wrong for every trial: the search ends
  std::string why;
  std::unique_ptr<CompiledModel> compiled = candidate.compileFor(options_.device, settings.batch, why);
  if (!compiled) {
    trial.state = TrialState::Failed;
    trial.reason = why;
    return true;
  }
  Model model(compiled->program(), settings.seed);
  if (!model.accepts(*train_, why)) {
    trial.state = TrialState::Failed;
    trial.reason = why;
    return true;
  }
  TrainOptions o = trainerOptions(settings);
  o.threads = options_.threads;
  o.cancel = options_.stop;
  std::string pruneReason;
  o.onEpoch = [&](const EpochResult &e) {
    EpochMetrics m{e.epoch, e.trainLoss, e.validationLoss, e.validationAccuracy, e.seconds};
    trial.epochs.push_back(m);
    std::string ignored;
    study_.recordEpoch(trial.id, m, ignored);
    onEpoch();
    if (pruner && pruner->shouldPrune(trial.id, e.epoch, e.validationAccuracy)) {
      pruneReason = "stopped by successive halving after epoch " + std::to_string(e.epoch);
      return false;
    }
    return true;
  };
  TrainResult r = train(model, *train_, *test_, o);
  if (r.cancelled)
    return false;
  if (r.failed) { // out of device memory, a failed launch: this trial only
    trial.state = TrialState::Failed;
    trial.reason = r.error;
    return true;
  }
  if (r.diverged) {
    trial.state = TrialState::Failed;
    trial.reason = "diverged: the loss became NaN or infinite at epoch " + std::to_string(r.divergedEpoch) + ", step " +
                   std::to_string(r.divergedStep);
    return true;
  }
  const EpochResult &last = r.epochs.back();
  trial.metrics = {{"val_accuracy", last.validationAccuracy},
                   {"val_loss", last.validationLoss},
                   {"train_loss", last.trainLoss},
                   {"test_accuracy", r.testAccuracy},
                   {"test_loss", r.testLoss},
                   {"train_seconds", r.seconds},
                   {"samples_per_s", r.trainSamplesPerSecond},
                   {"compile_seconds", compiled->compileSeconds()},
                   {"epochs", static_cast<double>(r.epochs.size())}};
  trial.state = r.stopped ? TrialState::Pruned : TrialState::Complete;
  trial.reason = pruneReason;
  if (trial.state == TrialState::Complete)
    keepWeights(model, trial);
  return true;
}

bool TrialEvaluator::evaluate(const Candidate &candidate, TrialRecord &trial, SuccessiveHalving *pruner,
                              const std::function<void()> &onEpoch, std::string &error) {
  if (!options_.evaluator.empty())
    return evaluateWithCommand(options_.evaluator, options_.evaluatorTimeout, options_.stop, candidate, trial);
  return builtIn(candidate, trial, pruner, onEpoch, error);
}

} // namespace nas
