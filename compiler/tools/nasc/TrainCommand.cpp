//===- TrainCommand.cpp - nasc train: one candidate on real data ----------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "LoadSpace.h"
#include "Print.h"

#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/Trainer.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace nasc {
namespace {

struct Options {
  std::string file, dna = "first", data, device = "cpu";
  int64_t epochs = 0, batch = 0, threads = 0;
  double lr = 0, validation = -1;
  uint64_t seed = 0;
  bool seedGiven = false, json = false;
};

std::string number(double x, int digits = 4) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  return buffer;
}

void printJSON(const nas::TrainResult &r, const nas::Candidate &candidate, const std::string &dna,
               double compileSeconds, const nas::TrainOptions &options, int64_t batch) {
  std::string epochs;
  for (const nas::EpochResult &e : r.epochs)
    epochs += std::string(epochs.empty() ? "" : ",") + "{\"epoch\":" + std::to_string(e.epoch) +
              ",\"train_loss\":" + number(e.trainLoss, 6) + ",\"val_loss\":" + number(e.validationLoss, 6) +
              ",\"val_accuracy\":" + number(e.validationAccuracy, 6) + ",\"seconds\":" + number(e.seconds, 3) +
              ",\"samples_per_s\":" + number(e.samplesPerSecond, 1) + "}";
  std::printf("{\"dna\":%s,\"candidate\":\"%s\",\"params\":%lld,\"flops\":%lld,\"batch\":%lld,\"threads\":%lld,"
              "\"lr\":%s,\"compile_s\":%s,\"status\":\"%s\",\"diverged_epoch\":%lld,\"diverged_step\":%lld,"
              "\"epochs\":[%s],\"test_loss\":%s,\"test_accuracy\":%s,\"train_samples_per_s\":%s,"
              "\"seconds\":%s,\"peak_memory_bytes\":%lld}\n",
              dna.c_str(), candidate.hash().c_str(), static_cast<long long>(candidate.params()),
              static_cast<long long>(candidate.flops()), static_cast<long long>(batch),
              static_cast<long long>(options.threads), number(options.lr, 6).c_str(), number(compileSeconds, 4).c_str(),
              r.diverged ? "diverged" : "complete", static_cast<long long>(r.divergedEpoch),
              static_cast<long long>(r.divergedStep), epochs.c_str(), number(r.testLoss, 6).c_str(),
              number(r.testAccuracy, 6).c_str(), number(r.trainSamplesPerSecond, 1).c_str(),
              number(r.seconds, 3).c_str(), static_cast<long long>(r.peakMemoryBytes));
}

int run(const Options &o, const GlobalOptions &global) {
  int status = 0;
  std::unique_ptr<nas::Space> space = loadSpace(o.file, global, status);
  if (!space)
    return status;
  std::optional<nas::DNA> dna = chooseDNA(*space, o.dna, o.seed, o.file);
  if (!dna)
    return 1;
  std::string error;
  auto compileStart = std::chrono::steady_clock::now(); // DNA to runnable step
  std::unique_ptr<nas::Candidate> candidate = space->materialize(*dna, error);
  if (!candidate) {
    std::cerr << "nasc: error: " << error << "\n";
    return 1;
  }
  // The flags override the train section.
  nas::TrainSettings settings = candidate->train();
  if (o.epochs)
    settings.epochs = o.epochs;
  if (o.batch)
    settings.batch = o.batch;
  if (o.lr)
    settings.lr = o.lr;
  if (o.validation >= 0)
    settings.validation = o.validation;
  if (o.seedGiven)
    settings.seed = o.seed;
  nas::TrainOptions options = nas::trainerOptions(settings);
  options.threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  int64_t batch = settings.batch;

  std::string directory = o.data.empty() ? nas::datasetDirectory(settings.data) : o.data;
  auto loadStart = std::chrono::steady_clock::now();
  std::optional<nas::Dataset> train = nas::loadIDXDirectory(directory, /*train=*/true, error);
  std::optional<nas::Dataset> test = train ? nas::loadIDXDirectory(directory, /*train=*/false, error) : std::nullopt;
  if (!train || !test) {
    std::cerr << "nasc: error: cannot load the data: " << error << "\n";
    return 1;
  }
  double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();
  std::unique_ptr<nas::CompiledModel> compiled = candidate->compileFor(o.device, batch, error);
  if (!compiled) {
    std::cerr << "nasc: error: " << error << "\n";
    return 1;
  }
  double compileSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - compileStart).count() - loadSeconds;
  nas::Model model(compiled->program(), options.seed);
  for (const nas::Dataset *data : {&*train, &*test})
    if (!model.accepts(*data, error)) {
      std::cerr << "nasc: error: " << directory << ": " << error << "\n";
      return 1;
    }
  std::string dnaJSON = space->toJSON(*dna);
  bool terminal = isatty(STDERR_FILENO);
  if (!o.json)
    std::printf("candidate %s: %s params, %s FLOPs per sample; compiled for %s in %.0f ms\ndna: %s\n",
                candidate->hash().c_str(), grouped(candidate->params()).c_str(), grouped(candidate->flops()).c_str(),
                compiled->device() == "cuda" ? "the GPU" : "the CPU", compileSeconds * 1000, dnaJSON.c_str());
  options.onProgress = [&](const nas::TrainProgress &p) {
    if (p.epochDone) {
      if (terminal)
        std::fprintf(stderr, "\r\033[K");
      return;
    }
    if (terminal)
      std::fprintf(stderr, "\r\033[Kepoch %lld/%lld  step %lld/%lld  loss %.4f  %s samples/s",
                   static_cast<long long>(p.epoch), static_cast<long long>(p.epochs), static_cast<long long>(p.step),
                   static_cast<long long>(p.steps), p.loss, grouped(std::llround(p.samplesPerSecond)).c_str());
  };
  if (!o.json)
    std::printf("training on %s (%lld samples, %.0f%% held out for validation), batch %lld, %lld threads\n",
                directory.c_str(), static_cast<long long>(train->count), options.validation * 100,
                static_cast<long long>(batch), static_cast<long long>(options.threads));
  if (!o.json)
    options.onEpoch = [validate = options.validation > 0](const nas::EpochResult &e) {
      std::string validation =
          validate ? ", val loss " + number(e.validationLoss) + ", val accuracy " + number(e.validationAccuracy) : "";
      std::printf("epoch %lld: train loss %.4f%s, %.1f s, %s samples/s\n", static_cast<long long>(e.epoch), e.trainLoss,
                  validation.c_str(), e.seconds, grouped(std::llround(e.samplesPerSecond)).c_str());
      std::fflush(stdout);
      return true;
    };
  nas::TrainResult result = nas::train(model, *train, *test, options);
  if (result.failed) {
    std::cerr << "nasc: error: training on the " << (compiled->device() == "cuda" ? "GPU" : "CPU")
              << " failed: " << result.error << "\n";
    return 1;
  }
  if (o.json) {
    printJSON(result, *candidate, dnaJSON, compileSeconds, options, batch);
    return result.diverged ? 4 : 0;
  }
  if (result.diverged) {
    std::printf("diverged: the loss became NaN or infinite at epoch %lld, step %lld (learning rate %g)\n",
                static_cast<long long>(result.divergedEpoch), static_cast<long long>(result.divergedStep), options.lr);
    return 4;
  }
  std::printf("test accuracy %.4f, test loss %.4f; %s samples/s; %.1f s in all; peak memory %s MB\n",
              result.testAccuracy, result.testLoss, grouped(std::llround(result.trainSamplesPerSecond)).c_str(),
              result.seconds, grouped(result.peakMemoryBytes >> 20).c_str());
  return 0;
}

} // namespace

CommandRunner addTrainCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("train", "Compile one candidate and train it on its data (CPU or GPU)");
  cmd->footer("Settings come from the file's train section; flags override them. Progress\n"
              "(epoch, step, loss, samples/s) shows on a terminal; the summary goes to stdout.\n"
              "Exit status: 0 trained, 1 bad input, 4 the loss diverged (NaN or infinite).\n\n"
              "Examples:\n"
              "  nasc train examples/fashion_mlp.nas\n"
              "  nasc train examples/fashion_mlp.nas --dna random --seed 3 --epochs 1\n"
              "  nasc train examples/fashion_cnn.nas --dna @best.json --json > result.json");
  auto o = std::make_shared<Options>();
  cmd->add_option("file", o->file, "The .nas file")->required()->type_name("FILE");
  cmd->add_option("--dna", o->dna,
                  "Which candidate: first (every decision its first choice), random (drawn with --seed), "
                  "its DNA as JSON, or @FILE")
      ->type_name("first|random|JSON|@FILE")
      ->capture_default_str();
  cmd->add_option("--epochs", o->epochs, "Passes over the training data (default: the train section's)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--batch", o->batch, "Samples per step (default: the train section's)")->check(CLI::PositiveNumber);
  cmd->add_option("--lr", o->lr, "Learning rate (default: the optimizer's)")->check(CLI::PositiveNumber);
  cmd->add_option("--validation", o->validation,
                  "Fraction of the training set held out (default: the train "
                  "section's, else 0.1)")
      ->check(CLI::Range(0.0, 0.9));
  cmd->add_option("--data", o->data, "Directory of IDX files (train-images-idx3-ubyte[.gz] and friends)")
      ->type_name("DIR");
  cmd->add_option_function<uint64_t>(
      "--seed", [o](uint64_t s) { o->seed = s, o->seedGiven = true; },
      "Seed of the random DNA, initialization, split and shuffling (default: the train section's, else 0)");
  cmd->add_option("--threads", o->threads, "CPU threads (default: all cores)")->check(CLI::PositiveNumber);
  cmd->add_option("--device", o->device,
                  "Where it trains: cpu, cuda (GPU 0; an error says why when none works) "
                  "or auto (the GPU when one works)")
      ->check(CLI::IsMember({"cpu", "cuda", "auto"}))
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print one JSON object with every figure instead of text");
  addPipelineDebuggingFlags(*cmd);
  return [o, &global]() { return run(*o, global); };
}

} // namespace nasc
