//===- NasOps.cpp - Verifiers, assembly and folds of the nas dialect ------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Dialect/Nas/NasOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace nas::space;

namespace {
LogicalResult verifyName(Operation *op, StringRef name) {
  if (name.empty())
    return op->emitOpError("needs a decision name");
  return success();
}
} // namespace

//===----------------------------------------------------------------------===//
// Decisions
//===----------------------------------------------------------------------===//

LogicalResult OneOfValueOp::verify() {
  if (failed(verifyName(*this, getName())))
    return failure();
  if (getCandidates().empty())
    return emitOpError("needs at least one candidate");
  bool wantFloat = isa<FloatType>(getType());
  for (Attribute candidate : getCandidates()) {
    if (wantFloat ? !isa<FloatAttr>(candidate) : !isa<IntegerAttr>(candidate))
      return emitOpError() << "candidate " << candidate << " is not " << (wantFloat ? "a number" : "an integer")
                           << " as the result type " << getType() << " needs";
  }
  return success();
}

LogicalResult OneOfOp::verify() {
  if (failed(verifyName(*this, getName())))
    return failure();
  if (getCandidates().empty())
    return emitOpError("needs at least one candidate");
  return success();
}

LogicalResult ManyOfOp::verify() {
  if (failed(verifyName(*this, getName())))
    return failure();
  if (getCandidates().empty())
    return emitOpError("needs at least one candidate");
  if (getChoices().empty())
    return emitOpError("chooses nothing: it needs at least one result");
  if (getDistinct() && getChoices().size() > getCandidates().size())
    return emitOpError() << "cannot choose " << getChoices().size() << " distinct of " << getCandidates().size()
                         << " candidates";
  return success();
}

LogicalResult IntOp::verify() {
  if (failed(verifyName(*this, getName())))
    return failure();
  int64_t low = getLowAttr().getInt(), high = getHighAttr().getInt();
  if (low > high)
    return emitOpError() << "has an empty range: low " << low << " is above high " << high;
  return success();
}

LogicalResult FloatOp::verify() {
  if (failed(verifyName(*this, getName())))
    return failure();
  if (!(getLow().convertToDouble() < getHigh().convertToDouble()))
    return emitOpError("needs low below high");
  if (getLog() && getLow().convertToDouble() <= 0)
    return emitOpError("on a log scale needs a positive low bound");
  return success();
}

LogicalResult OptionalOp::verify() { return verifyName(*this, getName()); }

//===----------------------------------------------------------------------===//
// nas.switch
//===----------------------------------------------------------------------===//

/// The number of candidates of the decision that selects a switch's region,
/// or nullopt when the selector is not a decision.
static std::optional<size_t> candidateCount(Value selector) {
  Operation *def = selector.getDefiningOp();
  if (auto oneof = dyn_cast_or_null<OneOfOp>(def))
    return oneof.getCandidates().size();
  if (auto many = dyn_cast_or_null<ManyOfOp>(def))
    return many.getCandidates().size();
  if (isa_and_nonnull<OptionalOp>(def))
    return 2;
  return std::nullopt;
}

LogicalResult SwitchOp::verifyRegions() {
  if (getCases().empty())
    return emitOpError("needs at least one region");
  if (std::optional<size_t> count = candidateCount(getSelector()); count && *count != getCases().size())
    return emitOpError() << "has " << getCases().size() << " regions but its selector has " << *count << " candidates";
  for (auto [i, region] : llvm::enumerate(getCases())) {
    auto yield = cast<YieldOp>(region.front().getTerminator());
    if (yield.getValues().size() != getNumResults())
      return emitOpError() << "region " << i << " yields " << yield.getValues().size() << " values but the switch has "
                           << getNumResults() << " results";
    for (auto [value, result] : llvm::zip(yield.getValues(), getResults()))
      if (failed(verifyCompatibleShape(value.getType(), result.getType())) ||
          getElementTypeOrSelf(value.getType()) != getElementTypeOrSelf(result.getType()))
        return emitOpError() << "region " << i << " yields " << value.getType() << " where the switch gives "
                             << result.getType();
  }
  return success();
}

// nas.switch %sel -> (types) { ... }, { ... }
void SwitchOp::print(OpAsmPrinter &p) {
  p << " " << getSelector();
  if (getNumResults() > 0) {
    p << " -> ";
    if (getNumResults() == 1)
      p << getResult(0).getType();
    else
      p << "(" << getResultTypes() << ")";
  }
  p.printOptionalAttrDictWithKeyword((*this)->getAttrs());
  llvm::interleave(
      getCases(), p,
      [&](Region &r) {
        p << " ";
        p.printRegion(r, false, getNumResults() > 0);
      },
      ",");
}

ParseResult SwitchOp::parse(OpAsmParser &parser, OperationState &result) {
  OpAsmParser::UnresolvedOperand selector;
  if (parser.parseOperand(selector) ||
      parser.resolveOperand(selector, parser.getBuilder().getIndexType(), result.operands))
    return failure();
  if (parser.parseOptionalArrowTypeList(result.types) || parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  do {
    Region *region = result.addRegion();
    if (parser.parseRegion(*region, {}, {}))
      return failure();
    SwitchOp::ensureTerminator(*region, parser.getBuilder(), result.location);
  } while (succeeded(parser.parseOptionalComma()));
  return success();
}

void SwitchOp::inlineRegion(unsigned index, RewriterBase &rewriter) {
  Block &chosen = getCases()[index].front();
  auto yield = cast<YieldOp>(chosen.getTerminator());
  SmallVector<Value> results(yield.getValues());
  rewriter.inlineBlockBefore(&chosen, *this);
  rewriter.eraseOp(yield);
  rewriter.replaceOp(*this, results);
}

//===----------------------------------------------------------------------===//
// nas.repeat
//===----------------------------------------------------------------------===//

LogicalResult RepeatOp::verifyRegions() {
  if (getName().empty())
    return emitOpError("needs a name for its repetitions");
  Block &body = getBody().front();
  if (body.getNumArguments() != getInits().size() + 1 || !body.getArgument(0).getType().isIndex())
    return emitOpError("body needs the repetition index and one argument per loop-carried value");
  auto yield = cast<YieldOp>(body.getTerminator());
  if (yield.getValues().size() != getNumResults() || getInits().size() != getNumResults())
    return emitOpError("needs as many loop-carried values, yielded values and results");
  // A repetition may refine a carried tensor's shape (an unranked carried
  // tensor takes whatever shape), so the types need only be compatible.
  auto compatible = [](Type a, Type b) {
    return a == b || (isa<TensorType>(a) && isa<TensorType>(b) && succeeded(verifyCompatibleShape(a, b)) &&
                      getElementTypeOrSelf(a) == getElementTypeOrSelf(b));
  };
  for (auto [init, arg, value, result] :
       llvm::zip(getInits(), body.getArguments().drop_front(), yield.getValues(), getResults()))
    if (!compatible(init.getType(), arg.getType()) || !compatible(value.getType(), arg.getType()) ||
        result.getType() != arg.getType())
      return emitOpError() << "loop-carried value of type " << arg.getType()
                           << " must keep a compatible type in its initial, yielded and final values";
  if (auto count = getCount().getDefiningOp<arith::ConstantIndexOp>(); count && count.value() < 0)
    return emitOpError("has a negative count");
  return success();
}

// nas.repeat "name" %count iter_args(%a = %init, ...) : (init types) -> (types) { ^bb0(%i: index, %a: T): ... }
void RepeatOp::print(OpAsmPrinter &p) {
  p << " " << getNameAttr() << " " << getCount();
  Block &body = getBody().front();
  if (!getInits().empty()) {
    p << " iter_args(";
    llvm::interleaveComma(llvm::zip(body.getArguments().drop_front(), getInits()), p,
                          [&](auto pair) { p << std::get<0>(pair) << " = " << std::get<1>(pair); });
    p << ") : (" << getInits().getTypes() << ") -> (" << getResultTypes() << ")";
  }
  p.printOptionalAttrDictWithKeyword((*this)->getAttrs(), {"name"});
  p << " ";
  p.printRegion(getBody(), /*printEntryBlockArgs=*/true, /*printBlockTerminators=*/!getInits().empty());
}

ParseResult RepeatOp::parse(OpAsmParser &parser, OperationState &result) {
  StringAttr name;
  OpAsmParser::UnresolvedOperand count;
  Type index = parser.getBuilder().getIndexType();
  if (parser.parseAttribute(name, "name", result.attributes) || parser.parseOperand(count) ||
      parser.resolveOperand(count, index, result.operands))
    return failure();
  SmallVector<OpAsmParser::Argument> args;
  SmallVector<OpAsmParser::UnresolvedOperand> inits;
  if (succeeded(parser.parseOptionalKeyword("iter_args"))) {
    SmallVector<Type> initTypes;
    if (parser.parseAssignmentList(args, inits) || parser.parseColon() || parser.parseLParen() ||
        parser.parseTypeList(initTypes) || parser.parseRParen() || parser.parseArrowTypeList(result.types))
      return failure();
    if (args.size() != result.types.size() || inits.size() != initTypes.size())
      return parser.emitError(parser.getCurrentLocation(), "needs one type per loop-carried value");
    if (parser.resolveOperands(inits, initTypes, parser.getCurrentLocation(), result.operands))
      return failure();
  }
  if (parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  // The region names its own arguments (^bb0(%i: index, ...)).
  Region *body = result.addRegion();
  if (parser.parseRegion(*body))
    return failure();
  RepeatOp::ensureTerminator(*body, parser.getBuilder(), result.location);
  return success();
}

//===----------------------------------------------------------------------===//
// Settings
//===----------------------------------------------------------------------===//

LogicalResult SectionOp::verify() {
  if (getKind() != "train" && getKind() != "search")
    return emitOpError() << "kind must be \"train\" or \"search\", not \"" << getKind() << "\"";
  return success();
}

LogicalResult SettingOp::verify() {
  if (getKey().empty())
    return emitOpError("needs a key");
  if (bool(getConstant()) == bool(getValue()))
    return emitOpError("needs either a constant or a value");
  return success();
}

// nas.setting "key" = ATTR | nas.setting "key" = %value : type
void SettingOp::print(OpAsmPrinter &p) {
  p << " " << getKeyAttr() << " = ";
  if (getConstant())
    p.printAttribute(*getConstant());
  else
    p << getValue() << " : " << getValue().getType();
  p.printOptionalAttrDict((*this)->getAttrs(), {"key", "constant"});
}

ParseResult SettingOp::parse(OpAsmParser &parser, OperationState &result) {
  StringAttr key;
  if (parser.parseAttribute(key, "key", result.attributes) || parser.parseEqual())
    return failure();
  OpAsmParser::UnresolvedOperand value;
  OptionalParseResult hasValue = parser.parseOptionalOperand(value);
  if (hasValue.has_value()) {
    Type type;
    if (failed(*hasValue) || parser.parseColonType(type) || parser.resolveOperand(value, type, result.operands))
      return failure();
  } else {
    Attribute constant;
    if (parser.parseAttribute(constant, "constant", result.attributes))
      return failure();
  }
  return parser.parseOptionalAttrDict(result.attributes);
}

//===----------------------------------------------------------------------===//
// Canonicalization: a switch whose selector is known runs its region inline.
//===----------------------------------------------------------------------===//

namespace {
struct InlineKnownSwitch : OpRewritePattern<SwitchOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SwitchOp op, PatternRewriter &rewriter) const override {
    auto selector = op.getSelector().getDefiningOp<arith::ConstantIndexOp>();
    if (!selector)
      return failure();
    int64_t index = selector.value();
    if (index < 0 || index >= static_cast<int64_t>(op.getCases().size()))
      return rewriter.notifyMatchFailure(op, "selector out of range");
    op.inlineRegion(index, rewriter);
    return success();
  }
};
} // namespace

void NasDialect::getCanonicalizationPatterns(RewritePatternSet &results) const {
  results.add<InlineKnownSwitch>(getContext());
}

//===----------------------------------------------------------------------===//
// Module-level check: no two decisions share a path.
//===----------------------------------------------------------------------===//

namespace {
/// Decision names are relative to the nearest enclosing nas.repeat or
/// nas.switch region; two decisions directly in one region must differ.
LogicalResult checkUniqueNames(Region &region) {
  llvm::StringMap<Operation *> seen;
  for (Operation &op : region.getOps()) {
    if (isa<OneOfValueOp, OneOfOp, ManyOfOp, IntOp, FloatOp, OptionalOp>(op)) {
      StringRef name = op.getAttrOfType<StringAttr>("name").getValue();
      auto [it, inserted] = seen.try_emplace(name, &op);
      if (!inserted) {
        InFlightDiagnostic diag = op.emitError() << "a second decision named '" << name << "'";
        diag.attachNote(it->second->getLoc()) << "the first is here";
        return diag;
      }
    }
    for (Region &nested : op.getRegions()) {
      // Each region is a scope of its own: a repetition, a switch
      // candidate; in a function or a section names are full paths.
      if (failed(checkUniqueNames(nested)))
        return failure();
    }
  }
  return success();
}
} // namespace

LogicalResult NasDialect::verifyOperationAttribute(Operation *op, NamedAttribute attribute) {
  // nas.model marks the function that is the model of the space.
  auto expect = [&](bool ok, const char *what) -> LogicalResult {
    if (ok)
      return success();
    return op->emitError() << "'" << attribute.getName().getValue() << "' must be " << what;
  };
  if (attribute.getName() == "nas.model")
    return expect(isa<UnitAttr>(attribute.getValue()), "a unit attribute");
  // What materialization records on a candidate.
  if (attribute.getName() == "nas.train" || attribute.getName() == "nas.search")
    return expect(isa<DictionaryAttr>(attribute.getValue()), "a dictionary of settings");
  if (attribute.getName() == "nas.dna" || attribute.getName() == "nas.candidate_hash")
    return expect(isa<StringAttr>(attribute.getValue()), "a string");
  if (attribute.getName() != "nas.source")
    return op->emitError() << "unknown nas attribute '" << attribute.getName().getValue() << "'";
  if (!isa<StringAttr>(attribute.getValue()))
    return op->emitError("'nas.source' must name the source file");
  for (Region &region : op->getRegions())
    if (failed(checkUniqueNames(region)))
      return failure();
  return success();
}

#define GET_OP_CLASSES
#include "nas/Dialect/Nas/NasOps.cpp.inc"
