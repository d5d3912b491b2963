//===- Compiler.cpp - The embedding API of nasc ---------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"

#include "CandidateImpl.h"
#include "Settings.h"
#include "SpaceImpl.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "nas/Compiler/MLIRGen.h"
#include "nas/Passes/Cost.h"
#include "nas/Passes/Decisions.h"
#include "nas/Passes/Materialize.h"

#include "llvm/Support/raw_ostream.h"

namespace nas {

std::string Diagnostic::str() const {
  static const char *kinds[] = {"error", "warning", "note"};
  std::string where = file;
  if (line)
    where += ":" + std::to_string(line) + ":" + std::to_string(column);
  return where + ": " + kinds[static_cast<int>(severity)] + ": " + message;
}

//===----------------------------------------------------------------------===//
// Candidate
//===----------------------------------------------------------------------===//

// Everything is computed when the candidate is made, so a candidate holds no
// MLIR object and may outlive its space.

Candidate::Candidate(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Candidate::~Candidate() = default;
std::string Candidate::mlir() const { return impl_->mlir; }
const std::string &Candidate::hash() const { return impl_->hash; }
const std::vector<Layer> &Candidate::layers() const { return impl_->layers; }
int64_t Candidate::params() const { return impl_->params; }
int64_t Candidate::flops() const { return impl_->flops; }
int64_t Candidate::activationBytes() const { return impl_->activationBytes; }
const TrainSettings &Candidate::train() const { return impl_->train; }
const SearchSettings &Candidate::search() const { return impl_->search; }

//===----------------------------------------------------------------------===//
// Space
//===----------------------------------------------------------------------===//

Space::Space(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Space::~Space() = default;

namespace {
Diagnostic::Severity severityOf(dsl::Severity s) {
  switch (s) {
  case dsl::Severity::Error: return Diagnostic::Severity::Error;
  case dsl::Severity::Warning: return Diagnostic::Severity::Warning;
  case dsl::Severity::Note: return Diagnostic::Severity::Note;
  }
  return Diagnostic::Severity::Error;
}

std::string printed(mlir::Operation *op, const mlir::OpPrintingFlags &flags = {}) {
  std::string text;
  llvm::raw_string_ostream os(text);
  op->print(os, flags);
  return text;
}
} // namespace

std::unique_ptr<Space> Space::fromFile(const std::string &path, std::vector<Diagnostic> &diagnostics,
                                       const CompileOptions &options) {
  std::string why;
  std::optional<std::string> text = dsl::readFile(path, why);
  if (!text) {
    Diagnostic d;
    d.message = "cannot read '" + path + "': " + why;
    d.file = path;
    if (options.printTo)
      std::fprintf(options.printTo, "nasc: error: %s\n", d.message.c_str());
    diagnostics.push_back(std::move(d));
    return nullptr;
  }
  return fromText(path, *text, diagnostics, options);
}

std::unique_ptr<Space> Space::fromText(const std::string &name, const std::string &text,
                                       std::vector<Diagnostic> &diagnostics, const CompileOptions &options) {
  auto impl = std::make_unique<Impl>();
  impl->file = std::make_unique<dsl::SourceFile>(name, text);
  dsl::DiagnosticEngine diags(*impl->file, options.printTo, options.colour);
  impl->frontend = dsl::runFrontend(diags);
  for (const dsl::Diagnostic &d : diags.diagnostics()) {
    dsl::Position pos = impl->file->position(d.range.begin);
    diagnostics.push_back({severityOf(d.severity), d.message, d.hint, name, pos.line, pos.column});
  }
  if (!impl->frontend.ok())
    return nullptr;
  impl->module = generateModule(impl->context, impl->frontend.ast, *impl->file);
  if (!impl->module || failed(mlir::verify(*impl->module))) {
    Diagnostic d;
    d.message = "internal error: the module made from this file does not verify; please report it with the file";
    d.file = name;
    if (options.printTo)
      std::fprintf(options.printTo, "nasc: %s (%s)\n", d.message.c_str(), name.c_str());
    diagnostics.push_back(std::move(d));
    return nullptr;
  }
  impl->decisions = readDecisions(*impl->module);
  return std::unique_ptr<Space>(new Space(std::move(impl)));
}

const std::string &Space::modelName() const { return impl_->frontend.checked.modelName; }
const DecisionSpace &Space::decisions() const { return impl_->decisions; }

std::string Space::mlir(bool withLocations) const {
  mlir::OpPrintingFlags flags;
  if (withLocations)
    flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
  return printed(*impl_->module, flags);
}

DNA Space::sample(uint64_t seed) const { return randomDNA(impl_->decisions, seed); }
std::optional<DNA> Space::first() const { return firstDNA(impl_->decisions); }
std::optional<DNA> Space::next(const DNA &dna) const { return nextDNA(impl_->decisions, dna); }
std::optional<DNA> Space::parseDNA(const std::string &json, std::string &error) const {
  return fromJSON(impl_->decisions, json, error);
}
std::string Space::toJSON(const DNA &dna) const { return nas::toJSON(impl_->decisions, dna); }

std::unique_ptr<Candidate> Space::materialize(const DNA &dna, std::string &error) const {
  error = validate(impl_->decisions, dna);
  if (!error.empty())
    return nullptr;
  mlir::OwningOpRef<mlir::ModuleOp> copy = impl_->module->clone();
  // Errors about ops arrive through the context's diagnostic handler.
  mlir::ScopedDiagnosticHandler handler(&impl_->context, [&](mlir::Diagnostic &d) {
    if (d.getSeverity() == mlir::DiagnosticSeverity::Error && error.empty())
      error = d.str();
    return mlir::success();
  });
  if (failed(materializeCandidate(*copy, dna)) || failed(mlir::verify(*copy))) {
    if (error.empty())
      error = "the candidate could not be materialized";
    return nullptr;
  }
  (*copy)->setAttr("nas.dna", mlir::StringAttr::get(&impl_->context, nas::toJSON(impl_->decisions, dna)));
  auto result = std::make_unique<Candidate::Impl>();
  result->mlir = printed(*copy);
  mlir::OpPrintingFlags withLocations;
  withLocations.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
  result->mlirWithLocations = printed(*copy, withLocations);
  result->train = trainSettingsOf(*copy);
  result->search = searchSettingsOf(*copy, impl_->file->name());
  result->hash = candidateHash(*copy);
  for (auto func : copy->getOps<mlir::func::FuncOp>()) {
    std::optional<NetworkCost> cost = analyzeCost(func);
    if (!cost) {
      if (error.empty())
        error = "the candidate's cost could not be computed";
      return nullptr;
    }
    for (const LayerCost &layer : cost->layers) {
      Layer l;
      l.op = layer.op->getName().getStringRef().str();
      if (auto file = mlir::dyn_cast<mlir::FileLineColLoc>(layer.op->getLoc())) {
        l.line = file.getLine();
        l.column = file.getColumn();
      }
      llvm::raw_string_ostream os(l.outputType);
      layer.op->getResult(0).getType().print(os);
      l.params = layer.params;
      l.flops = layer.flops;
      result->layers.push_back(std::move(l));
    }
    result->params += cost->params;
    result->flops += cost->flops;
    result->activationBytes += cost->activationBytes;
  }
  return std::unique_ptr<Candidate>(new Candidate(std::move(result)));
}

} // namespace nas
