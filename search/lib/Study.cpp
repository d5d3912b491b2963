//===- Study.cpp - The record of a search, in a SQLite file ---------------===//
//
// A study is one SQLite file. Its header says what it is: PRAGMA
// application_id = 0x6e617363 ('nasc') and PRAGMA user_version = the format
// version (1). The schema of format version 1:
//
//   CREATE TABLE study (          -- one row: the study's description
//     id INTEGER PRIMARY KEY CHECK (id = 1),
//     format_version INTEGER NOT NULL,   -- = user_version
//     space_source TEXT NOT NULL,        -- the .nas text
//     space_hash TEXT NOT NULL,          -- spaceHash(space_source)
//     space_path TEXT NOT NULL,          -- where the space was, for people
//     settings TEXT NOT NULL,            -- the search settings, JSON
//     created_at REAL NOT NULL);         -- Unix time, seconds
//   CREATE TABLE trials (
//     id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after
//                                            -- dropRunning() deletes one
//     dna TEXT NOT NULL,                 -- JSON, by decision path
//     candidate_hash TEXT NOT NULL,
//     state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed',
//                                          'pruned', 'infeasible')),
//     reason TEXT NOT NULL,              -- why failed, pruned, infeasible
//     params INTEGER NOT NULL, flops INTEGER NOT NULL,
//     metrics TEXT NOT NULL,             -- JSON object name -> number
//     started_at REAL NOT NULL, finished_at REAL NOT NULL,  -- 0: not yet
//     machine TEXT NOT NULL,             -- host name
//     worker TEXT NOT NULL);             -- "pid@host"
//   CREATE INDEX trials_by_state ON trials (state);
//   CREATE TABLE epochs (
//     trial INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
//     epoch INTEGER NOT NULL,            -- 1-based
//     train_loss REAL, val_loss REAL, val_accuracy REAL, seconds REAL,
//     PRIMARY KEY (trial, epoch)) WITHOUT ROWID;
//
// Numbers: metrics are JSON text written by nlohmann's dump, whose doubles
// read back bit for bit (the shortest text that round-trips); JSON has no
// NaN or infinity, so those are the strings "NaN", "Infinity", "-Infinity".
// Epoch figures are SQLite REALs (IEEE doubles, exact), except that SQLite
// stores a NaN as NULL (read back as NaN) and a REAL column keeps -0.0 as 0.
//
// Sharing: several processes (workers of one search, a viewer) may use the
// file at once. It is in WAL mode, so readers never block the writer; each
// write is one BEGIN IMMEDIATE ... COMMIT transaction, and a connection waits
// up to 10 s for another's (busy timeout) before it gives up. synchronous is
// FULL: a commit is on disk before it returns, so even a power cut loses no
// finished trial. A commit happens a few times per trial (start, epochs,
// end), each after seconds or minutes of training, so the fsync costs
// nothing that shows, and a trial's result is worth far more than it.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/Study.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

namespace nas {

const char *trialStateName(TrialState state) {
  switch (state) {
  case TrialState::Running: return "running";
  case TrialState::Complete: return "complete";
  case TrialState::Failed: return "failed";
  case TrialState::Pruned: return "pruned";
  case TrialState::Infeasible: return "infeasible";
  }
  return "running";
}

std::optional<TrialState> parseTrialState(const std::string &name) {
  for (TrialState s :
       {TrialState::Running, TrialState::Complete, TrialState::Failed, TrialState::Pruned, TrialState::Infeasible})
    if (name == trialStateName(s))
      return s;
  return std::nullopt;
}

std::string spaceHash(const std::string &source) {
  uint64_t hash = 0xcbf29ce484222325ull; // FNV-1a 64-bit offset basis
  for (unsigned char c : source) {
    hash ^= c;
    hash *= 0x100000001b3ull; // FNV prime
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

namespace {

constexpr int kBusyTimeoutMs = 10000;

const char *const kSchema = R"sql(
CREATE TABLE study (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format_version INTEGER NOT NULL,
  space_source TEXT NOT NULL,
  space_hash TEXT NOT NULL,
  space_path TEXT NOT NULL,
  settings TEXT NOT NULL,
  created_at REAL NOT NULL
);
CREATE TABLE trials (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dna TEXT NOT NULL,
  candidate_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'pruned', 'infeasible')),
  reason TEXT NOT NULL,
  params INTEGER NOT NULL,
  flops INTEGER NOT NULL,
  metrics TEXT NOT NULL,
  started_at REAL NOT NULL,
  finished_at REAL NOT NULL,
  machine TEXT NOT NULL,
  worker TEXT NOT NULL
);
CREATE INDEX trials_by_state ON trials (state);
CREATE TABLE epochs (
  trial INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  epoch INTEGER NOT NULL,
  train_loss REAL,
  val_loss REAL,
  val_accuracy REAL,
  seconds REAL,
  PRIMARY KEY (trial, epoch)
) WITHOUT ROWID;
)sql";

// The columns each table must have; reading them is how an existing study
// is checked (a missing table or column fails to prepare).
const char *const kStudyColumns = "SELECT format_version, space_source, space_hash, space_path, settings, created_at "
                                  "FROM study WHERE id = 1";
const char *const kTrialColumns = "SELECT id, dna, candidate_hash, state, reason, params, flops, metrics, started_at, "
                                  "finished_at, machine, worker FROM trials";
const char *const kEpochColumns = "SELECT trial, epoch, train_loss, val_loss, val_accuracy, seconds FROM epochs";

double now() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

std::string hostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || !name[0])
    return "localhost";
  return name;
}

std::string workerName() { return std::to_string(static_cast<long long>(getpid())) + "@" + hostName(); }

std::string inQuotes(const std::string &path) { return "'" + path + "'"; }

/// A prepared statement; `ok()` false when it did not compile.
class Statement {
public:
  Statement(sqlite3 *db, const char *sql) { rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr); }
  ~Statement() { sqlite3_finalize(stmt); }
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;

  bool ok() const { return rc == SQLITE_OK; }
  void bind(int index, int64_t value) { sqlite3_bind_int64(stmt, index, value); }
  /// A NaN becomes NULL (SQLite has no NaN).
  void bind(int index, double value) { sqlite3_bind_double(stmt, index, value); }
  void bind(int index, const std::string &value) {
    sqlite3_bind_text64(stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  /// SQLITE_ROW, SQLITE_DONE or an error.
  int step() { return sqlite3_step(stmt); }
  void reset() {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }

  int64_t integer(int column) const { return sqlite3_column_int64(stmt, column); }
  /// NULL reads as NaN: that is how a NaN was stored.
  double real(int column) const {
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL)
      return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(stmt, column);
  }
  std::string text(int column) const {
    const char *data = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    return data ? std::string(data, sqlite3_column_bytes(stmt, column)) : std::string();
  }

private:
  sqlite3_stmt *stmt = nullptr;
  int rc;
};

bool execute(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

/// A transaction, rolled back unless committed. A write transaction is
/// BEGIN IMMEDIATE: it takes the write lock at once (waiting up to the busy
/// timeout), so that it never fails half-way for another writer.
class Transaction {
public:
  Transaction(sqlite3 *db, bool write) : db(db) { began = execute(db, write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  ~Transaction() {
    if (began && !sqlite3_get_autocommit(db))
      execute(db, "ROLLBACK");
  }
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;
  bool ok() const { return began; }
  bool commit() { return execute(db, "COMMIT"); }

private:
  sqlite3 *db;
  bool began;
};

std::string encodeMetrics(const std::map<std::string, double> &metrics) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto &[name, value] : metrics) {
    if (std::isnan(value))
      object[name] = "NaN";
    else if (std::isinf(value))
      object[name] = value > 0 ? "Infinity" : "-Infinity";
    else
      object[name] = value;
  }
  // `replace`: a name that is not UTF-8 must not throw.
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool decodeMetrics(const std::string &text, std::map<std::string, double> &metrics, std::string &why) {
  nlohmann::json object = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) {
    why = "its metrics are not a JSON object: " + text;
    return false;
  }
  for (const auto &[name, value] : object.items()) {
    if (value.is_number()) {
      metrics[name] = value.get<double>();
      continue;
    }
    std::string special = value.is_string() ? value.get<std::string>() : "";
    if (special == "NaN")
      metrics[name] = std::numeric_limits<double>::quiet_NaN();
    else if (special == "Infinity" || special == "-Infinity")
      metrics[name] = (special[0] == '-' ? -1 : 1) * std::numeric_limits<double>::infinity();
    else {
      why = "its metric '" + name +
            "' is not a number: " + value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return false;
    }
  }
  return true;
}

class SQLiteStudy final : public Storage {
public:
  SQLiteStudy(std::string path, sqlite3 *db) : path(std::move(path)), db(db) {}
  ~SQLiteStudy() override { sqlite3_close_v2(db); }
  SQLiteStudy(const SQLiteStudy &) = delete;
  SQLiteStudy &operator=(const SQLiteStudy &) = delete;

  /// Checks that the file is a study (or empty: then makes it one) and sets
  /// the connection up. `empty`: the file did not exist or had no bytes.
  bool setUp(bool empty, std::string &error);

  bool open(const StudyInfo &info, std::string &error) override;
  const StudyInfo &info() const override { return description; }
  int64_t startTrial(const TrialRecord &trial, std::string &error) override;
  bool recordEpoch(int64_t id, const EpochMetrics &epoch, std::string &error) override;
  bool finishTrial(int64_t id, TrialState state, const std::map<std::string, double> &metrics,
                   const std::string &reason, std::string &error) override;
  std::vector<TrialRecord> trials(std::string &error) const override;
  int64_t dropRunning(std::string &error) override;

private:
  /// "study 'path': <what>: <SQLite's message>"; returns false (or `result`).
  bool fail(std::string &error, const std::string &what) const { return fail(error, what, false); }
  template <typename T> T fail(std::string &error, const std::string &what, T result) const {
    error = "study " + inQuotes(path) + ": " + what + ": " + sqlite3_errmsg(db);
    return result;
  }
  /// Explains a failure to read the file: not a database, damaged, other.
  bool failReading(std::string &error) const;
  bool requireOpen(std::string &error) const {
    if (opened)
      return true;
    error = "study " + inQuotes(path) + " is not open: call open() with the space first";
    return false;
  }
  bool pragmaInt(const char *pragma, int64_t &value) const;
  bool createSchema(std::string &error);
  bool checkStudy(int64_t applicationId, const std::vector<std::string> &tables, std::string &error);
  /// Reads the study row into `description` when there is one.
  bool loadDescription(std::string &error);
  bool insertEpoch(int64_t id, const EpochMetrics &epoch, std::string &error);

  std::string path;
  sqlite3 *db;
  StudyInfo description;
  bool opened = false;
};

bool SQLiteStudy::failReading(std::string &error) const {
  int code = sqlite3_errcode(db) & 0xff;
  if (code == SQLITE_NOTADB)
    error = inQuotes(path) + " is not a SQLite database, so not a nasc study; use another --study file";
  else if (code == SQLITE_CORRUPT)
    error = "study " + inQuotes(path) + " is damaged (truncated or corrupt): " + sqlite3_errmsg(db);
  else
    error = "cannot read study " + inQuotes(path) + ": " + sqlite3_errmsg(db);
  return false;
}

bool SQLiteStudy::pragmaInt(const char *pragma, int64_t &value) const {
  Statement statement(db, (std::string("PRAGMA ") + pragma).c_str());
  if (!statement.ok() || statement.step() != SQLITE_ROW)
    return false;
  value = statement.integer(0);
  return true;
}

bool SQLiteStudy::setUp(bool empty, std::string &error) {
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);

  // Reading anything reads the header: this is where a file that is not a
  // database shows. A damaged one shows in quick_check (which reads every
  // page, fast for a study's size).
  if (!empty) {
    int64_t schemaVersion = 0;
    if (!pragmaInt("schema_version", schemaVersion))
      return failReading(error);
    Statement check(db, "PRAGMA quick_check(1)");
    if (!check.ok())
      return failReading(error);
    int rc = check.step();
    if (rc != SQLITE_ROW)
      return failReading(error);
    if (check.text(0) != "ok") {
      error = "study " + inQuotes(path) + " is damaged (truncated or corrupt): " + check.text(0);
      return false;
    }
  }

  // The header and the tables from one snapshot: another process may be
  // making the file a study meanwhile.
  int64_t applicationId = 0;
  std::vector<std::string> tables;
  {
    Transaction snapshot(db, /*write=*/false);
    if (!snapshot.ok() || !pragmaInt("application_id", applicationId))
      return failReading(error);
    Statement list(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                       "ESCAPE '\\' ORDER BY name");
    if (!list.ok())
      return failReading(error);
    int rc;
    while ((rc = list.step()) == SQLITE_ROW)
      tables.push_back(list.text(0));
    if (rc != SQLITE_DONE)
      return failReading(error);
    snapshot.commit();
  }
  if (applicationId == 0 && tables.empty()) {
    // A new (or empty) database: make it a study. Another process may be
    // doing the same; createSchema() lets the first one win.
    if (!createSchema(error))
      return false;
    if (!pragmaInt("application_id", applicationId))
      return failReading(error);
    tables = {"epochs", "study", "trials"};
  }
  if (!checkStudy(applicationId, tables, error))
    return false;

  // WAL mode is the file's, and stays: set once by whoever made the study.
  // The switch needs the file to itself, and SQLite reports a conflict with
  // another connection switching (or reading) at once without waiting, so
  // this waits here, as long as the busy timeout.
  Statement wal(db, "PRAGMA journal_mode = WAL");
  if (!wal.ok())
    return fail(error, "cannot switch to WAL journal mode");
  int rc = wal.step();
  for (int waited = 0; (rc & 0xff) == SQLITE_BUSY && waited < kBusyTimeoutMs; waited += 10) {
    wal.reset();
    sqlite3_sleep(10);
    rc = wal.step();
  }
  if (rc != SQLITE_ROW)
    return fail(error, "cannot switch to WAL journal mode");
  if (wal.text(0) != "wal") {
    error = "study " + inQuotes(path) + ": cannot use the WAL journal mode (the file stays in '" + wal.text(0) +
            "' mode); a study needs a local file system";
    return false;
  }
  if (!execute(db, "PRAGMA synchronous = FULL") || !execute(db, "PRAGMA foreign_keys = ON"))
    return fail(error, "cannot set the connection up");
  return loadDescription(error);
}

bool SQLiteStudy::createSchema(std::string &error) {
  Transaction transaction(db, /*write=*/true);
  if (!transaction.ok())
    return fail(error, "cannot create the study");
  int64_t applicationId = 0;
  if (!pragmaInt("application_id", applicationId))
    return failReading(error);
  if (applicationId != 0)
    return true; // another process made it (checkStudy() looks at what it is)
  std::string pragmas = "PRAGMA application_id = " + std::to_string(kStudyApplicationId) +
                        "; PRAGMA user_version = " + std::to_string(kStudyFormatVersion) + ";";
  if (!execute(db, kSchema) || !execute(db, pragmas.c_str()) || !transaction.commit())
    return fail(error, "cannot create the study");
  return true;
}

bool SQLiteStudy::checkStudy(int64_t applicationId, const std::vector<std::string> &tables, std::string &error) {
  if (applicationId != kStudyApplicationId) {
    if (applicationId != 0) {
      char id[16];
      std::snprintf(id, sizeof id, "0x%08llx", static_cast<unsigned long long>(applicationId) & 0xffffffffull);
      error = inQuotes(path) + " is a SQLite database of another application (application_id " + id +
              "), not a nasc study; use another --study file";
      return false;
    }
    std::string names;
    for (const std::string &t : tables)
      names += (names.empty() ? "" : ", ") + t;
    error = inQuotes(path) + " is a SQLite database, but not a nasc study (its tables: " + names +
            "); use another --study file";
    return false;
  }
  int64_t version = 0;
  if (!pragmaInt("user_version", version))
    return failReading(error);
  if (version > kStudyFormatVersion) {
    error = "study " + inQuotes(path) + " has format version " + std::to_string(version) +
            ", newer than this nasc reads (" + std::to_string(kStudyFormatVersion) + "); use a newer nasc";
    return false;
  }
  if (version < 1) {
    error = "study " + inQuotes(path) + " has no format version: it is damaged or was not written by nasc";
    return false;
  }
  for (const char *sql : {kStudyColumns, kTrialColumns, kEpochColumns}) {
    Statement statement(db, sql);
    if (!statement.ok()) {
      error = "study " + inQuotes(path) +
              " is not a valid nasc study (damaged or written by something else): " + sqlite3_errmsg(db);
      return false;
    }
  }
  return true;
}

bool SQLiteStudy::loadDescription(std::string &error) {
  Statement select(db, kStudyColumns);
  if (!select.ok())
    return failReading(error);
  int rc = select.step();
  if (rc == SQLITE_DONE)
    return true; // open() writes it
  if (rc != SQLITE_ROW)
    return failReading(error);
  int64_t version = select.integer(0);
  if (version > kStudyFormatVersion) {
    error = "study " + inQuotes(path) + " has format version " + std::to_string(version) +
            ", newer than this nasc reads (" + std::to_string(kStudyFormatVersion) + "); use a newer nasc";
    return false;
  }
  description.spaceSource = select.text(1);
  description.spaceHash = select.text(2);
  description.spacePath = select.text(3);
  description.settings = select.text(4);
  description.createdAt = select.real(5);
  return true;
}

bool SQLiteStudy::open(const StudyInfo &info, std::string &error) {
  StudyInfo wanted = info;
  if (wanted.spaceHash.empty())
    wanted.spaceHash = spaceHash(wanted.spaceSource);
  if (wanted.createdAt == 0)
    wanted.createdAt = now();

  Transaction transaction(db, /*write=*/true);
  if (!transaction.ok())
    return fail(error, "cannot open the study");
  Statement select(db, kStudyColumns);
  if (!select.ok())
    return fail(error, "cannot read the study");
  int rc = select.step();
  if (rc == SQLITE_ROW) {
    if (select.text(2) != wanted.spaceHash) {
      std::string where = select.text(3).empty() ? "a space of hash " + select.text(2) : select.text(3);
      error =
          "study " + inQuotes(path) + ": this study belongs to another space: " + where + "; use another --study file";
      return false;
    }
  } else if (rc == SQLITE_DONE) {
    Statement insert(db, "INSERT INTO study (id, format_version, space_source, space_hash, space_path, settings, "
                         "created_at) VALUES (1, ?, ?, ?, ?, ?, ?)");
    if (!insert.ok())
      return fail(error, "cannot create the study");
    insert.bind(1, static_cast<int64_t>(kStudyFormatVersion));
    insert.bind(2, wanted.spaceSource);
    insert.bind(3, wanted.spaceHash);
    insert.bind(4, wanted.spacePath);
    insert.bind(5, wanted.settings);
    insert.bind(6, wanted.createdAt);
    if (insert.step() != SQLITE_DONE)
      return fail(error, "cannot create the study");
  } else {
    return fail(error, "cannot read the study");
  }
  if (!transaction.commit())
    return fail(error, "cannot open the study");
  if (!loadDescription(error))
    return false;
  opened = true;
  return true;
}

bool SQLiteStudy::insertEpoch(int64_t id, const EpochMetrics &epoch, std::string &error) {
  Statement insert(db, "INSERT OR REPLACE INTO epochs (trial, epoch, train_loss, val_loss, val_accuracy, seconds) "
                       "VALUES (?, ?, ?, ?, ?, ?)");
  if (!insert.ok())
    return fail(error, "cannot record an epoch");
  insert.bind(1, id);
  insert.bind(2, epoch.epoch);
  insert.bind(3, epoch.trainLoss);
  insert.bind(4, epoch.validationLoss);
  insert.bind(5, epoch.validationAccuracy);
  insert.bind(6, epoch.seconds);
  if (insert.step() != SQLITE_DONE)
    return fail(error, "cannot record epoch " + std::to_string(epoch.epoch) + " of trial " + std::to_string(id));
  return true;
}

int64_t SQLiteStudy::startTrial(const TrialRecord &trial, std::string &error) {
  if (!requireOpen(error))
    return 0;
  double startedAt = trial.startedAt != 0 ? trial.startedAt : now();
  double finishedAt = trial.finishedAt;
  if (trial.state != TrialState::Running && finishedAt == 0)
    finishedAt = now();

  Transaction transaction(db, /*write=*/true);
  if (!transaction.ok())
    return fail(error, "cannot start a trial", int64_t(0));
  Statement insert(db, "INSERT INTO trials (dna, candidate_hash, state, reason, params, flops, metrics, started_at, "
                       "finished_at, machine, worker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok())
    return fail(error, "cannot start a trial", int64_t(0));
  insert.bind(1, trial.dna);
  insert.bind(2, trial.candidateHash);
  insert.bind(3, std::string(trialStateName(trial.state)));
  insert.bind(4, trial.reason);
  insert.bind(5, trial.params);
  insert.bind(6, trial.flops);
  insert.bind(7, encodeMetrics(trial.metrics));
  insert.bind(8, startedAt);
  insert.bind(9, finishedAt);
  insert.bind(10, trial.machine.empty() ? hostName() : trial.machine);
  insert.bind(11, trial.worker.empty() ? workerName() : trial.worker);
  if (insert.step() != SQLITE_DONE)
    return fail(error, "cannot start a trial", int64_t(0));
  int64_t id = sqlite3_last_insert_rowid(db);
  for (const EpochMetrics &epoch : trial.epochs)
    if (!insertEpoch(id, epoch, error))
      return 0;
  if (!transaction.commit())
    return fail(error, "cannot start a trial", int64_t(0));
  return id;
}

bool SQLiteStudy::recordEpoch(int64_t id, const EpochMetrics &epoch, std::string &error) {
  if (!requireOpen(error))
    return false;
  Transaction transaction(db, /*write=*/true);
  if (!transaction.ok())
    return fail(error, "cannot record an epoch");
  Statement select(db, "SELECT 1 FROM trials WHERE id = ?");
  if (!select.ok())
    return fail(error, "cannot record an epoch");
  select.bind(1, id);
  int rc = select.step();
  if (rc == SQLITE_DONE) {
    error = "study " + inQuotes(path) + " has no trial " + std::to_string(id);
    return false;
  }
  if (rc != SQLITE_ROW)
    return fail(error, "cannot record an epoch");
  if (!insertEpoch(id, epoch, error))
    return false;
  if (!transaction.commit())
    return fail(error, "cannot record an epoch");
  return true;
}

bool SQLiteStudy::finishTrial(int64_t id, TrialState state, const std::map<std::string, double> &metrics,
                              const std::string &reason, std::string &error) {
  if (!requireOpen(error))
    return false;
  const std::string trial = "trial " + std::to_string(id);
  if (state == TrialState::Running) {
    error = "study " + inQuotes(path) + ": " + trial + " cannot finish as running";
    return false;
  }
  Transaction transaction(db, /*write=*/true);
  if (!transaction.ok())
    return fail(error, "cannot finish " + trial);
  Statement select(db, "SELECT state FROM trials WHERE id = ?");
  if (!select.ok())
    return fail(error, "cannot finish " + trial);
  select.bind(1, id);
  int rc = select.step();
  if (rc == SQLITE_DONE) {
    error = "study " + inQuotes(path) + " has no " + trial + " (was it dropped as left running by a dead worker?)";
    return false;
  }
  if (rc != SQLITE_ROW)
    return fail(error, "cannot finish " + trial);
  if (select.text(0) != trialStateName(TrialState::Running)) {
    error = "study " + inQuotes(path) + ": " + trial + " has already finished (" + select.text(0) + ")";
    return false;
  }
  Statement update(db, "UPDATE trials SET state = ?, metrics = ?, reason = ?, finished_at = ? WHERE id = ?");
  if (!update.ok())
    return fail(error, "cannot finish " + trial);
  update.bind(1, std::string(trialStateName(state)));
  update.bind(2, encodeMetrics(metrics));
  update.bind(3, reason);
  update.bind(4, now());
  update.bind(5, id);
  if (update.step() != SQLITE_DONE || !transaction.commit())
    return fail(error, "cannot finish " + trial);
  return true;
}

std::vector<TrialRecord> SQLiteStudy::trials(std::string &error) const {
  error.clear();
  std::vector<TrialRecord> records;
  // One read transaction: the trials and their epochs from one snapshot.
  Transaction transaction(db, /*write=*/false);
  if (!transaction.ok())
    return fail(error, "cannot read the trials", std::vector<TrialRecord>());
  Statement select(db, (std::string(kTrialColumns) + " ORDER BY id").c_str());
  if (!select.ok())
    return fail(error, "cannot read the trials", std::vector<TrialRecord>());
  int rc;
  while ((rc = select.step()) == SQLITE_ROW) {
    TrialRecord t;
    t.id = select.integer(0);
    t.dna = select.text(1);
    t.candidateHash = select.text(2);
    std::optional<TrialState> state = parseTrialState(select.text(3));
    std::string why;
    if (!state)
      why = "its state '" + select.text(3) + "' is unknown";
    else
      t.state = *state;
    t.reason = select.text(4);
    t.params = select.integer(5);
    t.flops = select.integer(6);
    if (why.empty())
      decodeMetrics(select.text(7), t.metrics, why);
    if (!why.empty()) {
      error = "study " + inQuotes(path) + ": trial " + std::to_string(t.id) + " is damaged: " + why;
      return {};
    }
    t.startedAt = select.real(8);
    t.finishedAt = select.real(9);
    t.machine = select.text(10);
    t.worker = select.text(11);
    records.push_back(std::move(t));
  }
  if (rc != SQLITE_DONE)
    return fail(error, "cannot read the trials", std::vector<TrialRecord>());

  Statement epochs(db, (std::string(kEpochColumns) + " ORDER BY trial, epoch").c_str());
  if (!epochs.ok())
    return fail(error, "cannot read the epochs", std::vector<TrialRecord>());
  size_t next = 0; // records and epochs are both in trial id order
  while ((rc = epochs.step()) == SQLITE_ROW) {
    int64_t id = epochs.integer(0);
    while (next < records.size() && records[next].id < id)
      ++next;
    if (next == records.size() || records[next].id != id)
      continue; // an epoch of no trial (foreign keys were off): ignored
    EpochMetrics e;
    e.epoch = epochs.integer(1);
    e.trainLoss = epochs.real(2);
    e.validationLoss = epochs.real(3);
    e.validationAccuracy = epochs.real(4);
    e.seconds = epochs.real(5);
    records[next].epochs.push_back(e);
  }
  if (rc != SQLITE_DONE)
    return fail(error, "cannot read the epochs", std::vector<TrialRecord>());
  transaction.commit();
  return records;
}

int64_t SQLiteStudy::dropRunning(std::string &error) {
  error.clear();
  if (!requireOpen(error))
    return -1;
  Transaction transaction(db, /*write=*/true);
  if (!transaction.ok())
    return fail(error, "cannot drop the running trials", int64_t(-1));
  Statement select(db, "SELECT id, worker FROM trials WHERE state = 'running' ORDER BY id");
  if (!select.ok())
    return fail(error, "cannot drop the running trials", int64_t(-1));
  const std::string host = hostName();
  std::vector<int64_t> dead;
  int rc;
  while ((rc = select.step()) == SQLITE_ROW) {
    // "pid@host": only a process of this host can be known to be gone. A
    // pid reused since is taken for alive: the trial is kept, never lost.
    std::string worker = select.text(1);
    size_t at = worker.find('@');
    if (at == std::string::npos || at == 0 || worker.substr(at + 1) != host)
      continue;
    std::string digits = worker.substr(0, at);
    char *end = nullptr;
    errno = 0;
    long long pid = std::strtoll(digits.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || pid <= 0 || pid > std::numeric_limits<pid_t>::max())
      continue;
    if (kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH)
      dead.push_back(select.integer(0));
  }
  if (rc != SQLITE_DONE)
    return fail(error, "cannot drop the running trials", int64_t(-1));
  Statement dropEpochs(db, "DELETE FROM epochs WHERE trial = ?");
  Statement dropTrial(db, "DELETE FROM trials WHERE id = ?");
  if (!dropEpochs.ok() || !dropTrial.ok())
    return fail(error, "cannot drop the running trials", int64_t(-1));
  for (int64_t id : dead) {
    dropEpochs.bind(1, id);
    dropTrial.bind(1, id);
    if (dropEpochs.step() != SQLITE_DONE || dropTrial.step() != SQLITE_DONE)
      return fail(error, "cannot drop trial " + std::to_string(id), int64_t(-1));
    dropEpochs.reset();
    dropTrial.reset();
  }
  if (!transaction.commit())
    return fail(error, "cannot drop the running trials", int64_t(-1));
  return static_cast<int64_t>(dead.size());
}

} // namespace

std::unique_ptr<Storage> openSQLiteStudy(const std::string &path, std::string &error) {
  struct stat status;
  bool exists = ::stat(path.c_str(), &status) == 0;
  if (exists && S_ISDIR(status.st_mode)) {
    error = "study " + inQuotes(path) + " is a directory, not a file";
    return nullptr;
  }
  bool empty = !exists || status.st_size == 0;
  sqlite3 *db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    error = "cannot open study " + inQuotes(path) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if (int errnum = db ? sqlite3_system_errno(db) : 0)
      error += std::string(" (") + std::strerror(errnum) + ")";
    sqlite3_close_v2(db);
    return nullptr;
  }
  auto study = std::make_unique<SQLiteStudy>(path, db);
  if (!study->setUp(empty, error))
    return nullptr;
  return study;
}

} // namespace nas
