//===- Materialize.cpp - The nas-materialize pass -------------------------===//
//
// Walks the space in program order with the full path of the scope it is in,
// the way the decisions were named: a decision becomes the constant the DNA
// gives it, a switch whose selector is now known is replaced by its chosen
// region (processed first, in that candidate's scope), and a repeat whose
// count is now known is unrolled, each copy processed in its repetition's
// scope (`mlp.repeat[i]`).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/Materialize.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Dialect/Nas/NasOps.h"
#include "nas/Passes/Decisions.h"
#include "nas/Passes/Passes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace nas {

using namespace mlir;

namespace {

class Materializer {
public:
  Materializer(const DNA &dna) : dna_(dna) {}
  LogicalResult process(Block &block, const std::string &base);

private:
  static std::string join(const std::string &base, StringRef name) {
    return base.empty() ? name.str() : base + "." + name.str();
  }
  LogicalResult decide(Operation *op, const std::string &base);
  LogicalResult inlineSwitch(space::SwitchOp op);
  LogicalResult unrollRepeat(space::RepeatOp op, const std::string &base);

  const DNA &dna_;
  llvm::DenseMap<Value, std::string> pathOf_; // decided selector -> its decision's path
};

LogicalResult Materializer::decide(Operation *op, const std::string &base) {
  std::string path = join(base, op->getAttrOfType<StringAttr>("name").getValue());
  auto it = dna_.values.find(path);
  if (it == dna_.values.end())
    return op->emitError() << "the DNA has no value for decision '" << path << "'";
  const DecisionValue &v = it->second;
  OpBuilder b(op);
  Location l = op->getLoc();
  SmallVector<Value> constants;
  if (auto o = dyn_cast<space::OneOfValueOp>(op)) {
    Attribute chosen = o.getCandidates()[v.indices.at(0)];
    if (auto i = dyn_cast<IntegerAttr>(chosen))
      constants.push_back(arith::ConstantIndexOp::create(b, l, i.getInt()));
    else
      constants.push_back(
          arith::ConstantOp::create(b, l, b.getF64FloatAttr(cast<FloatAttr>(chosen).getValueAsDouble())));
  } else if (isa<space::OneOfOp, space::OptionalOp, space::ManyOfOp>(op)) {
    for (int64_t index : v.indices)
      constants.push_back(arith::ConstantIndexOp::create(b, l, index));
  } else if (isa<space::IntOp>(op)) {
    constants.push_back(arith::ConstantIndexOp::create(b, l, v.integer));
  } else {
    constants.push_back(arith::ConstantOp::create(b, l, b.getF64FloatAttr(v.number)));
  }
  for (Value c : constants)
    pathOf_[c] = path;
  op->replaceAllUsesWith(constants);
  op->erase();
  return success();
}

LogicalResult Materializer::inlineSwitch(space::SwitchOp op) {
  auto selector = op.getSelector().getDefiningOp<arith::ConstantIndexOp>();
  if (!selector)
    return op.emitError("the switch's selector is not decided by the DNA");
  int64_t k = selector.value();
  if (k < 0 || k >= static_cast<int64_t>(op.getCases().size()))
    return op.emitError() << "the DNA picks region " << k << " of a switch with " << op.getCases().size();
  // Decisions in region k belong to candidate k of the selecting decision.
  auto path = pathOf_.find(op.getSelector());
  std::string scope = path == pathOf_.end() ? "" : path->second + "[" + std::to_string(k) + "]";
  if (failed(process(op.getCases()[k].front(), scope)))
    return failure();
  IRRewriter rewriter(op.getContext());
  op.inlineRegion(k, rewriter);
  return success();
}

LogicalResult Materializer::unrollRepeat(space::RepeatOp op, const std::string &base) {
  auto count = op.getCount().getDefiningOp<arith::ConstantIndexOp>();
  if (!count)
    return op.emitError("the repeat's count is not decided by the DNA");
  std::string path = join(base, op.getName());
  Block &body = op.getBody().front();
  SmallVector<Value> current(op.getInits());
  OpBuilder b(op);
  for (int64_t i = 0; i < count.value(); ++i) {
    // Copy the body into a block of its own, decide it in repetition i's
    // scope, then move its ops in front of the loop.
    IRMapping mapping;
    mapping.map(body.getArgument(0), arith::ConstantIndexOp::create(b, op.getLoc(), i).getResult());
    for (auto [arg, value] : llvm::zip(body.getArguments().drop_front(), current))
      mapping.map(arg, value);
    Block copy;
    OpBuilder into(op.getContext());
    into.setInsertionPointToEnd(&copy);
    for (Operation &inner : body)
      into.clone(inner, mapping);
    if (failed(process(copy, path + "[" + std::to_string(i) + "]")))
      return failure();
    auto yield = cast<space::YieldOp>(copy.getTerminator());
    current.assign(yield.getValues().begin(), yield.getValues().end());
    yield.erase();
    op->getBlock()->getOperations().splice(Block::iterator(op), copy.getOperations());
  }
  op->replaceAllUsesWith(current);
  op.erase();
  return success();
}

LogicalResult Materializer::process(Block &block, const std::string &base) {
  for (Operation *op = block.empty() ? nullptr : &block.front(); op;) {
    Operation *next = op->getNextNode();
    LogicalResult done = success();
    if (isa<space::OneOfValueOp, space::OneOfOp, space::ManyOfOp, space::IntOp, space::FloatOp, space::OptionalOp>(op))
      done = decide(op, base);
    else if (auto s = dyn_cast<space::SwitchOp>(op))
      done = inlineSwitch(s);
    else if (auto r = dyn_cast<space::RepeatOp>(op))
      done = unrollRepeat(r, base);
    if (failed(done))
      return failure();
    op = next;
  }
  return success();
}

/// The settings of a section, now all constants, as a dictionary attribute.
LogicalResult sectionToAttribute(space::SectionOp section, ModuleOp module) {
  SmallVector<NamedAttribute> entries;
  Builder b(module.getContext());
  SmallVector<Attribute> objectives, constraints;
  for (Operation &op : section.getBody().front()) {
    auto setting = dyn_cast<space::SettingOp>(op);
    if (!setting)
      continue;
    Attribute value;
    if (setting.getConstant()) {
      value = *setting.getConstant();
    } else if (Operation *def = setting.getValue().getDefiningOp(); def && def->hasTrait<OpTrait::ConstantLike>()) {
      value = def->getAttr("value");
      if (auto i = dyn_cast<IntegerAttr>(value); i && i.getType().isIndex())
        value = b.getI64IntegerAttr(i.getInt());
    } else {
      return setting.emitError() << "setting '" << setting.getKey() << "' is not decided by the DNA";
    }
    // Objectives and constraints may come several times; collect them.
    if (setting.getKey() == "maximize" || setting.getKey() == "minimize")
      objectives.push_back(b.getArrayAttr({b.getStringAttr(setting.getKey()), value}));
    else if (setting.getKey() == "constraint")
      constraints.push_back(value);
    else
      entries.push_back(b.getNamedAttr(setting.getKey(), value));
  }
  if (!objectives.empty())
    entries.push_back(b.getNamedAttr("objectives", b.getArrayAttr(objectives)));
  if (!constraints.empty())
    entries.push_back(b.getNamedAttr("constraints", b.getArrayAttr(constraints)));
  module->setAttr("nas." + section.getKind().str(), b.getDictionaryAttr(entries));
  section.erase();
  return success();
}

} // namespace

LogicalResult materializeCandidate(ModuleOp module, const DNA &dna) {
  Materializer materializer(dna);
  SmallVector<Block *> scopes;
  for (Operation &op : *module.getBody())
    for (Region &region : op.getRegions())
      for (Block &block : region)
        scopes.push_back(&block);
  for (Block *block : scopes)
    if (failed(materializer.process(*block, "")))
      return failure();

  // Arithmetic on decided values folds to constants (sections are isolated
  // from above, so their constants stay in them); decided settings of nn ops
  // that became constants turn into attributes; what is left unused goes.
  RewritePatternSet patterns(module.getContext());
  module.getContext()->getLoadedDialect<nn::NNDialect>()->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName name : module.getContext()->getRegisteredOperations())
    if (name.getDialectNamespace() == "arith")
      name.getCanonicalizationPatterns(patterns, module.getContext());
  if (failed(applyPatternsGreedily(module, std::move(patterns))))
    return module.emitError("materialization did not settle");

  // The settings, now constants, become the module's nas.train/nas.search.
  for (auto section : llvm::make_early_inc_range(module.getOps<space::SectionOp>()))
    if (failed(sectionToAttribute(section, module)))
      return failure();

  // Every shape is known now: make the types static, the function's too.
  bool shapesOk = true;
  module.walk([&](nn::ShapeInference op) {
    if (shapesOk && failed(op.inferShapes()))
      shapesOk = false;
  });
  if (!shapesOk)
    return failure();
  for (auto func : module.getOps<func::FuncOp>()) {
    Operation *ret = func.getBody().front().getTerminator();
    func.setType(FunctionType::get(module.getContext(), func.getArgumentTypes(), ret->getOperandTypes()));
  }

  WalkResult leftover = module.walk([](Operation *op) {
    if (isa<space::NasDialect>(op->getDialect())) {
      op->emitError("is left after materialization");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (leftover.wasInterrupted())
    return failure();
  Builder b(module.getContext());
  module->setAttr("nas.candidate_hash", b.getStringAttr(candidateHash(module)));
  return success();
}

std::string candidateHash(ModuleOp module) {
  // FNV-1a over the printed model without locations: the printer numbers
  // values in order, so equal networks print (and hash) the same.
  uint64_t hash = 0xcbf29ce484222325ull;
  for (auto func : module.getOps<func::FuncOp>()) {
    std::string text;
    llvm::raw_string_ostream os(text);
    func.print(os, OpPrintingFlags().elideLargeElementsAttrs());
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 0x100000001b3ull;
    }
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

#define GEN_PASS_DEF_NASMATERIALIZE
#include "nas/Passes/Passes.h.inc"

namespace {
struct NasMaterialize : impl::NasMaterializeBase<NasMaterialize> {
  using NasMaterializeBase::NasMaterializeBase;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::string text = dna;
    if (!text.empty() && text[0] == '@') {
      auto file = llvm::MemoryBuffer::getFile(text.substr(1));
      if (!file) {
        module.emitError() << "cannot read the DNA file '" << text.substr(1) << "': " << file.getError().message();
        return signalPassFailure();
      }
      text = (*file)->getBuffer().str();
    }
    // MLIR's option parser takes the braces of `dna={...}` as its own
    // quoting and hands over what is inside them.
    if (!text.empty() && text.front() != '{')
      text = "{" + text + "}";
    DecisionSpace spec = readDecisions(module);
    std::string error;
    std::optional<DNA> parsed = fromJSON(spec, text.empty() ? "{}" : text, error);
    if (!parsed) {
      module.emitError() << "the DNA does not fit this space: " << error;
      return signalPassFailure();
    }
    if (failed(materializeCandidate(module, *parsed)))
      return signalPassFailure();
    module->setAttr("nas.dna", StringAttr::get(module.getContext(), toJSON(spec, *parsed)));
  }
};
} // namespace

} // namespace nas
