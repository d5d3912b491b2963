//===- Sema.h - Semantic checks and the decisions of a space ----*- C++ -*-===//
//
// Checks a parsed module by elaborating it the way materialization will:
// blocks are instantiated at each call, `for` loops unrolled, every
// repetition of a `repeat` visited, every candidate of a choice visited.
// Along the way it checks names, arity, argument kinds, tensor shapes where
// they are known and constants where a constant is required, and it collects
// the tree of decision points with their stable path names.
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_SEMA_H
#define NAS_DSL_SEMA_H

#include "nas/DSL/AST.h"
#include "nas/DSL/Diagnostics.h"
#include "nas/Search/SpaceSize.h"

#include <memory>
#include <string>
#include <vector>

namespace nas::dsl {

struct DecisionPoint;
using DecisionSpace = std::vector<std::unique_ptr<DecisionPoint>>;

/// One decision of the space. Choices carry a sub-space per candidate that
/// exists only when that candidate is chosen; a decided repetition count
/// carries a sub-space per repetition that exists only when the count
/// exceeds its index.
struct DecisionPoint {
  enum class Kind { OneOf, ManyOf, Int, Float, Optional };
  Kind kind = Kind::OneOf;
  std::string path;
  SourceRange range;
  std::vector<std::string> candidates;  // OneOf, ManyOf: source text of each
  std::vector<DecisionSpace> subspaces; // OneOf, Optional (absent, present): per candidate
  std::vector<long long> countValues;   // the count each candidate stands for, when it counts repetitions
  std::vector<DecisionSpace> repetitions;
  long long low = 0, high = 0; // Int
  double lowFloat = 0, highFloat = 0;
  bool logScale = false;
  long long choose = 0; // ManyOf
  bool distinct = true, sorted = false;
};

struct CheckedModule {
  std::string modelName;
  DecisionSpace decisions;
  SpaceSize size;
};

/// Runs every semantic check; errors and warnings go to `diags`.
CheckedModule checkModule(const Module &module, DiagnosticEngine &diags);

/// The number of candidates of a (sub-)space: infinite when it has a
/// continuous decision, unless `countContinuous` is false, which counts the
/// choices of the discrete decisions only.
SpaceSize spaceSize(const DecisionSpace &space, bool countContinuous = true);

/// Writes the decisions as an indented tree, one per line.
std::string describeDecisions(const DecisionSpace &space);

} // namespace nas::dsl

#endif // NAS_DSL_SEMA_H
