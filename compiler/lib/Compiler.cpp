//===- Compiler.cpp - The embedding API of nasc ---------------------------===//
#include "nas/Compiler/Compiler.h"

#include "CandidateImpl.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "nas/Compiler/MLIRGen.h"
#include "nas/DSL/Frontend.h"
#include "nas/Passes/Cost.h"
#include "nas/Passes/Decisions.h"
#include "nas/Passes/Materialize.h"

#include "llvm/Support/raw_ostream.h"

#include <filesystem>

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

struct Space::Impl {
  std::unique_ptr<dsl::SourceFile> file;
  dsl::FrontendResult frontend;
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  DecisionSpace decisions;
};

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

/// A setting's number into `out` (integers exactly); false when `a` is not
/// a number.
template <typename T> bool readNumber(mlir::Attribute a, T &out) {
  if (auto i = mlir::dyn_cast_or_null<mlir::IntegerAttr>(a))
    out = static_cast<T>(i.getInt());
  else if (auto f = mlir::dyn_cast_or_null<mlir::FloatAttr>(a))
    out = static_cast<T>(f.getValueAsDouble());
  else
    return false;
  return true;
}

/// A setting's text; "" when `a` is not a string.
std::string textOf(mlir::Attribute a) {
  auto s = mlir::dyn_cast_or_null<mlir::StringAttr>(a);
  return s ? s.str() : std::string();
}

TrainSettings readTrainSettings(mlir::ModuleOp module) {
  TrainSettings settings;
  auto dict = module->getAttrOfType<mlir::DictionaryAttr>("nas.train");
  if (!dict)
    return settings;
  llvm::raw_string_ostream(settings.section) << dict;
  auto str = [&](llvm::StringRef key, std::string &out) {
    if (auto a = dict.getAs<mlir::StringAttr>(key))
      out = a.str();
  };
  auto num = [&](llvm::StringRef key, auto &out) { readNumber(dict.get(key), out); };
  str("data", settings.data);
  num("epochs", settings.epochs);
  num("batch", settings.batch);
  str("optimizer", settings.optimizer);
  num("optimizer.lr", settings.lr);
  if (settings.optimizer == "adam" && !dict.get("optimizer.lr"))
    settings.lr = 0.001;
  str("schedule", settings.schedule);
  num("validation", settings.validation);
  num("seed", settings.seed);
  return settings;
}

SearchSettings readSearchSettings(mlir::ModuleOp module) {
  SearchSettings settings;
  auto dict = module->getAttrOfType<mlir::DictionaryAttr>("nas.search");
  if (!dict)
    return settings;
  for (mlir::NamedAttribute entry : dict) {
    llvm::StringRef key = entry.getName().getValue();
    mlir::Attribute value = entry.getValue();
    double param;
    if (key == "algorithm")
      settings.algorithm = textOf(value);
    else if (key.starts_with("algorithm.") && readNumber(value, param))
      settings.algorithmParams[key.drop_front(10).str()] = param;
    else if (key == "trials")
      readNumber(value, settings.trials);
    else if (key == "seed")
      readNumber(value, settings.seed);
    else if (key == "early_stopping")
      settings.successiveHalving = textOf(value) == "successive_halving";
    else if (key == "early_stopping.min_epochs")
      readNumber(value, settings.minEpochs);
    else if (key == "early_stopping.reduction")
      readNumber(value, settings.reduction);
    else if (key == "evaluator")
      settings.evaluator = textOf(value);
    else if (key == "evaluator.file")
      settings.tableFile = textOf(value);
    else if (key == "evaluator.column")
      settings.tableColumn = textOf(value);
    else if (key == "evaluator.key")
      settings.tableKey = textOf(value);
  }
  if (auto objectives = dict.getAs<mlir::ArrayAttr>("objectives")) {
    settings.objectives.clear();
    for (mlir::Attribute o : objectives) {
      auto pair = mlir::cast<mlir::ArrayAttr>(o);
      settings.objectives.push_back({textOf(pair[1]), textOf(pair[0]) == "maximize"});
    }
  }
  if (auto constraints = dict.getAs<mlir::ArrayAttr>("constraints"))
    for (mlir::Attribute c : constraints) {
      auto triple = mlir::cast<mlir::ArrayAttr>(c);
      Constraint constraint{textOf(triple[0]), textOf(triple[1]), 0};
      readNumber(triple[2], constraint.value);
      settings.constraints.push_back(constraint);
    }
  return settings;
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
  result->train = readTrainSettings(*copy);
  result->search = readSearchSettings(*copy);
  if (!result->search.tableFile.empty() && std::filesystem::path(result->search.tableFile).is_relative())
    result->search.tableFile =
        (std::filesystem::path(impl_->file->name()).parent_path() / result->search.tableFile).lexically_normal();
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
