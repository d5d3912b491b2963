//===- SearchCommand.cpp - nasc search: the main job ----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "LoadSpace.h"
#include "Print.h"

#include "nas/Compiler/Search.h"
#include "nas/DSL/Frontend.h"
#include "nas/Runtime/Device.h"

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace nasc {
namespace {

struct Options {
  std::string file, study, algorithm, device = "cpu", budget, exportDir, data, evaluator;
  int64_t trials = 0, epochs = 0, threads = 0;
  uint64_t seed = 0;
  bool seedGiven = false;
  double evaluatorTimeout = 3600;
};

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int) {
  interrupted = true;
  std::signal(SIGINT, SIG_DFL); // a second Ctrl-C ends at once
}

/// "90", "90s", "5m", "1.5h" -> seconds; nullopt when not a duration.
std::optional<double> parseDuration(const std::string &text) {
  char *end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || value < 0)
    return std::nullopt;
  std::string unit(end);
  if (unit.empty() || unit == "s")
    return value;
  if (unit == "m" || unit == "min")
    return value * 60;
  if (unit == "h")
    return value * 3600;
  return std::nullopt;
}

/// How a trial is named in lines and tables: its key when a table evaluated
/// it (NAS-Bench-201's cell string), else its DNA.
std::string shownName(const nas::TrialRecord &t, size_t width) {
  std::string key = nas::tableKeyOf(t);
  return key.empty() ? shortDNA(t.dna, width) : key;
}

std::string objectiveText(const nas::TrialRecord &t, const std::vector<nas::Objective> &objectives) {
  std::string text;
  for (const nas::Objective &o : objectives) {
    auto it = t.metrics.find(o.metric);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s%s %.4f", text.empty() ? "" : ", ", o.metric.c_str(),
                  it != t.metrics.end()  ? it->second
                  : o.metric == "params" ? static_cast<double>(t.params)
                                         : static_cast<double>(t.flops));
    text += buffer;
  }
  return text;
}

void printLeaderboard(const std::vector<nas::TrialRecord> &trials, const std::vector<nas::Objective> &objectives,
                      size_t rows) {
  std::vector<const nas::TrialRecord *> board = nas::leaderboard(trials, objectives, /*distinct=*/true);
  bool keys = !board.empty() && !nas::tableKeyOf(*board.front()).empty();
  std::printf("\n%-4s %-6s %-10s %12s %14s %8s  %s\n", "rank", "trial", objectives[0].metric.c_str(), "params", "flops",
              "time", keys ? "key" : "dna");
  for (size_t i = 0; i < board.size() && i < rows; ++i) {
    const nas::TrialRecord *t = board[i];
    auto seconds = t->metrics.find("train_seconds");
    std::printf("%-4zu %-6lld %-10.4f %12s %14s %8s  %s\n", i + 1, static_cast<long long>(t->id),
                (*nas::orientedObjectives(*t, objectives))[0] * (objectives[0].maximize ? 1 : -1),
                grouped(t->params).c_str(), grouped(t->flops).c_str(),
                seconds != t->metrics.end() ? clock(seconds->second).c_str() : "-", shownName(*t, 70).c_str());
  }
}

bool exportBest(const nas::Space &space, const nas::TrialRecord &best, const std::string &weightsDir,
                const std::string &dir, std::string &error) {
  std::filesystem::create_directories(dir);
  std::optional<nas::DNA> dna = space.parseDNA(best.dna, error);
  if (!dna)
    return false;
  std::unique_ptr<nas::Candidate> candidate = space.materialize(*dna, error);
  if (!candidate)
    return false;
  auto write = [&](const std::string &name, const std::string &text) {
    std::FILE *f = std::fopen((dir + "/" + name).c_str(), "w");
    if (!f)
      return false;
    std::fputs(text.c_str(), f);
    return std::fclose(f) == 0;
  };
  std::FILE *layers = std::fopen((dir + "/best.layers.txt").c_str(), "w");
  if (!layers || !write("best.dna.json", best.dna + "\n") || !write("best.mlir", candidate->mlir() + "\n")) {
    error = "cannot write into " + dir;
    if (layers)
      std::fclose(layers);
    return false;
  }
  printLayers(layers, *candidate);
  std::fclose(layers);
  std::string weights = weightsDir + "/trial-" + std::to_string(best.id) + ".safetensors";
  if (std::filesystem::exists(weights))
    std::filesystem::copy_file(weights, dir + "/best.safetensors", std::filesystem::copy_options::overwrite_existing);
  return true;
}

int run(const Options &o, const GlobalOptions &global) {
  int status = 0;
  std::unique_ptr<nas::Space> space = loadSpace(o.file, global, status);
  if (!space)
    return status;
  // Ask for the GPU once, before any trial, rather than fail every trial.
  if (o.device == "cuda" && o.evaluator.empty()) {
    nas::CudaAvailability cuda = nas::probeCuda();
    if (cuda.devices.empty()) {
      std::cerr << "nasc: error: --device cuda: no GPU can be used here: " << cuda.reason << "\n";
      return 1;
    }
  }
  std::string error;
  std::optional<nas::SearchSettings> settings = nas::readSearchSettings(*space, error);
  if (!settings) {
    std::cerr << "nasc: error: " << error << "\n";
    return 1;
  }
  nas::SearchOptions options;
  options.settings = *settings;
  if (!o.algorithm.empty() && o.algorithm != settings->algorithm) {
    options.settings.algorithm = o.algorithm;
    options.settings.algorithmParams.clear();
  }
  if (o.trials)
    options.settings.trials = o.trials;
  if (o.seedGiven)
    options.settings.seed = o.seed;
  options.epochs = o.epochs;
  options.dataDirectory = o.data;
  options.device = o.device;
  options.threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  // `--evaluator trainer` trains with the built-in trainer whatever the file's
  // search section says; any other value is a command.
  if (o.evaluator == "trainer")
    options.settings.evaluator = "trainer";
  else
    options.evaluator = o.evaluator;
  options.evaluatorTimeout = o.evaluatorTimeout;
  if (!o.budget.empty()) {
    std::optional<double> seconds = parseDuration(o.budget);
    if (!seconds) {
      std::cerr << "nasc: error: --budget '" << o.budget << "' is not a duration (like 90s, 5m or 1.5h)\n";
      return 2;
    }
    options.budgetSeconds = *seconds;
  }
  std::string studyPath = o.study.empty() ? std::filesystem::path(o.file).stem().string() + ".study" : o.study;
  options.weightsDirectory = studyPath + ".weights";
  std::unique_ptr<nas::Storage> study = nas::openSQLiteStudy(studyPath, error);
  std::string source;
  if (study) {
    std::optional<std::string> text = nas::dsl::readFile(o.file, error);
    source = text.value_or("");
  }
  if (!study || !study->open({source, nas::spaceHash(source), o.file, nas::searchSettingsJSON(options), 0}, error)) {
    std::cerr << "nasc: error: " << error << "\n";
    return 1;
  }

  bool terminal = isatty(STDERR_FILENO);
  const auto &objectives = options.settings.objectives;
  auto status_line = [&](const nas::SearchEvent &e) {
    if (!terminal)
      return;
    std::string best =
        e.best ? objectiveText(*e.best, objectives) + " (trial " + std::to_string(e.best->id) + ")" : "-";
    std::string eta = "-";
    if (e.finished > 0 && e.elapsed > 0)
      eta = clock(e.elapsed / std::max<int64_t>(1, e.finished) * std::max<int64_t>(0, e.total - e.finished));
    std::string epoch;
    if (e.trial && !e.trial->epochs.empty())
      epoch = ", epoch " + std::to_string(e.trial->epochs.size());
    std::fprintf(stderr, "\r\033[K[trial %lld/%lld%s] best %s  elapsed %s  ETA %s",
                 static_cast<long long>(std::min(e.finished + 1, e.total)), static_cast<long long>(e.total),
                 epoch.c_str(), best.c_str(), clock(e.elapsed).c_str(), eta.c_str());
  };
  options.onEvent = [&](const nas::SearchEvent &e) {
    using Kind = nas::SearchEvent::Kind;
    if (e.kind == Kind::Resumed)
      std::printf("resuming %s: %lld of %lld trials already ended\n", studyPath.c_str(),
                  static_cast<long long>(e.finished), static_cast<long long>(e.total));
    if (e.kind == Kind::Duplicate) {
      if (terminal)
        std::fprintf(stderr, "\r\033[K");
      std::printf("proposed again: the candidate of trial %lld, answered with its result (not counted)\n",
                  static_cast<long long>(e.trial->id));
    }
    if (e.kind == Kind::TrialFinished) {
      if (terminal)
        std::fprintf(stderr, "\r\033[K");
      const nas::TrialRecord &t = *e.trial;
      std::string what = t.state == nas::TrialState::Complete || t.state == nas::TrialState::Pruned
                             ? objectiveText(t, objectives)
                             : t.reason;
      if (t.state == nas::TrialState::Pruned)
        what += " (" + t.reason + ")";
      std::printf("trial %lld/%lld %-10s %s  params %s  %s\n", static_cast<long long>(e.finished),
                  static_cast<long long>(e.total), nas::trialStateName(t.state), what.c_str(),
                  grouped(t.params).c_str(), shownName(t, 80).c_str());
      std::fflush(stdout);
    }
    status_line(e);
  };
  options.stop = &interrupted;
  std::signal(SIGINT, onInterrupt);
  std::optional<nas::SearchOutcome> outcome = nas::runSearch(*space, *study, options, error);
  std::signal(SIGINT, SIG_DFL);
  if (terminal)
    std::fprintf(stderr, "\r\033[K");
  if (!outcome) {
    std::cerr << "nasc: error: " << error << "\n";
    return 1;
  }
  std::vector<nas::TrialRecord> trials = study->trials(error);
  printLeaderboard(trials, objectives, 10);
  std::vector<const nas::TrialRecord *> board = nas::leaderboard(trials, objectives);
  if (outcome->interrupted)
    std::printf("\ninterrupted: %lld trials recorded; run the same command to resume\n",
                static_cast<long long>(outcome->finished));
  else if (outcome->outOfTime)
    std::printf("\nthe budget of %s ran out after %lld trials\n", o.budget.c_str(),
                static_cast<long long>(outcome->finished));
  else if (outcome->exhausted)
    std::printf("\nthe algorithm proposed nothing new after %lld trials\n", static_cast<long long>(outcome->finished));
  if (outcome->duplicates)
    std::printf("%lld proposals were candidates already evaluated: answered from the study, not counted as trials\n",
                static_cast<long long>(outcome->duplicates));
  if (!board.empty()) {
    auto test = board.front()->metrics.find("test_accuracy");
    if (test != board.front()->metrics.end())
      std::printf("best: trial %lld, test accuracy %.4f\n", static_cast<long long>(board.front()->id), test->second);
  }
  std::printf("study: %s\n", studyPath.c_str());
  if (!o.exportDir.empty() && !board.empty()) {
    if (!exportBest(*space, *board.front(), options.weightsDirectory, o.exportDir, error)) {
      std::cerr << "nasc: error: export: " << error << "\n";
      return 1;
    }
    std::printf("exported the best candidate to %s (best.dna.json, best.mlir, best.layers.txt%s)\n",
                o.exportDir.c_str(),
                std::filesystem::exists(o.exportDir + "/best.safetensors") ? ", best.safetensors" : "");
  }
  return outcome->interrupted ? 130 : 0;
}

} // namespace

CommandRunner addSearchCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("search", "Search a space: train candidates, keep the study, show the best");
  cmd->footer("Settings come from the file's search and train sections; flags override them.\n"
              "The study (a SQLite file, FILE's name with .study by default) records every\n"
              "trial as it starts and ends: run the same command again to resume after a\n"
              "crash or Ctrl-C. Candidates that break a constraint are not trained; a\n"
              "candidate proposed again is answered from the study and not counted.\n"
              "With `evaluator = table(...)` in the search section, metrics are looked up\n"
              "in a CSV table (NAS-Bench-201) instead of trained.\n\n"
              "Examples:\n"
              "  nasc search examples/fashion_mlp.nas --budget 5m --export best/\n"
              "  nasc search examples/fashion_mlp.nas --algorithm tpe --trials 100 --study tpe.study\n"
              "  nasc search space.nas --evaluator 'python3 train.py' --evaluator-timeout 600\n"
              "  nasc search examples/nasbench201.nas --algorithm random --trials 100");
  auto o = std::make_shared<Options>();
  cmd->add_option("file", o->file, "The .nas file")->required()->type_name("FILE");
  cmd->add_option("--trials", o->trials, "How many trials (default: the search section's)")->check(CLI::PositiveNumber);
  cmd->add_option("--algorithm", o->algorithm, "random, grid, evolution, tpe or nsga2 (default: the file's)")
      ->check(CLI::IsMember({"random", "grid", "evolution", "tpe", "nsga2"}));
  cmd->add_option("--study", o->study, "The study file (default: FILE's name with .study)")->type_name("PATH");
  cmd->add_option("--device", o->device, "Where candidates train")
      ->check(CLI::IsMember({"cpu", "cuda", "auto"}))
      ->capture_default_str();
  cmd->add_option_function<uint64_t>(
      "--seed", [o](uint64_t s) { o->seed = s, o->seedGiven = true; }, "Seed of the algorithm (default: the file's)");
  cmd->add_option("--epochs", o->epochs, "Epochs per trial (default: the train section's)")->check(CLI::PositiveNumber);
  cmd->add_option("--budget", o->budget, "Start no trial after this long (90s, 5m, 1.5h)")->type_name("TIME");
  cmd->add_option("--export", o->exportDir,
                  "Write the best candidate there: DNA, MLIR, layer table, weights (safetensors)")
      ->type_name("DIR");
  cmd->add_option("--data", o->data, "Directory of IDX files (default: the train section's data)")->type_name("DIR");
  cmd->add_option("--threads", o->threads, "CPU threads (default: all cores)")->check(CLI::PositiveNumber);
  cmd->add_option("--evaluator", o->evaluator,
                  "Evaluate with this shell command instead: it runs in a directory holding dna.json and "
                  "candidate.mlir and prints its metrics as a JSON object ('trainer': the built-in "
                  "trainer, even where the file names a table)")
      ->type_name("CMD");
  cmd->add_option("--evaluator-timeout", o->evaluatorTimeout, "Seconds before an evaluator is killed")
      ->capture_default_str();
  return [o, &global]() { return run(*o, global); };
}

} // namespace nasc
