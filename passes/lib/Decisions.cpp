//===- Decisions.cpp - The DNASpec of a space, read off its IR ------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/Decisions.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "nas/Dialect/Nas/NasOps.h"
#include "nas/Search/Format.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

namespace nas {

using namespace mlir;

namespace {

std::string where(Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return file.getFilename().str() + ":" + std::to_string(file.getLine()) + ":" + std::to_string(file.getColumn());
  return "";
}

std::string attrText(Attribute attr) {
  if (auto i = dyn_cast<IntegerAttr>(attr))
    return std::to_string(i.getInt());
  if (auto f = dyn_cast<FloatAttr>(attr))
    return formatNumber(f.getValueAsDouble());
  std::string text;
  llvm::raw_string_ostream os(text);
  attr.print(os);
  return text;
}

class Reader {
public:
  void read(Block &block, const std::string &base, DecisionSpace &out);

private:
  static std::string join(const std::string &base, StringRef name) {
    return base.empty() ? name.str() : base + "." + name.str();
  }
  DecisionPoint *add(Operation *op, DecisionPoint::Kind kind, const std::string &base, DecisionSpace &out);
  llvm::DenseMap<Value, DecisionPoint *> decisionOf_;
};

DecisionPoint *Reader::add(Operation *op, DecisionPoint::Kind kind, const std::string &base, DecisionSpace &out) {
  auto d = std::make_unique<DecisionPoint>();
  d->kind = kind;
  d->path = join(base, op->getAttrOfType<StringAttr>("name").getValue());
  d->where = where(op->getLoc());
  if (auto hint = op->getAttrOfType<StringAttr>("hint"))
    d->hint = hint.str();
  out.push_back(std::move(d));
  for (Value result : op->getResults())
    decisionOf_[result] = out.back().get();
  return out.back().get();
}

void Reader::read(Block &block, const std::string &base, DecisionSpace &out) {
  for (Operation &op : block) {
    llvm::TypeSwitch<Operation *>(&op)
        .Case<space::OneOfValueOp>([&](space::OneOfValueOp o) {
          DecisionPoint *d = add(o, DecisionPoint::Kind::OneOf, base, out);
          for (Attribute c : o.getCandidates()) {
            d->candidates.push_back(attrText(c));
            if (auto i = dyn_cast<IntegerAttr>(c))
              d->countValues.push_back(i.getInt());
          }
          d->subspaces.resize(d->candidates.size());
        })
        .Case<space::OneOfOp>([&](space::OneOfOp o) {
          DecisionPoint *d = add(o, DecisionPoint::Kind::OneOf, base, out);
          for (Attribute c : o.getCandidates())
            d->candidates.push_back(cast<StringAttr>(c).str());
          d->subspaces.resize(d->candidates.size());
        })
        .Case<space::OptionalOp>([&](space::OptionalOp o) {
          DecisionPoint *d = add(o, DecisionPoint::Kind::Optional, base, out);
          d->candidates = {"absent", o.getLabel() ? o.getLabel()->str() : "present"};
          d->subspaces.resize(2);
        })
        .Case<space::ManyOfOp>([&](space::ManyOfOp o) {
          DecisionPoint *d = add(o, DecisionPoint::Kind::ManyOf, base, out);
          for (Attribute c : o.getCandidates())
            d->candidates.push_back(cast<StringAttr>(c).str());
          d->choose = static_cast<int64_t>(o.getChoices().size());
          d->distinct = o.getDistinct();
          d->sorted = o.getSorted();
        })
        .Case<space::IntOp>([&](space::IntOp o) {
          DecisionPoint *d = add(o, DecisionPoint::Kind::Int, base, out);
          d->low = o.getLowAttr().getInt();
          d->high = o.getHighAttr().getInt();
        })
        .Case<space::FloatOp>([&](space::FloatOp o) {
          DecisionPoint *d = add(o, DecisionPoint::Kind::Float, base, out);
          d->lowFloat = o.getLow().convertToDouble();
          d->highFloat = o.getHigh().convertToDouble();
          d->logScale = o.getLog();
        })
        .Case<space::SwitchOp>([&](space::SwitchOp s) {
          DecisionPoint *d = decisionOf_.lookup(s.getSelector());
          for (auto [k, region] : llvm::enumerate(s.getCases())) {
            // Regions chosen by a multi-choice or a computed index hold no
            // decision of their own (the checks reject that).
            DecisionSpace ignored;
            bool conditional = d && d->isChoice() && k < d->subspaces.size();
            read(region.front(), d ? d->path + "[" + std::to_string(k) + "]" : base,
                 conditional ? d->subspaces[k] : ignored);
          }
        })
        .Case<space::RepeatOp>([&](space::RepeatOp r) {
          std::string path = join(base, r.getName());
          Block &body = r.getBody().front();
          if (auto constant = r.getCount().getDefiningOp<arith::ConstantIndexOp>()) {
            for (int64_t i = 0; i < constant.value(); ++i)
              read(body, path + "[" + std::to_string(i) + "]", out);
            return;
          }
          DecisionPoint *d = decisionOf_.lookup(r.getCount());
          if (!d)
            return;
          int64_t most = d->kind == DecisionPoint::Kind::Int
                             ? d->high
                             : *std::max_element(d->countValues.begin(), d->countValues.end());
          // A count shared by several loops collects the repetitions of all.
          if (static_cast<int64_t>(d->repetitions.size()) < most)
            d->repetitions.resize(most);
          for (int64_t i = 0; i < most; ++i)
            read(body, path + "[" + std::to_string(i) + "]", d->repetitions[i]);
        })
        .Default([&](Operation *other) {
          for (Region &region : other->getRegions())
            for (Block &inner : region)
              read(inner, base, out);
        });
  }
}

/// A value choice that is no repetition count keeps no count values.
void dropUnusedCounts(DecisionSpace &space) {
  for (auto &d : space) {
    if (d->repetitions.empty())
      d->countValues.clear();
    for (DecisionSpace &sub : d->subspaces)
      dropUnusedCounts(sub);
    for (DecisionSpace &rep : d->repetitions)
      dropUnusedCounts(rep);
  }
}

} // namespace

DecisionSpace readDecisions(ModuleOp module) {
  DecisionSpace space;
  Reader reader;
  reader.read(*module.getBody(), "", space);
  dropUnusedCounts(space);
  return space;
}

} // namespace nas
