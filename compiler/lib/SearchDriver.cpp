//===- SearchDriver.cpp - The search loop: propose, check, train, record --===//
#include "nas/Compiler/Search.h"

#include "CandidateImpl.h"
#include "ExternalEvaluator.h"
#include "nas/Runtime/Dataset.h"
#include "nas/Runtime/SafeTensors.h"
#include "nas/Runtime/Trainer.h"
#include "nas/Search/Algorithm.h"
#include "nas/Search/Format.h"
#include "nas/Search/KeyFormat.h"
#include "nas/Search/MetricTable.h"
#include "nas/Search/Pruner.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

namespace nas {

std::optional<std::vector<double>> orientedObjectives(const TrialRecord &trial,
                                                      const std::vector<Objective> &objectives) {
  std::vector<double> values;
  for (const Objective &o : objectives) {
    auto it = trial.metrics.find(o.metric);
    double v;
    if (it != trial.metrics.end())
      v = it->second;
    else if (o.metric == "params")
      v = static_cast<double>(trial.params);
    else if (o.metric == "flops")
      v = static_cast<double>(trial.flops);
    else
      return std::nullopt;
    values.push_back(o.maximize ? v : -v);
  }
  return values;
}

std::vector<const TrialRecord *> leaderboard(const std::vector<TrialRecord> &trials,
                                             const std::vector<Objective> &objectives, bool distinct) {
  std::vector<std::pair<double, const TrialRecord *>> ranked;
  std::set<std::string> seen;
  for (const TrialRecord &t : trials)
    if (t.state == TrialState::Complete && (!distinct || t.candidateHash.empty() || seen.insert(t.candidateHash).second))
      if (auto values = orientedObjectives(t, objectives); values && !std::isnan((*values)[0]))
        ranked.push_back({(*values)[0], &t});
  std::stable_sort(ranked.begin(), ranked.end(), [](auto &a, auto &b) { return a.first > b.first; });
  std::vector<const TrialRecord *> result;
  for (auto &[_, t] : ranked)
    result.push_back(t);
  return result;
}

namespace {
using Clock = std::chrono::steady_clock;

} // namespace

std::string searchSettingsJSON(const SearchOptions &o) {
  nlohmann::json j;
  j["algorithm"] = o.settings.algorithm;
  j["algorithm_params"] = o.settings.algorithmParams;
  j["trials"] = o.settings.trials;
  j["seed"] = o.settings.seed;
  for (const Objective &obj : o.settings.objectives)
    j["objectives"].push_back({obj.maximize ? "maximize" : "minimize", obj.metric});
  for (const Constraint &c : o.settings.constraints)
    j["constraints"].push_back(c.str());
  j["epochs"] = o.epochs;
  j["evaluator"] = o.evaluator;
  j["successive_halving"] = o.settings.successiveHalving;
  if (o.evaluator.empty() && o.settings.evaluator == "table")
    j["table"] = {o.settings.tableFile, o.settings.tableColumn, o.settings.tableKey};
  return j.dump();
}

std::vector<Objective> objectivesFromSettingsJSON(const std::string &json) {
  std::vector<Objective> objectives;
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_object() && j.contains("objectives") && j["objectives"].is_array())
    for (const nlohmann::json &o : j["objectives"])
      if (o.is_array() && o.size() == 2 && o[0].is_string() && o[1].is_string())
        objectives.push_back({o[1].get<std::string>(), o[0].get<std::string>() == "maximize"});
  if (objectives.empty())
    objectives.push_back(Objective{});
  return objectives;
}

std::string tableKeyOf(const TrialRecord &trial) {
  const std::string &hash = trial.candidateHash;
  return hash.rfind(kTableKeyPrefix, 0) == 0 ? hash.substr(std::strlen(kTableKeyPrefix)) : std::string();
}

namespace {

/// The table evaluator: a candidate's metrics are a row of a CSV table,
/// found by the key its decisions render.
class TableLookup {
public:
  static std::optional<TableLookup> open(const DecisionSpace &space, const SearchSettings &settings,
                                         std::string &error) {
    std::optional<MetricTable> table = MetricTable::load(settings.tableFile, settings.tableColumn, error);
    if (!table)
      return std::nullopt;
    std::optional<KeyFormat> key = KeyFormat::parse(settings.tableKey, space, error);
    if (!key) {
      error = "the table key '" + settings.tableKey + "': " + error;
      return std::nullopt;
    }
    for (const Objective &o : settings.objectives)
      if (!table->hasMetric(o.metric) && o.metric != "params" && o.metric != "flops") {
        error = "the objective '" + o.metric + "' is not a column of the table '" + settings.tableFile +
                "'; its columns: " + joinNames(table->metricColumns());
        return std::nullopt;
      }
    return TableLookup(std::move(*table), std::move(*key), settings);
  }

  std::string key(const DNA &dna) const { return key_.render(dna); }

  /// Fills `trial` with the row of `key`; false and `error` when the table
  /// has none (a wrong key format: every lookup would miss).
  bool lookUp(const std::string &key, TrialRecord &trial, std::string &error) const {
    const MetricTable::Metrics *row = table_.find(key);
    if (!row) {
      trial.state = TrialState::Failed;
      trial.reason = "no row of the table has " + settings_.tableColumn + " = '" + key + "'";
      error = "trial " + std::to_string(trial.id) + ": no row of the table '" + settings_.tableFile + "' has " +
              settings_.tableColumn + " = '" + key + "' (the key that the format '" + settings_.tableKey +
              "' gives its DNA " + trial.dna + ")";
      return false;
    }
    trial.metrics = *row;
    trial.state = TrialState::Complete;
    return true;
  }

private:
  TableLookup(MetricTable table, KeyFormat key, const SearchSettings &settings)
      : table_(std::move(table)), key_(std::move(key)), settings_(settings) {}
  MetricTable table_;
  KeyFormat key_;
  SearchSettings settings_;
};

/// What the search needs of each trial's evaluation.
class Evaluator {
public:
  Evaluator(const SearchOptions &options, Storage &study) : options_(options), study_(study) {}

  /// Trains `candidate`; fills `trial` (state, metrics, reason) and records
  /// epochs as they end. False when stopped (the trial stays running).
  bool evaluate(const Candidate &candidate, TrialRecord &trial, SuccessiveHalving *pruner,
                const std::function<void()> &onEpoch, std::string &error);
  /// The best first objective whose weights are kept, restored on resume.
  void setBest(double value) { bestValue_ = value; }

private:
  bool builtIn(const Candidate &candidate, TrialRecord &trial, SuccessiveHalving *pruner,
               const std::function<void()> &onEpoch, std::string &error);
  bool external(const Candidate &candidate, TrialRecord &trial);
  bool loadData(const std::string &directory, std::string &error);
  void keepWeights(Model &model, const TrialRecord &trial);

  const SearchOptions &options_;
  Storage &study_;
  std::string dataDirectory_;
  std::optional<Dataset> train_, test_;
  double bestValue_ = -INFINITY;
  std::string bestWeights_;
};

bool Evaluator::loadData(const std::string &directory, std::string &error) {
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

void Evaluator::keepWeights(Model &model, const TrialRecord &trial) {
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

bool Evaluator::builtIn(const Candidate &candidate, TrialRecord &trial, SuccessiveHalving *pruner,
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
    trial.reason = "diverged: the loss became NaN or infinite at epoch " + std::to_string(r.divergedEpoch) +
                   ", step " + std::to_string(r.divergedStep);
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

bool Evaluator::external(const Candidate &candidate, TrialRecord &trial) {
  std::string dir = (std::filesystem::temp_directory_path() / ("nasc-trial-XXXXXX")).string();
  if (!mkdtemp(dir.data())) {
    trial.state = TrialState::Failed;
    trial.reason = "cannot make a directory for the trial";
    return true;
  }
  std::ofstream(dir + "/dna.json") << trial.dna << "\n";
  std::ofstream(dir + "/candidate.mlir") << candidate.mlir() << "\n";
  std::string why;
  auto metrics = runExternalEvaluator(options_.evaluator, dir, options_.evaluatorTimeout, options_.stop, why);
  std::filesystem::remove_all(dir);
  if (!metrics && options_.stop && options_.stop->load())
    return false;
  if (!metrics) {
    trial.state = TrialState::Failed;
    trial.reason = why;
    return true;
  }
  trial.metrics = *metrics;
  trial.state = TrialState::Complete;
  return true;
}

bool Evaluator::evaluate(const Candidate &candidate, TrialRecord &trial, SuccessiveHalving *pruner,
                         const std::function<void()> &onEpoch, std::string &error) {
  if (!options_.evaluator.empty())
    return external(candidate, trial);
  return builtIn(candidate, trial, pruner, onEpoch, error);
}

/// What the algorithm learns from an ended trial whose DNA is `dna`.
HistoryEntry historyOf(DNA dna, const TrialRecord &t, const std::vector<Objective> &objectives) {
  HistoryEntry h;
  h.dna = std::move(dna);
  std::optional<std::vector<double>> values = orientedObjectives(t, objectives);
  // A pruned trial counts with the figures it reached.
  if ((t.state == TrialState::Complete || t.state == TrialState::Pruned) && values)
    h.objectives = *values;
  else
    h.failed = true;
  return h;
}
} // namespace

std::optional<SearchOutcome> runSearch(const Space &space, Storage &study, const SearchOptions &options,
                                       std::string &error) {
  Clock::time_point start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  const SearchSettings &settings = options.settings;
  AlgorithmSettings algo{settings.algorithm, settings.algorithmParams, settings.seed,
                         static_cast<int>(settings.objectives.size())};
  std::unique_ptr<Algorithm> algorithm = makeAlgorithm(space.decisions(), algo, error);
  if (!algorithm)
    return std::nullopt;
  std::optional<TableLookup> table;
  if (options.evaluator.empty() && settings.evaluator == "table")
    if (table = TableLookup::open(space.decisions(), settings, error); !table)
      return std::nullopt;
  std::optional<SuccessiveHalving> pruner;
  if (settings.successiveHalving)
    pruner.emplace(settings.minEpochs, settings.reduction, options.epochs);

  // Resume: runs of dead processes go; the rest is history.
  if (study.dropRunning(error) < 0)
    return std::nullopt;
  std::vector<TrialRecord> trials = study.trials(error);
  if (!error.empty())
    return std::nullopt;
  std::vector<HistoryEntry> history;
  for (const TrialRecord &t : trials) {
    std::string why;
    std::optional<DNA> dna = space.parseDNA(t.dna, why);
    if (!dna) {
      error = "trial " + std::to_string(t.id) + " of the study does not fit this space: " + why;
      return std::nullopt;
    }
    if (t.state != TrialState::Running)
      history.push_back(historyOf(std::move(*dna), t, settings.objectives));
    if (pruner)
      for (const EpochMetrics &e : t.epochs)
        pruner->record(t.id, e.epoch, e.validationAccuracy);
  }
  replay(*algorithm, history);
  auto best = [&]() -> const TrialRecord * {
    auto board = leaderboard(trials, settings.objectives);
    return board.empty() ? nullptr : board.front();
  };
  Evaluator evaluator(options, study);
  if (const TrialRecord *leader = best())
    evaluator.setBest((*orientedObjectives(*leader, settings.objectives))[0]);
  auto ended = [&] {
    return static_cast<int64_t>(std::count_if(trials.begin(), trials.end(),
                                              [](const TrialRecord &t) { return t.state != TrialState::Running; }));
  };
  auto emit = [&](SearchEvent::Kind kind, const TrialRecord *t) {
    if (options.onEvent)
      options.onEvent({kind, t, best(), ended(), settings.trials, elapsed()});
  };
  if (!trials.empty())
    emit(SearchEvent::Kind::Resumed, nullptr);

  SearchOutcome outcome;
  // Proposals of candidates already evaluated are answered from the study
  // and not counted; an algorithm that proposes nothing new for this long
  // has nothing new to propose.
  const int64_t kMaxDuplicatesInARow = 1000;
  int64_t duplicatesInARow = 0;
  while (ended() < settings.trials) {
    if (options.stop && options.stop->load()) {
      outcome.interrupted = true;
      break;
    }
    if (options.budgetSeconds > 0 && elapsed() >= options.budgetSeconds) {
      outcome.outOfTime = true;
      break;
    }
    std::optional<DNA> dna = algorithm->propose();
    if (!dna) {
      outcome.exhausted = true;
      break;
    }
    TrialRecord trial;
    trial.dna = space.toJSON(*dna);
    std::string why, key;
    std::unique_ptr<Candidate> candidate = space.materialize(*dna, why);
    if (candidate) {
      // The same network trained the same way: the structure's hash and
      // the training settings' (two learning rates are two trials). A
      // table tells candidates apart by their keys instead.
      trial.candidateHash = candidate->hash() + "-" + spaceHash(candidate->train().section).substr(0, 8);
      trial.params = candidate->params();
      trial.flops = candidate->flops();
    }
    if (table)
      trial.candidateHash = kTableKeyPrefix + (key = table->key(*dna));
    auto earlier = std::find_if(trials.begin(), trials.end(), [&](const TrialRecord &t) {
      return t.state != TrialState::Running && !t.candidateHash.empty() && t.candidateHash == trial.candidateHash;
    });
    if (earlier != trials.end()) {
      learn(*algorithm, historyOf(*dna, *earlier, settings.objectives));
      ++outcome.duplicates;
      emit(SearchEvent::Kind::Duplicate, &*earlier);
      if (++duplicatesInARow >= kMaxDuplicatesInARow) {
        outcome.exhausted = true;
        break;
      }
      continue;
    }
    duplicatesInARow = 0;
    trial.id = study.startTrial(trial, error);
    if (!trial.id)
      return std::nullopt;
    trials.push_back(trial);
    emit(SearchEvent::Kind::TrialStarted, &trials.back());

    // Checks that cost no training: the network exists, fits the
    // constraints, and has not been trained already.
    bool done = true;
    if (!candidate) {
      trial.state = TrialState::Failed;
      trial.reason = why;
    } else {
      for (const Constraint &c : settings.constraints) {
        double value = c.metric == "params" ? trial.params : c.metric == "flops" ? trial.flops : NAN;
        if (!std::isnan(value) && !c.holds(value)) {
          trial.state = TrialState::Infeasible;
          trial.reason = "violates " + c.str() + " (" + c.metric + " = " + std::to_string(int64_t(value)) + ")";
          break;
        }
      }
      if (trial.state == TrialState::Running && table) {
        std::string fatal;
        if (!table->lookUp(key, trial, fatal)) {
          study.finishTrial(trial.id, trial.state, trial.metrics, trial.reason, error);
          error = fatal;
          return std::nullopt;
        }
      }
      if (trial.state == TrialState::Running) {
        std::string fatal;
        done = evaluator.evaluate(*candidate, trial, pruner ? &*pruner : nullptr,
                                  [&] { trials.back() = trial, emit(SearchEvent::Kind::Epoch, &trials.back()); },
                                  fatal);
        if (!done && !fatal.empty()) {
          error = fatal;
          return std::nullopt;
        }
      }
    }
    if (!done) { // stopped: the trial stays running and runs again on resume
      outcome.interrupted = true;
      break;
    }
    if (!study.finishTrial(trial.id, trial.state, trial.metrics, trial.reason, error))
      return std::nullopt;
    trials.back() = trial;
    learn(*algorithm, historyOf(*dna, trial, settings.objectives));
    emit(SearchEvent::Kind::TrialFinished, &trials.back());
  }
  outcome.finished = ended();
  return outcome;
}

} // namespace nas
