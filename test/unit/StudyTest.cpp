//===- StudyTest.cpp - Studies in SQLite files ----------------------------===//
//
// Real files in a temporary directory: a study written and read back field by
// field (doubles bit for bit), studies of another space and files that are no
// study refused with a message, several connections and processes sharing a
// file, and the running trials of dead workers dropped.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/Study.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using nas::EpochMetrics;
using nas::StudyInfo;
using nas::TrialRecord;
using nas::TrialState;

namespace {

namespace fs = std::filesystem;

std::string hostName() {
  char name[256] = {};
  gethostname(name, sizeof name - 1);
  return name[0] ? name : "localhost";
}

StudyInfo spaceA() {
  StudyInfo info;
  info.spaceSource = "model m(x: f32[N, 8]) -> f32[N, 4] { dense(4, oneof([relu, tanh])) }\n";
  info.spacePath = "spaces/a.nas";
  info.settings = R"({"algorithm":"random","trials":20,"seed":7})";
  info.createdAt = 1700000000.25;
  return info;
}

StudyInfo spaceB() {
  StudyInfo info = spaceA();
  info.spaceSource += "// another space\n";
  info.spacePath = "spaces/b.nas";
  return info;
}

uint64_t bits(double x) { return std::bit_cast<uint64_t>(x); }

/// Runs `sql` on the file with SQLite directly; returns the first column of
/// the first row ("" when none).
std::string query(const std::string &path, const std::string &sql) {
  sqlite3 *db = nullptr;
  std::string result;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW &&
        sqlite3_column_text(stmt, 0))
      result = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return result;
}

bool execute(const std::string &path, const std::string &sql) {
  sqlite3 *db = nullptr;
  bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

void writeFile(const std::string &path, const std::string &bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

class StudyTest : public testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (fs::path(testing::TempDir()) / "nasc-study-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  std::string file(const std::string &name) const { return (fs::path(dir) / name).string(); }

  /// A study of space A at `path`, opened.
  std::unique_ptr<nas::Storage> study(const std::string &path) {
    std::string error;
    auto storage = nas::openSQLiteStudy(path, error);
    EXPECT_TRUE(storage) << error;
    if (!storage)
      return nullptr;
    EXPECT_TRUE(storage->open(spaceA(), error)) << error;
    return storage;
  }

  /// The error of opening `path` as a study (which must fail).
  std::string refusal(const std::string &path) {
    std::string error;
    auto storage = nas::openSQLiteStudy(path, error);
    EXPECT_FALSE(storage) << path << " was taken for a study";
    return error;
  }

  std::string dir;
};

TEST(StudyNames, SpaceHashIsFnv1a64) {
  EXPECT_EQ(nas::spaceHash(""), "cbf29ce484222325");
  EXPECT_EQ(nas::spaceHash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(nas::spaceHash("foobar"), "85944171f73967e8");
  EXPECT_NE(nas::spaceHash(spaceA().spaceSource), nas::spaceHash(spaceB().spaceSource));
}

TEST(StudyNames, TrialStatesRoundTrip) {
  for (TrialState s :
       {TrialState::Running, TrialState::Complete, TrialState::Failed, TrialState::Pruned, TrialState::Infeasible})
    EXPECT_EQ(nas::parseTrialState(nas::trialStateName(s)), s);
  EXPECT_STREQ(nas::trialStateName(TrialState::Infeasible), "infeasible");
  EXPECT_EQ(nas::parseTrialState("Complete"), std::nullopt);
  EXPECT_EQ(nas::parseTrialState(""), std::nullopt);
}

TEST_F(StudyTest, RoundTripsEveryField) {
  const std::string path = file("study.db");
  const double inf = std::numeric_limits<double>::infinity();
  std::map<std::string, double> metrics = {
      {"val_accuracy", 0.1 + 0.2},
      {"test_accuracy", 1.0 / 3.0},
      {"val_loss", std::nextafter(1.0, 2.0)},
      {"train_seconds", 123456789.000001},
      {"samples_per_s", 3e5},
      {"tiny", 4.9406564584124654e-324}, // the least subnormal
      {"min_normal", std::numeric_limits<double>::min()},
      {"huge", std::numeric_limits<double>::max()},
      {"negative_zero", -0.0},
      {"big_integer", 9007199254740993.0},
      {"nan", std::numeric_limits<double>::quiet_NaN()},
      {"inf", inf},
      {"minus_inf", -inf},
  };
  std::mt19937_64 random(42);
  for (int i = 0; i < 500; ++i) {
    double x;
    do
      x = std::bit_cast<double>(random());
    while (std::isnan(x));
    metrics["random" + std::to_string(i)] = x;
  }

  TrialRecord first;
  first.dna = R"({"mlp.repeat": 2, "mlp.width": 3})";
  first.candidateHash = "c0ffee";
  first.params = 1234567890123;
  first.flops = 9876543210987;
  first.startedAt = 1700000001.125;
  first.machine = "gpu-7";
  first.worker = "4242@gpu-7";
  std::vector<EpochMetrics> epochs = {{1, 2.302585092994046, 2.1, 0.1 + 0.2, 12.5},
                                      {2, 1.0 / 7.0, std::numeric_limits<double>::quiet_NaN(), inf, 1e-300},
                                      {3, 0.5, 0.25, 0.875, 11.0}};
  int64_t firstId, failedId, prunedId, infeasibleId, runningId;
  {
    auto storage = study(path);
    ASSERT_TRUE(storage);
    EXPECT_EQ(storage->info().spaceHash, nas::spaceHash(spaceA().spaceSource));
    std::string error;
    firstId = storage->startTrial(first, error);
    ASSERT_EQ(firstId, 1) << error;
    // Recorded out of order and one twice: replaced, read back in order.
    EXPECT_TRUE(storage->recordEpoch(firstId, epochs[1], error)) << error;
    EXPECT_TRUE(storage->recordEpoch(firstId, {1, 9, 9, 9, 9}, error)) << error;
    EXPECT_TRUE(storage->recordEpoch(firstId, epochs[0], error)) << error;
    EXPECT_TRUE(storage->recordEpoch(firstId, epochs[2], error)) << error;
    EXPECT_TRUE(storage->finishTrial(firstId, TrialState::Complete, metrics, "", error)) << error;

    TrialRecord other;
    other.dna = R"({"mlp.width": 0})";
    failedId = storage->startTrial(other, error);
    EXPECT_TRUE(storage->finishTrial(failedId, TrialState::Failed, {}, "out of memory: 2 GiB\nwith 'quotes'", error))
        << error;
    prunedId = storage->startTrial(other, error);
    EXPECT_TRUE(storage->finishTrial(prunedId, TrialState::Pruned, {{"val_accuracy", 0.125}}, "median rule", error))
        << error;
    // A trial recorded finished at once, never run.
    TrialRecord infeasible = other;
    infeasible.state = TrialState::Infeasible;
    infeasible.reason = "12 MB of weights, over the 8 MB budget";
    infeasible.params = 3000000;
    infeasible.metrics = {{"params", 3e6}};
    infeasibleId = storage->startTrial(infeasible, error);
    runningId = storage->startTrial(other, error);
    EXPECT_EQ(std::vector<int64_t>({failedId, prunedId, infeasibleId, runningId}), std::vector<int64_t>({2, 3, 4, 5}));
  }

  std::string error;
  auto storage = nas::openSQLiteStudy(path, error);
  ASSERT_TRUE(storage) << error;
  // The description is there before open(): a reader needs no space.
  StudyInfo stored = storage->info();
  EXPECT_EQ(stored.spaceSource, spaceA().spaceSource);
  EXPECT_EQ(stored.spaceHash, nas::spaceHash(spaceA().spaceSource));
  EXPECT_EQ(stored.spacePath, "spaces/a.nas");
  EXPECT_EQ(stored.settings, spaceA().settings);
  EXPECT_EQ(bits(stored.createdAt), bits(1700000000.25));
  // Reopening with the same space (moved, other settings) keeps the stored
  // description.
  StudyInfo moved = spaceA();
  moved.spacePath = "elsewhere/a.nas";
  moved.settings = "{}";
  moved.spaceHash = "";
  ASSERT_TRUE(storage->open(moved, error)) << error;
  EXPECT_EQ(storage->info().spacePath, "spaces/a.nas");
  EXPECT_EQ(storage->info().settings, spaceA().settings);

  std::vector<TrialRecord> trials = storage->trials(error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_EQ(trials.size(), 5u);
  const TrialRecord &t = trials[0];
  EXPECT_EQ(t.id, firstId);
  EXPECT_EQ(t.dna, first.dna);
  EXPECT_EQ(t.candidateHash, "c0ffee");
  EXPECT_EQ(t.state, TrialState::Complete);
  EXPECT_EQ(t.reason, "");
  EXPECT_EQ(t.params, 1234567890123);
  EXPECT_EQ(t.flops, 9876543210987);
  EXPECT_EQ(bits(t.startedAt), bits(1700000001.125));
  EXPECT_GE(t.finishedAt, t.startedAt);
  EXPECT_EQ(t.machine, "gpu-7");
  EXPECT_EQ(t.worker, "4242@gpu-7");
  ASSERT_EQ(t.metrics.size(), metrics.size());
  for (const auto &[name, value] : metrics) {
    ASSERT_TRUE(t.metrics.count(name)) << name;
    if (std::isnan(value))
      EXPECT_TRUE(std::isnan(t.metrics.at(name))) << name;
    else
      EXPECT_EQ(bits(t.metrics.at(name)), bits(value))
          << name << " " << value << " read back as " << t.metrics.at(name);
  }
  ASSERT_EQ(t.epochs.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const EpochMetrics &a = t.epochs[i], &b = epochs[i];
    EXPECT_EQ(a.epoch, b.epoch);
    EXPECT_EQ(bits(a.trainLoss), bits(b.trainLoss));
    if (std::isnan(b.validationLoss))
      EXPECT_TRUE(std::isnan(a.validationLoss));
    else
      EXPECT_EQ(bits(a.validationLoss), bits(b.validationLoss));
    EXPECT_EQ(bits(a.validationAccuracy), bits(b.validationAccuracy));
    EXPECT_EQ(bits(a.seconds), bits(b.seconds));
  }

  EXPECT_EQ(trials[1].state, TrialState::Failed);
  EXPECT_EQ(trials[1].reason, "out of memory: 2 GiB\nwith 'quotes'");
  EXPECT_TRUE(trials[1].metrics.empty());
  EXPECT_TRUE(trials[1].epochs.empty());
  // Filled in by the storage.
  EXPECT_EQ(trials[1].machine, hostName());
  EXPECT_EQ(trials[1].worker, std::to_string(getpid()) + "@" + hostName());
  EXPECT_GT(trials[1].startedAt, 1.6e9);
  EXPECT_GE(trials[1].finishedAt, trials[1].startedAt);

  EXPECT_EQ(trials[2].state, TrialState::Pruned);
  EXPECT_EQ(trials[2].reason, "median rule");
  EXPECT_EQ(trials[2].metrics, (std::map<std::string, double>{{"val_accuracy", 0.125}}));

  EXPECT_EQ(trials[3].state, TrialState::Infeasible);
  EXPECT_EQ(trials[3].reason, "12 MB of weights, over the 8 MB budget");
  EXPECT_EQ(trials[3].params, 3000000);
  EXPECT_EQ(trials[3].metrics, (std::map<std::string, double>{{"params", 3e6}}));
  EXPECT_GT(trials[3].finishedAt, 0);

  EXPECT_EQ(trials[4].state, TrialState::Running);
  EXPECT_EQ(trials[4].finishedAt, 0);
}

TEST_F(StudyTest, RefusesAStudyOfAnotherSpace) {
  const std::string path = file("study.db");
  study(path);
  std::string error;
  auto storage = nas::openSQLiteStudy(path, error);
  ASSERT_TRUE(storage) << error;
  EXPECT_FALSE(storage->open(spaceB(), error));
  EXPECT_NE(error.find("this study belongs to another space: spaces/a.nas; use another --study file"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find(path), std::string::npos) << error;
  // Nothing was written, and nothing can be.
  EXPECT_EQ(storage->startTrial(TrialRecord(), error), 0);
  EXPECT_NE(error.find("not open"), std::string::npos) << error;
  EXPECT_EQ(query(path, "SELECT space_path FROM study"), "spaces/a.nas");
}

TEST_F(StudyTest, RefusesFilesThatAreNoDatabase) {
  const std::string text = file("notes.txt");
  writeFile(text, "these are my notes, not a study\n");
  std::string error = refusal(text);
  EXPECT_NE(error.find(text), std::string::npos) << error;
  EXPECT_NE(error.find("is not a SQLite database"), std::string::npos) << error;

  const std::string noise = file("noise.bin");
  std::mt19937_64 random(7);
  std::string bytes;
  for (int i = 0; i < 8192; ++i)
    bytes += static_cast<char>(random() & 0xff);
  writeFile(noise, bytes);
  error = refusal(noise);
  EXPECT_NE(error.find(noise), std::string::npos) << error;
  EXPECT_NE(error.find("is not a SQLite database"), std::string::npos) << error;

  // Left as they were.
  EXPECT_EQ(fs::file_size(noise), 8192u);
  EXPECT_EQ(fs::file_size(text), 32u);

  error = refusal(dir);
  EXPECT_NE(error.find("is a directory"), std::string::npos) << error;
  error = refusal(file("no/such/dir/study.db"));
  EXPECT_NE(error.find("no/such/dir/study.db"), std::string::npos) << error;
  EXPECT_NE(error.find("No such file or directory"), std::string::npos) << error;
}

TEST_F(StudyTest, AnEmptyFileBecomesAStudy) {
  const std::string path = file("empty.db");
  writeFile(path, "");
  auto storage = study(path);
  ASSERT_TRUE(storage);
  std::string error;
  EXPECT_EQ(storage->startTrial(TrialRecord(), error), 1) << error;
}

TEST_F(StudyTest, RefusesTruncatedStudies) {
  const std::string path = file("study.db");
  {
    auto storage = study(path);
    ASSERT_TRUE(storage);
    std::string error;
    TrialRecord trial;
    trial.dna = std::string(2000, 'x'); // enough pages to cut
    for (int i = 0; i < 200; ++i) {
      int64_t id = storage->startTrial(trial, error);
      ASSERT_GT(id, 0) << error;
      ASSERT_TRUE(storage->recordEpoch(id, {1, 0.5, 0.5, 0.5, 1}, error)) << error;
      ASSERT_TRUE(storage->finishTrial(id, TrialState::Complete, {{"val_accuracy", 0.5}}, "", error)) << error;
    }
  }
  // Closed: everything is in the main file.
  EXPECT_FALSE(fs::exists(path + "-wal"));
  const uintmax_t size = fs::file_size(path);
  ASSERT_GT(size, 100000u);

  const std::string half = file("half.db");
  fs::copy_file(path, half);
  fs::resize_file(half, size / 2);
  std::string error = refusal(half);
  EXPECT_NE(error.find(half), std::string::npos) << error;
  EXPECT_NE(error.find("damaged"), std::string::npos) << error;

  const std::string header = file("header.db");
  fs::copy_file(path, header);
  fs::resize_file(header, 100);
  error = refusal(header);
  EXPECT_NE(error.find(header), std::string::npos) << error;
  EXPECT_TRUE(error.find("damaged") != std::string::npos || error.find("not a SQLite database") != std::string::npos)
      << error;

  // The original is fine.
  auto storage = study(path);
  ASSERT_TRUE(storage);
  EXPECT_EQ(storage->trials(error).size(), 200u) << error;
}

TEST_F(StudyTest, RefusesOtherDatabases) {
  const std::string other = file("app.db");
  ASSERT_TRUE(execute(other, "CREATE TABLE users (name TEXT); CREATE TABLE orders (id INTEGER);"));
  std::string error = refusal(other);
  EXPECT_NE(error.find(other + "' is a SQLite database, but not a nasc study (its tables: orders, users)"),
            std::string::npos)
      << error;
  // Not touched: still in its rollback journal mode, no study tables.
  EXPECT_EQ(query(other, "PRAGMA journal_mode"), "delete");
  EXPECT_EQ(query(other, "SELECT count(*) FROM sqlite_master"), "2");

  const std::string foreign = file("foreign.db");
  ASSERT_TRUE(execute(foreign, "PRAGMA application_id = 1179602753; CREATE TABLE t (x);"));
  error = refusal(foreign);
  EXPECT_NE(error.find("another application (application_id 0x464f4f41)"), std::string::npos) << error;

  // Says it is a study, but its tables are not there.
  const std::string hollow = file("hollow.db");
  ASSERT_TRUE(execute(hollow, "PRAGMA application_id = 1851880291; PRAGMA user_version = 1; CREATE TABLE study "
                              "(id INTEGER PRIMARY KEY);"));
  error = refusal(hollow);
  EXPECT_NE(error.find(hollow + "' is not a valid nasc study"), std::string::npos) << error;

  // A study of a newer format.
  const std::string newer = file("newer.db");
  study(newer);
  ASSERT_TRUE(execute(newer, "PRAGMA user_version = 2"));
  error = refusal(newer);
  EXPECT_NE(error.find(newer + "' has format version 2, newer than this nasc reads (1)"), std::string::npos) << error;
}

TEST_F(StudyTest, IsAWalStudy) {
  const std::string path = file("study.db");
  auto storage = study(path);
  ASSERT_TRUE(storage);
  EXPECT_EQ(query(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query(path, "PRAGMA application_id"), std::to_string(0x6e617363));
  EXPECT_EQ(query(path, "PRAGMA user_version"), "1");
  EXPECT_EQ(query(path, "SELECT format_version FROM study"), "1");
  storage.reset();
  EXPECT_EQ(query(path, "PRAGMA journal_mode"), "wal"); // the file's, it stays
}

TEST_F(StudyTest, ConnectionsShareTheFile) {
  const std::string path = file("study.db");
  auto a = study(path), b = study(path);
  ASSERT_TRUE(a && b);
  std::string error;
  TrialRecord trial;
  trial.dna = "{}";
  std::set<int64_t> ids;
  std::vector<int64_t> order;
  for (int i = 0; i < 5; ++i) {
    int64_t x = a->startTrial(trial, error);
    ASSERT_GT(x, 0) << error;
    int64_t y = b->startTrial(trial, error);
    ASSERT_GT(y, 0) << error;
    ASSERT_TRUE(b->recordEpoch(x, {1, 1, 1, 1, 1}, error)) << error;
    ASSERT_TRUE(b->finishTrial(x, TrialState::Complete, {{"val_accuracy", double(i)}}, "", error)) << error;
    ASSERT_TRUE(a->finishTrial(y, TrialState::Failed, {}, "nan loss", error)) << error;
    ids.insert(x);
    ids.insert(y);
    order.push_back(x);
    order.push_back(y);
  }
  EXPECT_EQ(ids.size(), 10u);
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
  for (nas::Storage *s : {a.get(), b.get()}) {
    std::vector<TrialRecord> trials = s->trials(error);
    ASSERT_EQ(trials.size(), 10u) << error;
    for (size_t i = 0; i < trials.size(); ++i) {
      EXPECT_EQ(trials[i].id, order[i]);
      EXPECT_EQ(trials[i].state, i % 2 ? TrialState::Failed : TrialState::Complete);
      EXPECT_EQ(trials[i].epochs.size(), i % 2 ? 0u : 1u);
    }
  }
  // A trial finishes once.
  EXPECT_FALSE(a->finishTrial(order[0], TrialState::Failed, {}, "", error));
  EXPECT_NE(error.find("trial 1 has already finished (complete)"), std::string::npos) << error;
}

TEST_F(StudyTest, ProcessesShareTheFile) {
  // The workers race to create the study, then to write it.
  const std::string path = file("study.db");
  constexpr int kWorkers = 4, kTrials = 25;
  std::vector<pid_t> workers;
  for (int w = 0; w < kWorkers; ++w) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::string error;
      auto storage = nas::openSQLiteStudy(path, error);
      bool ok = storage && storage->open(spaceA(), error);
      for (int i = 0; ok && i < kTrials; ++i) {
        int64_t id = storage->startTrial(TrialRecord(), error);
        ok = id > 0 && storage->recordEpoch(id, {1, 1, 1, 1, 1}, error) &&
             storage->finishTrial(id, TrialState::Complete, {{"worker", double(w)}}, "", error);
      }
      if (!ok)
        fprintf(stderr, "worker %d: %s\n", w, error.c_str());
      storage.reset();
      _exit(ok ? 0 : 1);
    }
    workers.push_back(pid);
  }
  for (pid_t pid : workers) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  auto storage = study(path);
  std::string error;
  std::vector<TrialRecord> trials = storage->trials(error);
  ASSERT_EQ(trials.size(), size_t(kWorkers * kTrials)) << error;
  std::map<double, int> perWorker;
  for (size_t i = 0; i < trials.size(); ++i) {
    EXPECT_EQ(trials[i].id, int64_t(i + 1));
    EXPECT_EQ(trials[i].epochs.size(), 1u);
    ++perWorker[trials[i].metrics["worker"]];
  }
  for (int w = 0; w < kWorkers; ++w)
    EXPECT_EQ(perWorker[w], kTrials);
}

TEST_F(StudyTest, DropsTheRunningTrialsOfDeadWorkers) {
  const std::string path = file("study.db");
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0)
    _exit(0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child); // reaped: no such process now
  const std::string dead = std::to_string(child) + "@" + hostName();

  auto storage = study(path);
  ASSERT_TRUE(storage);
  std::string error;
  TrialRecord orphan;
  orphan.worker = dead;
  int64_t orphanId = storage->startTrial(orphan, error);
  ASSERT_GT(orphanId, 0) << error;
  ASSERT_TRUE(storage->recordEpoch(orphanId, {1, 1, 1, 1, 1}, error)) << error;
  ASSERT_TRUE(storage->recordEpoch(orphanId, {2, 1, 1, 1, 1}, error)) << error;
  int64_t mine = storage->startTrial(TrialRecord(), error); // this live process
  TrialRecord remote;
  remote.worker = std::to_string(child) + "@another-host-" + hostName();
  int64_t remoteId = storage->startTrial(remote, error); // cannot be known dead
  int64_t finishedId = storage->startTrial(orphan, error);
  ASSERT_TRUE(storage->finishTrial(finishedId, TrialState::Complete, {}, "", error)) << error;
  TrialRecord odd;
  odd.worker = "not a worker";
  int64_t oddId = storage->startTrial(odd, error);

  EXPECT_EQ(storage->dropRunning(error), 1) << error;
  EXPECT_TRUE(error.empty()) << error;
  std::vector<TrialRecord> trials = storage->trials(error);
  std::vector<int64_t> ids;
  for (const TrialRecord &t : trials)
    ids.push_back(t.id);
  EXPECT_EQ(ids, std::vector<int64_t>({mine, remoteId, finishedId, oddId}));
  EXPECT_EQ(query(path, "SELECT count(*) FROM epochs WHERE trial = " + std::to_string(orphanId)), "0");
  EXPECT_EQ(storage->dropRunning(error), 0) << error;

  // The dropped trial cannot be finished by a late worker; ids are not reused.
  EXPECT_FALSE(storage->finishTrial(orphanId, TrialState::Complete, {}, "", error));
  EXPECT_NE(error.find("has no trial 1"), std::string::npos) << error;
  EXPECT_EQ(storage->startTrial(TrialRecord(), error), oddId + 1) << error;
}

TEST_F(StudyTest, AnUnfinishedTrialSurvivesAReopen) {
  const std::string path = file("study.db");
  int64_t id;
  {
    auto storage = study(path);
    ASSERT_TRUE(storage);
    std::string error;
    TrialRecord trial;
    trial.dna = R"({"mlp.width": 1})";
    id = storage->startTrial(trial, error);
    ASSERT_GT(id, 0) << error;
    ASSERT_TRUE(storage->recordEpoch(id, {1, 0.75, 0.5, 0.625, 3}, error)) << error;
    // Closed without finishing, as a crash leaves it.
  }
  auto storage = study(path);
  ASSERT_TRUE(storage);
  std::string error;
  std::vector<TrialRecord> trials = storage->trials(error);
  ASSERT_EQ(trials.size(), 1u) << error;
  EXPECT_EQ(trials[0].state, TrialState::Running);
  EXPECT_EQ(trials[0].dna, R"({"mlp.width": 1})");
  EXPECT_EQ(trials[0].finishedAt, 0);
  ASSERT_EQ(trials[0].epochs.size(), 1u);
  EXPECT_EQ(trials[0].epochs[0].validationAccuracy, 0.625);
  // This process is alive: dropRunning keeps it, and it can still finish.
  EXPECT_EQ(storage->dropRunning(error), 0) << error;
  EXPECT_TRUE(storage->finishTrial(id, TrialState::Complete, {{"val_accuracy", 0.625}}, "", error)) << error;
}

TEST_F(StudyTest, RefusesMisuse) {
  const std::string path = file("study.db");
  std::string error;
  auto storage = nas::openSQLiteStudy(path, error);
  ASSERT_TRUE(storage) << error;
  EXPECT_EQ(storage->startTrial(TrialRecord(), error), 0);
  EXPECT_NE(error.find("call open()"), std::string::npos) << error;
  EXPECT_EQ(storage->dropRunning(error), -1);
  ASSERT_TRUE(storage->open(spaceA(), error)) << error;
  EXPECT_FALSE(storage->recordEpoch(7, {1, 1, 1, 1, 1}, error));
  EXPECT_NE(error.find("has no trial 7"), std::string::npos) << error;
  int64_t id = storage->startTrial(TrialRecord(), error);
  EXPECT_FALSE(storage->finishTrial(id, TrialState::Running, {}, "", error));
  EXPECT_NE(error.find("cannot finish as running"), std::string::npos) << error;
  EXPECT_TRUE(storage->finishTrial(id, TrialState::Complete, {}, "", error)) << error;
}

} // namespace
