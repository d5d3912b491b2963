//===- Compiler.h - The embedding API of nasc -------------------*- C++ -*-===//
//
// What a tool needs to work with search spaces, without MLIR or LLVM
// headers: compile a .nas file (diagnostics come back as data), read its
// decision tree, draw or enumerate DNA, and materialize a DNA into a
// candidate network with its layers, cost and structural hash.
//
//   std::vector<nas::Diagnostic> diagnostics;
//   std::unique_ptr<nas::Space> space = nas::Space::fromFile("mlp.nas", diagnostics);
//   if (!space) { for (auto &d : diagnostics) std::cerr << d.str() << "\n"; return 1; }
//   nas::DNA dna = space->sample(/*seed=*/1);
//   std::string error;
//   std::unique_ptr<nas::Candidate> candidate = space->materialize(dna, error);
//   std::cout << candidate->params() << " parameters\n";
//
// Errors: compiling reports through `diagnostics` and returns null;
// materializing returns null and says why in `error`. Nothing throws.
// Threads: a Space is not shared between threads without a lock, but
// separate Spaces (each owns its MLIR context) may be used on separate
// threads at once.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_COMPILER_COMPILER_H
#define NAS_COMPILER_COMPILER_H

#include "nas/Compiler/Export.h"
#include "nas/Runtime/Program.h"
#include "nas/Runtime/Trainer.h"
#include "nas/Search/DNA.h"
#include "nas/Search/DNASpec.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nas {

/// An error, warning or note about a .nas file.
struct NAS_API Diagnostic {
  enum class Severity { Error, Warning, Note };
  Severity severity = Severity::Error;
  std::string message, hint;
  std::string file;
  unsigned line = 0, column = 0; // 1-based; 0 when not about a place
  /// "file:line:col: error: message".
  std::string str() const;
};

struct CompileOptions {
  /// Also print diagnostics the way nasc does (source line, caret, hint).
  std::FILE *printTo = nullptr;
  bool colour = false;
};

/// One layer of a candidate, per sample.
struct Layer {
  std::string op; // "nn.dense"
  unsigned line = 0, column = 0;
  std::string outputType; // "tensor<?x128xf32>"
  int64_t params = 0, flops = 0;
};

/// How a candidate trains: the file's `train` section, decisions made. A
/// default-constructed one holds the defaults of a section that sets
/// nothing, taken from the language's settings table (nas/DSL/Builtins.h),
/// the one place they are written.
struct TrainSettings {
  NAS_API TrainSettings();
  std::string data; // fashion_mnist, mnist or a directory
  int64_t epochs = 0, batch = 0;
  std::string optimizer;
  double lr = 0;
  std::string schedule;
  double validation = 0;
  uint64_t seed = 0;
  /// The whole section as text (every setting, optimizer's included).
  std::string section;
};

/// The trainer's options (nas/Runtime/Trainer.h) for `settings`: every
/// setting the trainer takes is copied, so TrainOptions' own defaults never
/// apply to a .nas file. Threads, callbacks and cancellation stay unset.
TrainOptions trainerOptions(const TrainSettings &settings);

struct Objective {
  std::string metric = "val_accuracy"; // any final metric of a trial, params, flops
  bool maximize = true;
};

struct NAS_API Constraint {
  std::string metric; // params or flops
  std::string op;     // <=, <, >=, >
  double value = 0;
  bool holds(double x) const;
  std::string str() const; // "params <= 300000"
};

/// The file's `search` section, with defaults (those of a rule's
/// parameters, successive_halving's, come from the language's tables).
/// A default-constructed one holds the defaults of the settings table
/// (nas/DSL/Builtins.h), as TrainSettings does.
struct SearchSettings {
  NAS_API SearchSettings();
  std::string algorithm;
  std::map<std::string, double> algorithmParams;
  int64_t trials = 0;
  uint64_t seed = 0;
  std::vector<Objective> objectives{Objective{}};
  std::vector<Constraint> constraints;
  bool successiveHalving = false;
  int64_t minEpochs = 0, reduction = 0; // successive halving's
  /// "trainer" (train each candidate) or "table": look its metrics up in
  /// the CSV `tableFile` (resolved against the .nas file's directory), in
  /// the row whose `tableColumn` holds the candidate's key, rendered from
  /// its decisions by the format `tableKey` (see nas/Search/KeyFormat.h).
  std::string evaluator = "trainer";
  std::string tableFile, tableColumn, tableKey;
};

/// A candidate compiled to native code for this machine's CPU: the
/// runtime's view of it (arena layout and entry points) stays valid as long
/// as this object lives.
class NAS_API CompiledModel {
public:
  ~CompiledModel();
  const Program &program() const;
  /// Seconds from the candidate's IR to runnable code.
  double compileSeconds() const;
  /// "cpu", or "cuda" when its program runs on the GPU.
  const std::string &device() const;

private:
  friend class Candidate;
  struct Impl;
  explicit CompiledModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// A candidate compiled for an NVIDIA GPU: plain data that the runtime
/// (nas/Runtime/CudaPlan.h, no MLIR or LLVM) loads. `plan` is JSON: the
/// arena (`arena_bytes`, `slots` as in Program), and the steps of
/// `train_step` and `infer` (kernel launches, cuBLAS products, cuDNN
/// convolutions; see docs/cuda.md); `ptx` holds the kernels it launches.
struct CudaProgram {
  std::string plan, ptx;
  /// Seconds from the candidate's IR to PTX.
  double seconds = 0;
};

/// One network of a space, every decision made.
class NAS_API Candidate {
public:
  ~Candidate();
  /// The network as MLIR: nn ops, static shapes but the batch.
  std::string mlir() const;
  /// Equal for equal networks (two DNAs may give one network).
  const std::string &hash() const;
  const std::vector<Layer> &layers() const;
  int64_t params() const;
  int64_t flops() const;
  int64_t activationBytes() const;
  const TrainSettings &train() const;
  const SearchSettings &search() const;

  /// Builds the training step and inference (nn-autodiff), lowers them to
  /// calls of the CPU kernels (nn-lower-cpu) with buffers for `batch` rows
  /// (0: the train section's batch), and JIT-compiles them. Null and
  /// `error` on failure. Safe to call from several threads at once.
  std::unique_ptr<CompiledModel> compileForCPU(int64_t batch, std::string &error) const;
  /// The launch plan and PTX for `chip` (sm_90: the H100), batches of at
  /// most `batch` rows (0: the train section's); needs no GPU, only
  /// libdevice from the CUDA toolkit. nullopt and `error` (with the
  /// location of an op that has no CUDA kernel yet) on failure.
  std::optional<CudaProgram> compileForCUDA(int64_t batch, std::string &error, const std::string &chip = "sm_90") const;
  /// Ready to train on `device`: "cpu" (compileForCPU), "cuda" (compiled
  /// for the GPU and loaded on GPU 0; an error says why when no GPU works)
  /// or "auto" (the GPU when one works, else the CPU).
  std::unique_ptr<CompiledModel> compileFor(const std::string &device, int64_t batch, std::string &error) const;

private:
  friend class Space;
  struct Impl;
  explicit Candidate(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// MLIR's debugging aids for the pass pipelines that compile candidates
/// (nasc-train-cpu, nasc-train-cuda, nasc-kernels-to-ptx; see docs/cli.md),
/// for whoever debugs how a candidate compiles. Both write to stderr;
/// `nasc train` and `nasc compile` set them from --mlir-timing and
/// --mlir-print-ir-after-all.
struct PipelineDebugging {
  /// After each pipeline, the time each of its passes took.
  bool timing = false;
  /// The IR after each pass of each pipeline.
  bool printIRAfterAll = false;
};

/// Applies to every pipeline that starts after the call, in this process
/// (MLIR's own --mlir-* options are process-wide too).
NAS_API void setPipelineDebugging(const PipelineDebugging &debugging);

/// A compiled search space.
class NAS_API Space {
public:
  static std::unique_ptr<Space> fromFile(const std::string &path, std::vector<Diagnostic> &diagnostics,
                                         const CompileOptions &options = {});
  static std::unique_ptr<Space> fromText(const std::string &name, const std::string &text,
                                         std::vector<Diagnostic> &diagnostics, const CompileOptions &options = {});
  ~Space();

  const std::string &modelName() const;
  /// The tree of decision points (read off the compiled IR).
  const DecisionSpace &decisions() const;
  /// The whole space as MLIR (nas and nn dialects).
  std::string mlir(bool withLocations = false) const;

  DNA sample(uint64_t seed) const;
  std::optional<DNA> first() const;
  std::optional<DNA> next(const DNA &dna) const;
  /// Parses and checks a DNA in JSON form; nullopt and `error` when it does
  /// not fit, naming the decision.
  std::optional<DNA> parseDNA(const std::string &json, std::string &error) const;
  std::string toJSON(const DNA &dna) const;

  std::unique_ptr<Candidate> materialize(const DNA &dna, std::string &error) const;

private:
  friend std::optional<SearchSettings> readSearchSettings(const Space &space, std::string &error);
  struct Impl;
  explicit Space(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

} // namespace nas

#endif // NAS_COMPILER_COMPILER_H
