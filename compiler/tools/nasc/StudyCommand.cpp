//===- StudyCommand.cpp - nasc study show|export: read a study ------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Commands.h"
#include "Print.h"

#include "nas/Compiler/Search.h"
#include "nas/Search/Algorithm.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

namespace nasc {
namespace {

struct Options {
  std::string path;
  bool all = false, csv = false, json = false;
};

std::unique_ptr<nas::Storage> openExisting(const std::string &path, std::vector<nas::TrialRecord> &trials) {
  std::string error;
  if (!std::filesystem::exists(path)) {
    std::cerr << "nasc: error: no study at '" << path << "'\n";
    return nullptr;
  }
  std::unique_ptr<nas::Storage> study = nas::openSQLiteStudy(path, error);
  if (study)
    trials = study->trials(error);
  if (!study || !error.empty()) {
    std::cerr << "nasc: error: " << error << "\n";
    return nullptr;
  }
  return study;
}

std::string number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", x);
  return buffer;
}

int show(const Options &o) {
  std::vector<nas::TrialRecord> trials;
  std::unique_ptr<nas::Storage> study = openExisting(o.path, trials);
  if (!study)
    return 1;
  std::vector<nas::Objective> objectives = nas::objectivesFromSettingsJSON(study->info().settings);
  std::map<std::string, int> states;
  for (const nas::TrialRecord &t : trials)
    states[nas::trialStateName(t.state)]++;
  std::printf("study %s of %s: %zu trials", o.path.c_str(), study->info().spacePath.c_str(), trials.size());
  for (auto &[state, count] : states)
    std::printf(", %d %s", count, state.c_str());
  std::printf("\n");
  std::printf("objective%s:", objectives.size() > 1 ? "s" : "");
  for (const nas::Objective &obj : objectives)
    std::printf(" %s %s", obj.maximize ? "maximize" : "minimize", obj.metric.c_str());
  std::printf("\n\n%-4s %-6s %12s %12s %14s  %s\n", "rank", "trial", objectives[0].metric.c_str(), "params", "flops",
              "dna");
  std::vector<const nas::TrialRecord *> board = nas::leaderboard(trials, objectives, /*distinct=*/true);
  for (size_t i = 0; i < board.size() && (o.all || i < 10); ++i) {
    const nas::TrialRecord *t = board[i];
    double value = (*nas::orientedObjectives(*t, objectives))[0] * (objectives[0].maximize ? 1 : -1);
    std::printf("%-4zu %-6lld %12s %12s %14s  %s\n", i + 1, static_cast<long long>(t->id), number(value).c_str(),
                grouped(t->params).c_str(), grouped(t->flops).c_str(), shortDNA(t->dna, 70).c_str());
  }
  if (objectives.size() > 1) {
    std::vector<std::vector<double>> points;
    std::vector<const nas::TrialRecord *> complete;
    for (const nas::TrialRecord &t : trials)
      if (auto values = nas::orientedObjectives(t, objectives); values && t.state == nas::TrialState::Complete) {
        points.push_back(*values);
        complete.push_back(&t);
      }
    std::printf("\nPareto front (%zu objectives):\n", objectives.size());
    for (size_t i : nas::paretoFront(points)) {
      std::printf("  trial %-6lld", static_cast<long long>(complete[i]->id));
      for (size_t k = 0; k < objectives.size(); ++k)
        std::printf(" %s %s", objectives[k].metric.c_str(),
                    number(points[i][k] * (objectives[k].maximize ? 1 : -1)).c_str());
      std::printf("\n");
    }
  }
  if (o.all) {
    std::printf("\n%-6s %-10s %-8s %s\n", "trial", "state", "epochs", "reason / dna");
    for (const nas::TrialRecord &t : trials)
      std::printf("%-6lld %-10s %-8zu %s\n", static_cast<long long>(t.id), nas::trialStateName(t.state),
                  t.epochs.size(), (t.reason.empty() ? shortDNA(t.dna, 80) : t.reason).c_str());
  }
  return 0;
}

int exportStudy(const Options &o) {
  std::vector<nas::TrialRecord> trials;
  std::unique_ptr<nas::Storage> study = openExisting(o.path, trials);
  if (!study)
    return 1;
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const nas::TrialRecord &t : trials) {
      nlohmann::json j{{"id", t.id},
                       {"state", nas::trialStateName(t.state)},
                       {"reason", t.reason},
                       {"dna", nlohmann::json::parse(t.dna, nullptr, false)},
                       {"candidate_hash", t.candidateHash},
                       {"params", t.params},
                       {"flops", t.flops},
                       {"metrics", t.metrics},
                       {"started_at", t.startedAt},
                       {"finished_at", t.finishedAt},
                       {"machine", t.machine},
                       {"worker", t.worker}};
      for (const nas::EpochMetrics &e : t.epochs)
        j["epochs"].push_back({{"epoch", e.epoch},
                               {"train_loss", e.trainLoss},
                               {"val_loss", e.validationLoss},
                               {"val_accuracy", e.validationAccuracy},
                               {"seconds", e.seconds}});
      out.push_back(j);
    }
    std::printf("%s\n", out.dump(1).c_str());
    return 0;
  }
  // CSV: one row per trial, a column per metric seen in any trial.
  std::set<std::string> metrics;
  for (const nas::TrialRecord &t : trials)
    for (auto &[name, _] : t.metrics)
      metrics.insert(name);
  std::printf("id,state,params,flops");
  for (const std::string &m : metrics)
    std::printf(",%s", m.c_str());
  std::printf(",reason,dna\n");
  auto quoted = [](const std::string &s) {
    std::string q = "\"";
    for (char c : s)
      q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const nas::TrialRecord &t : trials) {
    std::printf("%lld,%s,%lld,%lld", static_cast<long long>(t.id), nas::trialStateName(t.state),
                static_cast<long long>(t.params), static_cast<long long>(t.flops));
    for (const std::string &m : metrics) {
      auto it = t.metrics.find(m);
      std::printf(",%s", it == t.metrics.end() ? "" : number(it->second).c_str());
    }
    std::printf(",%s,%s\n", quoted(t.reason).c_str(), quoted(t.dna).c_str());
  }
  return 0;
}

} // namespace

CommandRunner addStudyCommand(CLI::App &app) {
  CLI::App *cmd = app.add_subcommand("study", "Read a study: the leaderboard, the trials, the Pareto front");
  cmd->require_subcommand(1);
  auto o = std::make_shared<Options>();
  CLI::App *showCmd = cmd->add_subcommand("show", "The leaderboard (and Pareto front) of a study");
  showCmd->add_option("path", o->path, "The study file")->required()->type_name("PATH");
  showCmd->add_flag("--all", o->all, "Every trial, with its state and reason");
  CLI::App *exportCmd = cmd->add_subcommand("export", "Every trial as CSV or JSON, on stdout");
  exportCmd->add_option("path", o->path, "The study file")->required()->type_name("PATH");
  auto *csv = exportCmd->add_flag("--csv", o->csv, "One row per trial (the default)");
  exportCmd->add_flag("--json", o->json, "Every field, epochs included")->excludes(csv);
  cmd->footer(
      "Examples:\n  nasc study show fashion_mlp.study\n  nasc study export fashion_mlp.study --csv > trials.csv");
  return [o, showCmd]() { return showCmd->parsed() ? show(*o) : exportStudy(*o); };
}

} // namespace nasc
