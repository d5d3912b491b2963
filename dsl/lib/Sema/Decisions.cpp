//===- Decisions.cpp - oneof, manyof, int, floatv, optional and their names -===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Elaborator.h"

#include <algorithm>

namespace nas::dsl::sema {

Elaborator::Annotations Elaborator::readAnnotations(const CallExpr &call) {
  Annotations out;
  for (const Argument &arg : call.args) {
    if (!arg.isAnnotation)
      continue;
    if (arg.keyword != "name" && arg.keyword != "hint") {
      error(arg.keywordRange, "unknown annotation '" + arg.keyword + ":'",
            "the annotations are 'name: \"...\"' and 'hint: \"...\"'");
      continue;
    }
    auto s = arg.value->as<StringExpr>();
    if (!s) {
      error(arg.value->range, "'" + arg.keyword + ":' needs a string, e.g. " + arg.keyword +
                                  (arg.keyword == "name" ? ": \"width\"" : ": \"channels\""));
      continue;
    }
    if (arg.keyword == "hint") {
      out.hint = s->value;
      continue;
    }
    bool valid = !s->value.empty() && std::all_of(s->value.begin(), s->value.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    });
    if (valid)
      out.name = s->value;
    else
      error(arg.value->range, "a decision name uses letters, digits, '_' and '.'");
  }
  return out;
}

DecisionPoint *Elaborator::newDecision(DecisionPoint::Kind kind, SourceRange range, const std::string &name,
                                       const CallExpr *call, bool exactName) {
  auto d = std::make_unique<DecisionPoint>();
  d->kind = kind;
  Position pos = diags_.file().position(range.begin);
  d->where = diags_.file().name() + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  ranges_[d.get()] = range;
  repeatDepthOf_[d.get()] = repeatDepth_;
  // A name the user gave is taken as it is (and must be unique); others get
  // a counter when the same base name comes up again in one scope.
  Annotations annotations = call ? readAnnotations(*call) : Annotations{};
  const std::string &annotated = annotations.name;
  d->hint = annotations.hint;
  if (!pendingExactName_.empty() && name == pendingExactName_) {
    exactName = true;
    pendingExactName_.clear();
  }
  d->path = namer_.path(scope_, annotated, exactName ? name : "", name);
  if (auto [it, inserted] = paths_.emplace(d->path, range); !inserted) {
    error(range, "two decisions are named '" + d->path + "'", "give one of them another name: \"...\"");
    note(it->second, "the other decision is here");
  }
  space_->push_back(std::move(d));
  return space_->back().get();
}

Value Elaborator::evalHyper(const CallExpr &call, const std::string &fn, Env &env, const std::string &decisionName) {
  // A decision bound by `let` (or a setting, or a repeat count) is named
  // exactly so; an inline one after its kind, numbered within its scope.
  pendingExactName_ = decisionName;
  std::string name = decisionName.empty() ? fn : decisionName;
  Value v = fn == "oneof"    ? evalOneOf(call, env, name)
            : fn == "manyof" ? evalManyOf(call, env, name)
            : fn == "int"    ? evalIntDecision(call, env, name)
            : fn == "floatv" ? evalFloatDecision(call, env, name)
                             : evalOptionalCallable(call, env, name);
  // A primitive that failed before making its decision must not leave the
  // exact name to the next one.
  pendingExactName_.clear();
  return v;
}

void Elaborator::rejectNamedArguments(const CallExpr &call, const char *fn) {
  for (const Argument &arg : call.args)
    if (!arg.keyword.empty() && !arg.isAnnotation)
      error(arg.keywordRange, std::string(fn) + " takes no named argument '" + arg.keyword + "'");
}

Value Elaborator::evalOneOf(const CallExpr &call, Env &env, const std::string &name) {
  std::vector<const Argument *> candidates = positionalArgs(call);
  rejectNamedArguments(call, "oneof");
  if (candidates.empty()) {
    error(call.range, "oneof needs at least one candidate");
    return {};
  }
  DecisionPoint *d = newDecision(DecisionPoint::Kind::OneOf, call.range, name, &call);
  d->subspaces.resize(candidates.size());
  std::vector<Value> values;
  std::string savedScope = scope_;
  DecisionSpace *savedSpace = space_;
  for (size_t i = 0; i < candidates.size(); ++i) {
    scope_ = d->path + "[" + std::to_string(i) + "]";
    space_ = &d->subspaces[i];
    values.push_back(eval(*candidates[i]->value, env));
    // A number is labelled by its value (300k is 300000), anything else by
    // its source text.
    const Expr &e = *candidates[i]->value;
    if (e.as<IntegerExpr>())
      d->candidates.push_back(std::to_string(e.as<IntegerExpr>()->value));
    else if (e.as<FloatExpr>())
      d->candidates.push_back(formatNumber(e.as<FloatExpr>()->value));
    else
      d->candidates.push_back(std::string(diags_.file().slice(e.range)));
  }
  scope_ = savedScope;
  space_ = savedSpace;
  for (size_t i = 0; i < values.size(); ++i) {
    const Value &v = values[i];
    if (v.kind == Value::Kind::Callable && (v.decision || v.callees.size() != 1)) {
      error(candidates[i]->value->range, "a candidate of oneof cannot itself be a choice",
            "list all the alternatives in one oneof");
      return {};
    }
    if (v.kind == Value::Kind::List) {
      error(candidates[i]->value->range, "oneof cannot choose among lists", "to choose several values use manyof");
      return {};
    }
  }
  if (candidates.size() == 1)
    warning(call.range, "oneof with a single candidate has nothing to decide", "use the candidate itself");
  Value joined = joinValues(values);
  if (joined.kind == Value::Kind::None) {
    for (size_t i = 1; i < values.size(); ++i)
      if (values[i].kind != values[0].kind && values[0].kind != Value::Kind::None &&
          values[i].kind != Value::Kind::None) {
        error(candidates[i]->value->range, std::string("the candidates of oneof must be of one kind: this is ") +
                                               kindName(values[i].kind) + ", the first is " + kindName(values[0].kind));
        break;
      }
    return {};
  }
  joined.decision = d;
  if (joined.kind == Value::Kind::Int && std::all_of(values.begin(), values.end(), [](const Value &v) {
        return v.kind == Value::Kind::Int && v.intValue;
      }))
    for (const Value &v : values)
      joined.intCandidates.push_back(*v.intValue);
  return joined;
}

Value Elaborator::evalManyOf(const CallExpr &call, Env &env, const std::string &name) {
  std::vector<const Argument *> positional = positionalArgs(call);
  bool distinct = true, sorted = false;
  for (const Argument &arg : call.args) {
    if (arg.keyword.empty() || arg.isAnnotation)
      continue;
    if (arg.keyword != "distinct" && arg.keyword != "sorted") {
      error(arg.keywordRange, "manyof takes 'distinct' and 'sorted', not '" + arg.keyword + "'");
      continue;
    }
    Value v = eval(*arg.value, env);
    if (v.kind != Value::Kind::Symbol || (v.text != "true" && v.text != "false")) {
      error(arg.value->range, "'" + arg.keyword + "' must be true or false");
      continue;
    }
    (arg.keyword == "distinct" ? distinct : sorted) = v.text == "true";
  }
  if (positional.size() < 2) {
    error(call.range, "manyof needs a count and at least one candidate", "e.g. manyof(2, relu, gelu, tanh)");
    return {};
  }
  std::optional<long long> k =
      requireConstInt(eval(*positional[0]->value, env), positional[0]->value->range, "the count of manyof");
  if (!k)
    return {};
  size_t n = positional.size() - 1;
  if (*k < 1 || (distinct && static_cast<size_t>(*k) > n)) {
    error(positional[0]->value->range, "manyof cannot choose " + std::to_string(*k) + " of " + std::to_string(n) +
                                           (distinct ? " distinct candidates" : " candidates"));
    return {};
  }
  if (*k > 1000) {
    error(positional[0]->value->range, "manyof count is too large (at most 1000)");
    return {};
  }
  DecisionPoint *d = newDecision(DecisionPoint::Kind::ManyOf, call.range, name, &call);
  d->choose = *k;
  d->distinct = distinct;
  d->sorted = sorted;
  std::vector<Value> values;
  DecisionSpace nested;
  DecisionSpace *savedSpace = space_;
  space_ = &nested;
  for (size_t i = 1; i < positional.size(); ++i) {
    d->candidates.push_back(std::string(diags_.file().slice(positional[i]->value->range)));
    values.push_back(eval(*positional[i]->value, env));
  }
  space_ = savedSpace;
  if (!nested.empty())
    error(ranges_[nested.front().get()], "a candidate of manyof cannot hold a decision of its own",
          "use oneof for conditional sub-spaces");
  Value element = joinValues(values);
  if (element.kind == Value::Kind::None) {
    error(call.range, "the candidates of manyof must be of one kind");
    return {};
  }
  Value list;
  list.kind = Value::Kind::List;
  list.decision = d;
  list.elements.assign(*k, element);
  return list;
}

std::optional<long long> Elaborator::requireConstInt(const Value &v, SourceRange range, const std::string &what) {
  if (v.kind == Value::Kind::None)
    return std::nullopt;
  if (v.kind != Value::Kind::Int) {
    error(range, what + " must be an integer, not " + kindName(v.kind));
    return std::nullopt;
  }
  if (!v.intValue) {
    error(range, what + " must be a constant, but it depends on a decision",
          "a decision cannot bound or size another decision; list the values with oneof(...)");
    return std::nullopt;
  }
  return v.intValue;
}

std::optional<double> Elaborator::requireConstNumber(const Value &v, SourceRange range, const std::string &what) {
  if (v.kind == Value::Kind::Int) {
    std::optional<long long> n = requireConstInt(v, range, what);
    return n ? std::optional<double>(static_cast<double>(*n)) : std::nullopt;
  }
  if (v.kind == Value::Kind::None)
    return std::nullopt;
  if (v.kind != Value::Kind::Float) {
    error(range, what + " must be a number, not " + kindName(v.kind));
    return std::nullopt;
  }
  if (!v.floatValue) {
    error(range, what + " must be a constant, but it depends on a decision");
    return std::nullopt;
  }
  return v.floatValue;
}

Value Elaborator::evalIntDecision(const CallExpr &call, Env &env, const std::string &name) {
  std::vector<const Argument *> positional = positionalArgs(call);
  rejectNamedArguments(call, "int");
  if (positional.size() != 2) {
    error(call.range, "int needs a lower and an upper bound", "e.g. int(1, 4): 1, 2, 3 or 4");
    return intValue(std::nullopt);
  }
  std::optional<long long> lo =
      requireConstInt(eval(*positional[0]->value, env), positional[0]->value->range, "the lower bound of int");
  std::optional<long long> hi =
      requireConstInt(eval(*positional[1]->value, env), positional[1]->value->range, "the upper bound of int");
  if (!lo || !hi)
    return intValue(std::nullopt);
  if (*lo > *hi) {
    error(call.range, "int(" + std::to_string(*lo) + ", " + std::to_string(*hi) +
                          ") is empty: the lower bound is "
                          "above the upper bound");
    return intValue(std::nullopt);
  }
  DecisionPoint *d = newDecision(DecisionPoint::Kind::Int, call.range, name, &call);
  d->low = *lo;
  d->high = *hi;
  Value v = intValue(std::nullopt);
  v.decision = d;
  // A count decision may be used by `repeat`; it needs each candidate value.
  if (*hi - *lo <= kMaxRepeat)
    for (long long x = *lo; x <= *hi; ++x)
      v.intCandidates.push_back(x);
  else
    v.intCandidates = {*lo, *hi};
  return v;
}

Value Elaborator::evalFloatDecision(const CallExpr &call, Env &env, const std::string &name) {
  std::vector<const Argument *> positional = positionalArgs(call);
  rejectNamedArguments(call, "floatv");
  if (positional.size() < 2 || positional.size() > 3) {
    error(call.range, "floatv needs a lower bound, an upper bound and optionally a scale",
          "e.g. floatv(0.001, 0.1, log)");
    return floatValue(std::nullopt);
  }
  std::optional<double> lo =
      requireConstNumber(eval(*positional[0]->value, env), positional[0]->value->range, "the lower bound of floatv");
  std::optional<double> hi =
      requireConstNumber(eval(*positional[1]->value, env), positional[1]->value->range, "the upper bound of floatv");
  bool log = false;
  if (positional.size() == 3) {
    auto scale = positional[2]->value->as<NameExpr>();
    if (!scale || (scale->name != "log" && scale->name != "linear")) {
      error(positional[2]->value->range, "the scale of floatv is 'linear' or 'log'");
      return floatValue(std::nullopt);
    }
    log = scale->name == "log";
  }
  if (!lo || !hi)
    return floatValue(std::nullopt);
  if (!(*lo < *hi)) {
    error(call.range, "floatv needs a lower bound below its upper bound");
    return floatValue(std::nullopt);
  }
  if (log && *lo <= 0) {
    error(positional[0]->value->range, "a log-scale floatv needs a positive lower bound");
    return floatValue(std::nullopt);
  }
  DecisionPoint *d = newDecision(DecisionPoint::Kind::Float, call.range, name, &call);
  d->lowFloat = *lo;
  d->highFloat = *hi;
  d->logScale = log;
  Value v = floatValue(std::nullopt);
  v.decision = d;
  return v;
}

Value Elaborator::evalOptionalCallable(const CallExpr &call, Env &env, const std::string &name) {
  std::vector<const Argument *> positional = positionalArgs(call);
  if (positional.size() != 1) {
    error(call.range, "optional needs exactly one op or block", "e.g. optional(batchnorm)(h)");
    return {};
  }
  DecisionPoint *d = newDecision(DecisionPoint::Kind::Optional, call.range, name, &call);
  d->candidates = {"absent", std::string(diags_.file().slice(positional[0]->value->range))};
  d->subspaces.resize(2);
  std::string savedScope = scope_;
  DecisionSpace *savedSpace = space_;
  scope_ = d->path + "[1]";
  space_ = &d->subspaces[1];
  Value v = eval(*positional[0]->value, env);
  scope_ = savedScope;
  space_ = savedSpace;
  if (v.kind == Value::Kind::None)
    return {};
  if (v.kind != Value::Kind::Callable) {
    error(positional[0]->value->range, std::string("optional(...) takes an op or block, not ") + kindName(v.kind),
          "to make statements optional write 'optional { ... }'");
    return {};
  }
  if (v.decision || v.callees.size() != 1) {
    error(positional[0]->value->range, "optional(...) takes one op or block, not a choice among several",
          "list the alternatives in one choice instead, e.g. oneof(identity, relu, gelu)");
    return {};
  }
  v.callees.insert(v.callees.begin(), Callee{findOp("identity"), nullptr});
  v.decision = d;
  return v;
}

} // namespace nas::dsl::sema
