//===- Sema.cpp - Semantic checks and the decisions of a space ------------===//
#include "nas/DSL/Sema.h"

#include "nas/DSL/Builtins.h"
#include "nas/Search/KeyFormat.h"

#include <algorithm>
#include <functional>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace nas::dsl {
namespace {

//===----------------------------------------------------------------------===//
// Values seen while elaborating
//===----------------------------------------------------------------------===//

/// One dimension of a tensor: a known size, a symbol (N), or unknown until
/// decisions are made.
struct Dim {
  std::optional<long long> size;
  std::string symbol;
  bool operator==(const Dim &o) const { return size == o.size && symbol == o.symbol; }
  bool known() const { return size || !symbol.empty(); }
  std::string str() const { return size ? std::to_string(*size) : symbol.empty() ? "?" : symbol; }
};
using Shape = std::optional<std::vector<Dim>>; // nullopt: rank unknown

std::string shapeString(const Shape &shape) {
  if (!shape)
    return "f32[...]";
  std::string s = "f32[";
  for (size_t i = 0; i < shape->size(); ++i)
    s += (i ? ", " : "") + (*shape)[i].str();
  return s + "]";
}

struct Callee {
  const OpSpec *op = nullptr;        // a built-in op
  const Function *block = nullptr;   // or a user block
  std::string name() const { return op ? op->name : block->name; }
};

struct Value {
  enum class Kind { None, Tensor, Int, Float, String, Symbol, Callable, List, Optimizer, Algorithm };
  Kind kind = Kind::None;
  Shape shape;                          // Tensor
  std::optional<long long> intValue;    // Int, when constant
  std::optional<double> floatValue;     // Float, when constant
  std::string text;                     // String, Symbol, Optimizer/Algorithm name
  std::vector<Callee> callees;          // Callable: the alternatives
  std::vector<Value> elements;          // List
  DecisionPoint *decision = nullptr;    // the decision this value is, when it is one
  std::vector<long long> intCandidates; // Int decided by `decision`: each candidate's value
  std::vector<std::string> symbolChoices; // Symbol decided among these names
  SourceRange origin;                     // the argument it was passed as, for messages
  /// The names a symbol may be: itself, or each candidate of a choice.
  std::vector<std::string> symbols() const {
    return symbolChoices.empty() ? std::vector<std::string>{text} : symbolChoices;
  }
};

const char *kindName(Value::Kind kind) {
  switch (kind) {
  case Value::Kind::None: return "nothing";
  case Value::Kind::Tensor: return "a tensor";
  case Value::Kind::Int: return "an integer";
  case Value::Kind::Float: return "a number";
  case Value::Kind::String: return "a string";
  case Value::Kind::Symbol: return "a name";
  case Value::Kind::Callable: return "an op or block";
  case Value::Kind::List: return "a list";
  case Value::Kind::Optimizer: return "an optimizer";
  case Value::Kind::Algorithm: return "a search algorithm";
  }
  return "a value";
}

Value tensorValue(Shape shape) {
  Value v;
  v.kind = Value::Kind::Tensor;
  v.shape = std::move(shape);
  return v;
}
Value intValue(std::optional<long long> n) {
  Value v;
  v.kind = Value::Kind::Int;
  v.intValue = n;
  return v;
}
Value floatValue(std::optional<double> x) {
  Value v;
  v.kind = Value::Kind::Float;
  v.floatValue = x;
  return v;
}

/// The value that stands for "one of these", once the choice is made.
Value joinValues(const std::vector<Value> &values) {
  if (values.empty())
    return {};
  // The same decision on every path (a `let` untouched by a loop) stays that
  // decision.
  bool sameDecision = std::all_of(values.begin(), values.end(),
                                  [&](const Value &v) { return v.decision == values.front().decision; });
  if (sameDecision && values.front().decision)
    return values.front();
  Value joined = values.front();
  joined.decision = nullptr;
  joined.intCandidates.clear();
  if (joined.kind == Value::Kind::Symbol && joined.symbolChoices.empty())
    joined.symbolChoices = {joined.text};
  for (const Value &v : values) {
    if (v.kind == Value::Kind::Float && joined.kind == Value::Kind::Int)
      joined = floatValue(std::nullopt);
    if (v.kind != joined.kind && !(v.kind == Value::Kind::Int && joined.kind == Value::Kind::Float))
      return {};
    if (joined.kind == Value::Kind::Tensor) {
      if (!v.shape || !joined.shape || v.shape->size() != joined.shape->size()) {
        joined.shape.reset();
      } else {
        for (size_t i = 0; i < v.shape->size(); ++i)
          if (!((*v.shape)[i] == (*joined.shape)[i]))
            (*joined.shape)[i] = Dim{};
      }
    }
    if (v.intValue != joined.intValue)
      joined.intValue.reset();
    if (v.floatValue != joined.floatValue)
      joined.floatValue.reset();
    if (v.text != joined.text)
      joined.text.clear();
    if (v.kind == Value::Kind::Symbol) {
      std::vector<std::string> choices = v.symbolChoices.empty() ? std::vector<std::string>{v.text} : v.symbolChoices;
      for (const std::string &c : choices)
        if (std::find(joined.symbolChoices.begin(), joined.symbolChoices.end(), c) == joined.symbolChoices.end())
          joined.symbolChoices.push_back(c);
    }
    if (&v != &values.front() && joined.kind == Value::Kind::Callable)
      joined.callees.insert(joined.callees.end(), v.callees.begin(), v.callees.end());
  }
  return joined;
}

//===----------------------------------------------------------------------===//
// The elaborator
//===----------------------------------------------------------------------===//

/// Abandons the whole check after a limit was hit (reported already).
struct CheckAborted {};

struct Binding {
  Value value;
  bool isLet = false;
  SourceRange where;
  bool used = false;
  bool *usedFlag = nullptr; // shared across the copies of a let binding
};

using Env = std::map<std::string, Binding>;

class Elaborator {
public:
  Elaborator(const Module &module, DiagnosticEngine &diags) : module_(module), diags_(diags) {}
  CheckedModule run();

private:
  // Diagnostics, deduplicated: a block called ten times reports its errors once.
  void error(SourceRange range, const std::string &message, const std::string &hint = {}) {
    lastShown_ = reported_.insert({range.begin, range.end, message}).second;
    if (lastShown_)
      diags_.error(range, message, hint);
  }
  /// A note about the diagnostic just before it, shown only if that one was.
  void note(SourceRange range, const std::string &message) {
    if (lastShown_)
      diags_.note(range, message);
  }
  void warning(SourceRange range, const std::string &message, const std::string &hint = {}) {
    lastShown_ = reported_.insert({range.begin, range.end, message}).second;
    if (lastShown_)
      diags_.warning(range, message, hint);
  }
  void tick(SourceRange range) {
    if (++work_ > kMaxWork) {
      diags_.error(range, "the space is too large to check (more than 1,000,000 elaboration steps)",
                   "lower repetition counts or split the space");
      throw CheckAborted{};
    }
  }

  void checkDeclarations();
  void checkModel(const Function &model);
  void checkUncalledBlock(const Function &block);
  void checkSections();
  void checkSettings(const Section &section);
  void checkSearchEntry(const SectionEntry &entry, bool &hasObjective);
  void checkFamilySetting(const SettingSpec &setting, const Value &v, const SectionEntry &entry);
  void checkTableKey(const SectionEntry &entry);

  // Bodies and statements.
  std::optional<Value> runBody(const Body &body, Env &env, bool isFunctionBody);
  std::optional<Value> runStatement(const Stmt &stmt, Env &env);
  void runRepeat(const RepeatStmt &stmt, Env &env);
  void runFor(const ForStmt &stmt, Env &env);
  void runOptional(const OptionalStmt &stmt, Env &env);
  /// `loopKind` ("repeat", "optional") when the body exists once in the IR.
  void runNested(const Body &body, Env &env, const std::string &scope, DecisionSpace *space,
                 const char *loopKind = nullptr);
  void mergeOuter(Env &env, const std::vector<Env> &outcomes);

  // Expressions.
  Value eval(const Expr &expr, Env &env, const std::string &decisionName = {});
  Value evalName(const NameExpr &name, Env &env);
  Value evalBinary(const BinaryExpr &expr, Env &env);
  Value evalCall(const CallExpr &call, Env &env, const std::string &decisionName);
  Value evalHyper(const CallExpr &call, const std::string &fn, Env &env, const std::string &decisionName);
  Value evalOneOf(const CallExpr &call, Env &env, const std::string &name);
  Value evalManyOf(const CallExpr &call, Env &env, const std::string &name);
  Value evalIntDecision(const CallExpr &call, Env &env, const std::string &name);
  Value evalFloatDecision(const CallExpr &call, Env &env, const std::string &name);
  Value evalOptionalCallable(const CallExpr &call, Env &env, const std::string &name);
  void rejectNamedArguments(const CallExpr &call, const char *fn);
  Value callValue(const Value &callee, const CallExpr &call, Env &env);
  Value callOne(const Callee &callee, const CallExpr &call, const std::vector<Value> &positional,
                const std::vector<std::pair<const Argument *, Value>> &named);
  Value callBlock(const Function &block, const CallExpr &call, std::map<std::string, Value> args);
  Value applyOp(const OpSpec &op, const CallExpr &call, std::map<std::string, Value> &args,
                const std::vector<Value> &tensors);
  Value evalSpec(const CallExpr &call, const SpecFamily &family, Env &env, const std::string &scope);

  std::optional<long long> requireConstInt(const Value &v, SourceRange range, const std::string &what);
  std::optional<double> requireConstNumber(const Value &v, SourceRange range, const std::string &what);
  /// `what` names the value in the message; it is built only on an error,
  /// since this runs for every argument of every call.
  bool expectKind(const Value &v, ParamKind kind, SourceRange range, const std::function<std::string()> &what);

  // Decisions.
  DecisionPoint *newDecision(DecisionPoint::Kind kind, SourceRange range, const std::string &name,
                             const CallExpr *call, bool exactName = false);
  std::string freshName(const std::string &base);
  /// `name: "..."` and `hint: "..."` of a decision.
  struct Annotations {
    std::string name, hint;
  };
  Annotations readAnnotations(const CallExpr &call);

  static constexpr long long kMaxWork = 1'000'000;
  static constexpr long long kMaxRepeat = 10'000;

  const Module &module_;
  DiagnosticEngine &diags_;
  std::set<std::tuple<uint32_t, uint32_t, std::string>> reported_;
  long long work_ = 0;
  std::map<std::string, const Function *> blocks_;
  std::set<const Function *> calledBlocks_;
  std::vector<const Function *> callStack_;
  std::string scope_;                                    // path prefix of new decisions
  DecisionSpace *space_ = nullptr;                       // where new decisions go
  std::map<std::string, std::map<std::string, int>> counters_; // scope -> base name -> uses
  std::map<std::string, SourceRange> paths_;             // every path given out
  std::vector<std::unique_ptr<bool>> usedFlags_;
  std::map<const DecisionPoint *, SourceRange> ranges_; // where each decision is
  std::map<const DecisionPoint *, int> repeatDepthOf_;   // how many repeats it is inside
  int repeatDepth_ = 0;
  bool lastShown_ = false;
  std::string pendingExactName_; // the decision of this name is named exactly so
};

CheckedModule Elaborator::run() {
  CheckedModule result;
  space_ = &result.decisions;
  try {
    checkDeclarations();
    const Function *model = nullptr;
    for (const Function &fn : module_.functions)
      if (fn.isModel && !model)
        model = &fn;
    if (model) {
      result.modelName = model->name;
      checkModel(*model);
    }
    checkSections();
    for (const Function &fn : module_.functions)
      if (auto it = blocks_.find(fn.name); !fn.isModel && !calledBlocks_.count(&fn) && it != blocks_.end() &&
                                            it->second == &fn)
        checkUncalledBlock(fn);
  } catch (CheckAborted &) {
  }
  return result;
}

void Elaborator::checkDeclarations() {
  const Function *model = nullptr;
  for (const Function &fn : module_.functions) {
    if (fn.isModel) {
      if (model) {
        error(fn.nameRange, "a second model '" + fn.name + "': a file holds one model",
              "make '" + fn.name + "' a block, or move it to its own file");
        note(model->nameRange, "the first model is here");
      } else {
        model = &fn;
      }
      continue;
    }
    if (findOp(fn.name) || isHyperPrimitive(fn.name)) {
      error(fn.nameRange, "block '" + fn.name + "' has the name of a built-in op", "rename the block");
      continue;
    }
    auto [it, inserted] = blocks_.emplace(fn.name, &fn);
    if (!inserted) {
      error(fn.nameRange, "block '" + fn.name + "' is defined twice");
      note(it->second->nameRange, "the first definition is here");
    }
  }
  if (!model)
    error({0, 0}, "no model in this file",
          "a search space needs one 'model name(x: f32[N, 784]) -> f32[N, 10] { ... }'");
  for (const Function &fn : module_.functions) {
    std::set<std::string> seen;
    for (const Param &p : fn.params) {
      if (!seen.insert(p.name).second)
        error(p.nameRange, "parameter '" + p.name + "' is declared twice");
      if (fn.isModel && p.type.kind != TypeSpec::Kind::Tensor)
        error(p.nameRange, "model input '" + p.name + "' needs a tensor type",
              "e.g. '" + p.name + ": f32[N, 1, 28, 28]'");
    }
    auto checkType = [&](const TypeSpec &type) {
      if (type.kind == TypeSpec::Kind::Tensor && type.elementType != "f32")
        error(type.range, "unknown element type '" + type.elementType + "'", "tensors hold f32");
      for (const DimSpec &d : type.dims)
        if (d.size && *d.size <= 0)
          error(d.range, "a dimension must be positive");
    };
    for (const Param &p : fn.params)
      checkType(p.type);
    if (fn.resultType)
      checkType(*fn.resultType);
  }
}

Shape shapeOf(const TypeSpec &type) {
  if (type.kind != TypeSpec::Kind::Tensor)
    return std::nullopt;
  std::vector<Dim> dims;
  for (const DimSpec &d : type.dims)
    dims.push_back(Dim{d.size, d.symbol});
  return dims;
}

void Elaborator::checkModel(const Function &model) {
  Env env;
  for (const Param &p : model.params)
    env[p.name] = Binding{tensorValue(shapeOf(p.type)), false, p.nameRange};
  scope_ = model.name;
  callStack_.push_back(&model);
  std::optional<Value> result = runBody(model.body, env, true);
  callStack_.pop_back();
  if (!result) {
    error(model.nameRange, "model '" + model.name + "' does not return a value", "end its body with 'return ...'");
    return;
  }
  const ReturnStmt *ret = nullptr;
  for (const StmtPtr &s : model.body)
    if (auto r = s->as<ReturnStmt>())
      ret = r;
  if (result->kind == Value::Kind::None)
    return; // the error that made it is reported already
  if (result->kind != Value::Kind::Tensor) {
    error(ret ? ret->value->range : model.nameRange,
          std::string("model '") + model.name + "' must return a tensor, not " + kindName(result->kind));
    return;
  }
  Shape declared = shapeOf(*model.resultType);
  if (!declared || !result->shape)
    return;
  for (const Dim &d : *declared)
    if (d.size && *d.size <= 0)
      return; // reported as a bad declaration already
  bool mismatch = declared->size() != result->shape->size();
  for (size_t i = 0; !mismatch && i < declared->size(); ++i) {
    const Dim &want = (*declared)[i], &have = (*result->shape)[i];
    if (want.known() && have.known() && !(want == have))
      mismatch = true;
  }
  if (mismatch) {
    error(ret ? ret->value->range : model.nameRange,
          "the model returns " + shapeString(result->shape) + " but declares " + shapeString(declared));
    note(model.resultType->range, "the output type is declared here");
  }
}

void Elaborator::checkUncalledBlock(const Function &block) {
  warning(block.nameRange, "block '" + block.name + "' is never used");
  // Check its body anyway, with nothing known about its inputs, and keep
  // none of the decisions it would make.
  DecisionSpace discarded;
  DecisionSpace *saved = space_;
  space_ = &discarded;
  std::map<std::string, Value> args;
  for (const Param &p : block.params) {
    Value v;
    switch (p.type.kind) {
    case TypeSpec::Kind::Int: v = intValue(std::nullopt); break;
    case TypeSpec::Kind::Float: v = floatValue(std::nullopt); break;
    case TypeSpec::Kind::Op:
      v.kind = Value::Kind::Callable;
      v.callees = {Callee{findOp("identity"), nullptr}};
      break;
    default: v = tensorValue(shapeOf(p.type)); break;
    }
    args[p.name] = v;
  }
  std::string savedScope = scope_;
  scope_ = "(unused)." + block.name;
  CallExpr fake(block.nameRange, nullptr, {});
  callBlock(block, fake, std::move(args));
  scope_ = savedScope;
  space_ = saved;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

std::optional<Value> Elaborator::runBody(const Body &body, Env &env, bool isFunctionBody) {
  std::optional<Value> result;
  for (const StmtPtr &stmt : body) {
    if (result) {
      warning(stmt->range, "code after 'return' is never run");
      break;
    }
    if (stmt->kind == Stmt::Kind::Return && !isFunctionBody) {
      error(stmt->range, "'return' must be the last statement of a model or block",
            "inside 'repeat', 'for' and 'optional' assign to a name instead");
      continue;
    }
    result = runStatement(*stmt, env);
  }
  if (isFunctionBody) {
    for (auto &[name, binding] : env)
      if (binding.isLet && binding.value.decision && binding.usedFlag && !*binding.usedFlag)
        warning(binding.where, "decision '" + binding.value.decision->path + "' is never used",
                "remove the 'let', or use '" + name + "'");
  }
  return result;
}

std::optional<Value> Elaborator::runStatement(const Stmt &stmt, Env &env) {
  tick(stmt.range);
  switch (stmt.kind) {
  case Stmt::Kind::Bind: {
    auto &bind = *stmt.as<BindStmt>();
    auto existing = env.find(bind.name);
    if (bind.isLet && existing != env.end()) {
      error(bind.nameRange, "'" + bind.name + "' is already defined",
            existing->second.isLet ? "a 'let' binds once; choose another name" : "a 'let' needs a new name");
      return std::nullopt;
    }
    if (!bind.isLet && existing != env.end() && existing->second.isLet) {
      error(bind.nameRange, "'" + bind.name + "' was bound by 'let' and cannot be reassigned");
      note(existing->second.where, "bound here");
      return std::nullopt;
    }
    Binding binding{eval(*bind.value, env, bind.isLet ? bind.name : ""), bind.isLet, bind.nameRange};
    if (bind.isLet) {
      // Copies of the environment (repetitions, branches) share one flag.
      usedFlags_.push_back(std::make_unique<bool>(false));
      binding.usedFlag = usedFlags_.back().get();
    }
    env[bind.name] = binding;
    return std::nullopt;
  }
  case Stmt::Kind::Repeat:
    runRepeat(*stmt.as<RepeatStmt>(), env);
    return std::nullopt;
  case Stmt::Kind::For:
    runFor(*stmt.as<ForStmt>(), env);
    return std::nullopt;
  case Stmt::Kind::Optional:
    runOptional(*stmt.as<OptionalStmt>(), env);
    return std::nullopt;
  case Stmt::Kind::Return:
    return eval(*stmt.as<ReturnStmt>()->value, env);
  }
  return std::nullopt;
}

/// Runs a nested body in its own scope: names first bound inside it stay
/// inside it; assignments to outer names stay visible in `env`.
void Elaborator::runNested(const Body &body, Env &env, const std::string &scope, DecisionSpace *space,
                           const char *loopKind) {
  std::string savedScope = scope_;
  DecisionSpace *savedSpace = space_;
  scope_ = scope;
  space_ = space;
  Env inner = env;
  runBody(body, inner, false);
  for (auto &[name, binding] : env)
    if (auto it = inner.find(name); it != inner.end()) {
      // A repeat body or an optional block exists once in the IR: only
      // tensors and numbers flow out of it, as its results.
      Value::Kind kind = it->second.value.kind;
      bool flows = kind == Value::Kind::Tensor || kind == Value::Kind::Int || kind == Value::Kind::Float;
      if (loopKind && !flows && it->second.where.begin != binding.where.begin) {
        error(it->second.where, "'" + name + "' is " + kindName(kind) + " from outside this '" + loopKind +
                                    "' and cannot be reassigned in it",
              "use a new name inside, or choose with oneof outside");
        continue;
      }
      binding = it->second;
    }
  scope_ = savedScope;
  space_ = savedSpace;
}

/// After a decided number of repetitions or a decided branch, each outer
/// name holds one of several values.
void Elaborator::mergeOuter(Env &env, const std::vector<Env> &outcomes) {
  for (auto &[name, binding] : env) {
    std::vector<Value> values;
    for (const Env &outcome : outcomes)
      values.push_back(outcome.at(name).value);
    Value joined = joinValues(values);
    if (joined.kind == Value::Kind::None && binding.value.kind != Value::Kind::None)
      error(binding.where, "'" + name + "' holds values of different kinds depending on a decision");
    binding.value = joined;
  }
}

void Elaborator::runRepeat(const RepeatStmt &stmt, Env &env) {
  // The loop's scope and an inline count decision share one name: mlp.repeat
  // is the depth, mlp.repeat[2].oneof a decision in the third repetition.
  std::string base = freshName("repeat");
  Value count = eval(*stmt.count, env, base.substr(scope_.size() + 1));
  if (count.kind != Value::Kind::Int) {
    error(stmt.count->range, std::string("'repeat' needs an integer count, not ") + kindName(count.kind));
    return;
  }
  if (!count.intValue && !count.decision) {
    error(stmt.count->range, "'repeat' needs a constant count or a decision (int(...) or oneof(...)), "
                             "not an expression over a decision",
          "make the count itself a decision, e.g. 'repeat int(1, 4)'");
    return;
  }
  if (!count.intValue && count.intCandidates.empty()) {
    error(stmt.count->range, "'repeat' needs a count whose candidates are constants");
    return;
  }
  long long maxCount = count.intValue ? *count.intValue
                                      : *std::max_element(count.intCandidates.begin(), count.intCandidates.end());
  long long minCount = count.intValue ? *count.intValue
                                      : *std::min_element(count.intCandidates.begin(), count.intCandidates.end());
  if (minCount < 0) {
    error(stmt.count->range, "'repeat' count " + std::to_string(minCount) + " is negative");
    return;
  }
  if (maxCount > kMaxRepeat) {
    error(stmt.count->range, "'repeat' count " + std::to_string(maxCount) + " is too large (at most 10000)");
    return;
  }
  DecisionPoint *decision = count.intValue ? nullptr : count.decision;
  if (decision && decision->kind == DecisionPoint::Kind::OneOf)
    decision->countValues.assign(count.intCandidates.begin(), count.intCandidates.end());
  std::vector<Env> outcomes;
  if (minCount == 0)
    outcomes.push_back(env);
  for (long long i = 0; i < maxCount; ++i) {
    DecisionSpace *space = space_;
    if (decision) {
      // Repetition i exists only when the count exceeds i; a count decision
      // shared by several loops collects the sub-spaces of all of them.
      if (decision->repetitions.size() <= static_cast<size_t>(i))
        decision->repetitions.resize(i + 1);
      space = &decision->repetitions[i];
    }
    ++repeatDepth_;
    runNested(stmt.body, env, base + "[" + std::to_string(i) + "]", space, "repeat");
    --repeatDepth_;
    if (i + 1 >= minCount)
      outcomes.push_back(env);
  }
  if (decision)
    mergeOuter(env, outcomes);
}

void Elaborator::runFor(const ForStmt &stmt, Env &env) {
  Value list = eval(*stmt.list, env);
  if (list.kind == Value::Kind::None)
    return; // reported already
  if (list.kind != Value::Kind::List) {
    error(stmt.list->range, std::string("'for' needs a list such as [1, 2, 3], not ") + kindName(list.kind));
    return;
  }
  if (env.count(stmt.variable)) {
    error(stmt.variableRange, "loop variable '" + stmt.variable + "' hides an existing name");
    return;
  }
  for (size_t i = 0; i < list.elements.size(); ++i) {
    Env withVar = env;
    withVar[stmt.variable] = Binding{list.elements[i], true, stmt.variableRange};
    runNested(stmt.body, withVar, scope_ + "." + stmt.variable + "[" + std::to_string(i) + "]", space_);
    for (auto &[name, binding] : env)
      binding = withVar.at(name);
  }
}

void Elaborator::runOptional(const OptionalStmt &stmt, Env &env) {
  std::string name = stmt.decisionName ? *stmt.decisionName : "optional";
  DecisionPoint *d = newDecision(DecisionPoint::Kind::Optional, stmt.range, name, nullptr, stmt.decisionName.has_value());
  d->candidates = {"absent", "{ ... }"};
  d->subspaces.resize(2);
  std::vector<Env> outcomes{env};
  runNested(stmt.body, env, d->path + "[1]", &d->subspaces[1], "optional");
  outcomes.push_back(env);
  mergeOuter(env, outcomes);
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Value Elaborator::eval(const Expr &expr, Env &env, const std::string &decisionName) {
  tick(expr.range);
  switch (expr.kind) {
  case Expr::Kind::Integer:
    return intValue(expr.as<IntegerExpr>()->value);
  case Expr::Kind::Float:
    return floatValue(expr.as<FloatExpr>()->value);
  case Expr::Kind::String: {
    Value v;
    v.kind = Value::Kind::String;
    v.text = expr.as<StringExpr>()->value;
    return v;
  }
  case Expr::Kind::Name:
    return evalName(*expr.as<NameExpr>(), env);
  case Expr::Kind::List: {
    Value v;
    v.kind = Value::Kind::List;
    for (const ExprPtr &e : expr.as<ListExpr>()->elements)
      v.elements.push_back(eval(*e, env));
    return v;
  }
  case Expr::Kind::Call:
    return evalCall(*expr.as<CallExpr>(), env, decisionName);
  case Expr::Kind::Binary:
    return evalBinary(*expr.as<BinaryExpr>(), env);
  case Expr::Kind::Negate: {
    Value v = eval(*expr.as<NegateExpr>()->operand, env);
    if (v.kind == Value::Kind::Int) {
      if (v.intValue && *v.intValue == std::numeric_limits<long long>::min()) {
        error(expr.range, "integer overflow");
        return intValue(std::nullopt);
      }
      return intValue(v.intValue ? std::optional<long long>(-*v.intValue) : std::nullopt);
    }
    if (v.kind == Value::Kind::Float)
      return floatValue(v.floatValue ? std::optional<double>(-*v.floatValue) : std::nullopt);
    error(expr.range, std::string("'-' needs a number, not ") + kindName(v.kind));
    return {};
  }
  }
  return {};
}

Value Elaborator::evalName(const NameExpr &name, Env &env) {
  if (auto it = env.find(name.name); it != env.end()) {
    if (it->second.usedFlag)
      *it->second.usedFlag = true;
    return it->second.value;
  }
  Value v;
  if (const OpSpec *op = findOp(name.name)) {
    v.kind = Value::Kind::Callable;
    v.callees = {Callee{op, nullptr}};
    return v;
  }
  if (auto it = blocks_.find(name.name); it != blocks_.end()) {
    v.kind = Value::Kind::Callable;
    v.callees = {Callee{nullptr, it->second}};
    return v;
  }
  if (isSymbol(name.name)) {
    v.kind = Value::Kind::Symbol;
    v.text = name.name;
    return v;
  }
  // In a loop the same unknown name comes up again and again: the hint (an
  // edit distance to every known name) is worth computing once.
  std::string message = "unknown name '" + name.name + "'";
  if (reported_.count({name.range.begin, name.range.end, message}))
    return {};
  std::vector<std::string> known = builtinNames();
  for (auto &[n, b] : env)
    known.push_back(n);
  for (auto &[n, b] : blocks_)
    known.push_back(n);
  std::string guess = closestMatch(name.name, known);
  error(name.range, message, guess.empty() ? "" : "did you mean '" + guess + "'?");
  return {};
}

Value Elaborator::evalBinary(const BinaryExpr &expr, Env &env) {
  Value lhs = eval(*expr.lhs, env), rhs = eval(*expr.rhs, env);
  bool lhsNumber = lhs.kind == Value::Kind::Int || lhs.kind == Value::Kind::Float;
  bool rhsNumber = rhs.kind == Value::Kind::Int || rhs.kind == Value::Kind::Float;
  if (!lhsNumber || !rhsNumber) {
    if (lhs.kind != Value::Kind::None && rhs.kind != Value::Kind::None)
      error(expr.range, std::string("'") + expr.op + "' needs numbers, not " +
                            kindName(lhsNumber ? rhs.kind : lhs.kind),
            lhs.kind == Value::Kind::Tensor || rhs.kind == Value::Kind::Tensor ? "to add tensors use add(a, b)" : "");
    return {};
  }
  if (lhs.kind == Value::Kind::Int && rhs.kind == Value::Kind::Int) {
    if (!lhs.intValue || !rhs.intValue)
      return intValue(std::nullopt); // depends on a decision: known once it is made
    long long a = *lhs.intValue, b = *rhs.intValue, r = 0;
    bool overflow = false;
    switch (expr.op) {
    case '+': overflow = __builtin_add_overflow(a, b, &r); break;
    case '-': overflow = __builtin_sub_overflow(a, b, &r); break;
    case '*': overflow = __builtin_mul_overflow(a, b, &r); break;
    case '/':
      if (b == 0) {
        error(expr.rhs->range, "division by zero");
        return intValue(std::nullopt);
      }
      overflow = a == std::numeric_limits<long long>::min() && b == -1;
      r = overflow ? 0 : a / b;
      break;
    }
    if (overflow) {
      error(expr.range, "integer overflow");
      return intValue(std::nullopt);
    }
    return intValue(r);
  }
  auto asDouble = [](const Value &v) -> std::optional<double> {
    if (v.kind == Value::Kind::Int)
      return v.intValue ? std::optional<double>(static_cast<double>(*v.intValue)) : std::nullopt;
    return v.floatValue;
  };
  std::optional<double> a = asDouble(lhs), b = asDouble(rhs);
  if (!a || !b)
    return floatValue(std::nullopt);
  switch (expr.op) {
  case '+': return floatValue(*a + *b);
  case '-': return floatValue(*a - *b);
  case '*': return floatValue(*a * *b);
  default:
    if (*b == 0) {
      error(expr.rhs->range, "division by zero");
      return floatValue(std::nullopt);
    }
    return floatValue(*a / *b);
  }
}

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

std::string Elaborator::freshName(const std::string &base) {
  int n = ++counters_[scope_][base];
  return scope_ + "." + base + (n > 1 ? std::to_string(n) : "");
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
  if (!annotated.empty())
    d->path = scope_ + "." + annotated;
  else
    d->path = exactName ? scope_ + "." + name : freshName(name);
  if (auto [it, inserted] = paths_.emplace(d->path, range); !inserted) {
    error(range, "two decisions are named '" + d->path + "'", "give one of them another name: \"...\"");
    note(it->second, "the other decision is here");
  }
  space_->push_back(std::move(d));
  return space_->back().get();
}

Value Elaborator::evalCall(const CallExpr &call, Env &env, const std::string &decisionName) {
  if (auto name = call.callee->as<NameExpr>()) {
    if (isHyperPrimitive(name->name) && !env.count(name->name))
      return evalHyper(call, name->name, env, decisionName);
    // A block of the same name wins, as in MLIRGen.
    if (!env.count(name->name) && !blocks_.count(name->name))
      if (const SpecFamily *family = findSpecFamily(name->name))
        return evalSpec(call, *family, env, decisionName.empty() ? scope_ : scope_ + "." + decisionName);
  }
  for (const Argument &arg : call.args)
    if (arg.isAnnotation)
      error(arg.keywordRange, "only decisions (oneof, manyof, int, floatv, optional) take '" + arg.keyword + ":'");
  Value callee = eval(*call.callee, env);
  if (callee.kind == Value::Kind::None)
    return {};
  if (callee.kind != Value::Kind::Callable) {
    error(call.callee->range, std::string("this is ") + kindName(callee.kind) + ", not an op or block to call");
    return {};
  }
  return callValue(callee, call, env);
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

std::vector<const Argument *> positionalArgs(const CallExpr &call) {
  std::vector<const Argument *> out;
  for (const Argument &arg : call.args)
    if (arg.keyword.empty())
      out.push_back(&arg);
  return out;
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
                                               kindName(values[i].kind) + ", the first is " +
                                               kindName(values[0].kind));
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
  std::optional<long long> lo = requireConstInt(eval(*positional[0]->value, env), positional[0]->value->range,
                                                "the lower bound of int");
  std::optional<long long> hi = requireConstInt(eval(*positional[1]->value, env), positional[1]->value->range,
                                                "the upper bound of int");
  if (!lo || !hi)
    return intValue(std::nullopt);
  if (*lo > *hi) {
    error(call.range, "int(" + std::to_string(*lo) + ", " + std::to_string(*hi) + ") is empty: the lower bound is "
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
  std::optional<double> lo = requireConstNumber(eval(*positional[0]->value, env), positional[0]->value->range,
                                                "the lower bound of floatv");
  std::optional<double> hi = requireConstNumber(eval(*positional[1]->value, env), positional[1]->value->range,
                                                "the upper bound of floatv");
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

bool allOf(const std::vector<std::string> &names, std::initializer_list<const char *> allowed) {
  return std::all_of(names.begin(), names.end(), [&](const std::string &n) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const char *a) { return n == a; });
  });
}

bool Elaborator::expectKind(const Value &v, ParamKind kind, SourceRange range,
                            const std::function<std::string()> &what) {
  if (v.kind == Value::Kind::None)
    return false;
  bool ok = false;
  switch (kind) {
  case ParamKind::Tensor: ok = v.kind == Value::Kind::Tensor; break;
  case ParamKind::Int: ok = v.kind == Value::Kind::Int; break;
  case ParamKind::Float: ok = v.kind == Value::Kind::Float || v.kind == Value::Kind::Int; break;
  case ParamKind::Bool: ok = v.kind == Value::Kind::Symbol && allOf(v.symbols(), {"true", "false"}); break;
  case ParamKind::Padding:
    ok = v.kind == Value::Kind::Int || (v.kind == Value::Kind::Symbol && allOf(v.symbols(), {"same", "valid"}));
    break;
  case ParamKind::Symbol: ok = v.kind == Value::Kind::Symbol || v.kind == Value::Kind::String; break;
  case ParamKind::Callable: ok = v.kind == Value::Kind::Callable; break;
  case ParamKind::Any: ok = true; break;
  }
  if (!ok) {
    std::string got = v.kind == Value::Kind::Symbol ? "'" + joinNames(v.symbols()) + "'" : kindName(v.kind);
    error(v.origin.end > v.origin.begin ? v.origin : range, what() + " must be " + paramKindName(kind) + ", not " + got);
  }
  return ok;
}

Value Elaborator::callValue(const Value &callee, const CallExpr &call, Env &env) {
  std::vector<Value> positional;
  std::vector<std::pair<const Argument *, Value>> named;
  for (const Argument &arg : call.args) {
    if (arg.isAnnotation)
      continue;
    Value v = eval(*arg.value, env);
    v.origin = arg.value->range;
    if (arg.keyword.empty())
      positional.push_back(std::move(v));
    else
      named.emplace_back(&arg, std::move(v));
  }
  std::vector<Value> results;
  if (!callee.decision) {
    // Several callees without a decision of their own: an element of a
    // manyof. Their decisions would have no candidate to belong to.
    for (const Callee &c : callee.callees) {
      size_t before = space_->size();
      results.push_back(callOne(c, call, positional, named));
      if (callee.callees.size() > 1 && space_->size() > before) {
        error(call.range, "'" + c.name() + "', a candidate of manyof, makes decisions of its own",
              "give the candidates of manyof no decisions, or choose with oneof");
        return {};
      }
    }
    return joinValues(results);
  }
  // A choice among ops or blocks: each alternative's own decisions belong to
  // that alternative's sub-space.
  DecisionPoint *d = callee.decision;
  std::string savedScope = scope_;
  DecisionSpace *savedSpace = space_;
  for (size_t i = 0; i < callee.callees.size() && i < d->subspaces.size(); ++i) {
    scope_ = d->path + "[" + std::to_string(i) + "]";
    space_ = &d->subspaces[i];
    size_t before = d->subspaces[i].size();
    results.push_back(callOne(callee.callees[i], call, positional, named));
    // A choice made outside a repeat is one decision for every repetition;
    // decisions its candidates make would have to be one per repetition,
    // which the choice's sub-space cannot say.
    if (d->subspaces[i].size() > before && repeatDepth_ > repeatDepthOf_[d])
      error(call.range,
            "'" + callee.callees[i].name() + "', a candidate of '" + d->path +
                "', makes decisions of its own, so it cannot be called inside a 'repeat' when the choice is made "
                "outside it",
            "make the choice inside the loop, or give '" + callee.callees[i].name() + "' no decisions");
  }
  scope_ = savedScope;
  space_ = savedSpace;
  Value joined = joinValues(results);
  if (joined.kind == Value::Kind::None && !results.empty()) {
    bool anyFailed = std::any_of(results.begin(), results.end(), [](const Value &v) { return v.kind == Value::Kind::None; });
    if (!anyFailed)
      error(call.range, "the alternatives of this choice return values of different kinds");
  }
  return joined;
}

Value Elaborator::callOne(const Callee &callee, const CallExpr &call, const std::vector<Value> &positional,
                          const std::vector<std::pair<const Argument *, Value>> &named) {
  std::string calleeName = callee.op ? callee.op->name : callee.block->name;
  // Bind arguments to parameters by position, then by name.
  std::vector<std::string> paramNames;
  if (callee.op) {
    for (const ParamSpec &p : callee.op->params)
      paramNames.push_back(p.name);
  } else {
    for (const Param &p : callee.block->params)
      paramNames.push_back(p.name);
  }
  bool variadic = callee.op && callee.op->variadicTensors;
  std::map<std::string, Value> args;
  std::vector<Value> tensors;
  size_t next = 0;
  for (const Value &v : positional) {
    if (variadic && v.kind == Value::Kind::List) {
      tensors.insert(tensors.end(), v.elements.begin(), v.elements.end());
    } else if (variadic && (v.kind == Value::Kind::Tensor || v.kind == Value::Kind::None)) {
      tensors.push_back(v);
    } else if (variadic) {
      error(call.range, calleeName + " takes tensors (or a list of them) as positional arguments, not " +
                            kindName(v.kind));
      return {};
    } else if (next < paramNames.size()) {
      args[paramNames[next++]] = v;
    } else {
      error(call.range, calleeName + " takes at most " + std::to_string(paramNames.size()) +
                            " arguments, but got " + std::to_string(positional.size()));
      return {};
    }
  }
  for (const auto &[arg, v] : named) {
    if (std::find(paramNames.begin(), paramNames.end(), arg->keyword) == paramNames.end()) {
      std::string guess = closestMatch(arg->keyword, paramNames);
      error(arg->keywordRange, calleeName + " has no parameter '" + arg->keyword + "'",
            guess.empty() ? "" : "did you mean '" + guess + "'?");
      return {};
    }
    if (args.count(arg->keyword)) {
      error(arg->keywordRange, "argument '" + arg->keyword + "' of " + calleeName + " is given twice");
      return {};
    }
    args[arg->keyword] = v;
  }
  if (callee.block)
    return callBlock(*callee.block, call, std::move(args));
  return applyOp(*callee.op, call, args, tensors);
}

Value Elaborator::callBlock(const Function &block, const CallExpr &call, std::map<std::string, Value> args) {
  if (std::find(callStack_.begin(), callStack_.end(), &block) != callStack_.end()) {
    std::string chain;
    for (const Function *fn : callStack_)
      chain += fn->name + " -> ";
    error(call.range, "block '" + block.name + "' calls itself (" + chain + block.name + ")",
          "blocks cannot be recursive; use 'repeat' to stack layers");
    return {};
  }
  calledBlocks_.insert(&block);
  Env env;
  for (const Param &p : block.params) {
    auto it = args.find(p.name);
    Value v;
    if (it != args.end()) {
      v = it->second;
    } else if (p.defaultValue) {
      Env empty;
      v = eval(*p.defaultValue, empty);
    } else {
      error(call.range, "block '" + block.name + "' needs argument '" + p.name + "'");
      return {};
    }
    ParamKind kind = p.type.kind == TypeSpec::Kind::Int     ? ParamKind::Int
                     : p.type.kind == TypeSpec::Kind::Float ? ParamKind::Float
                     : p.type.kind == TypeSpec::Kind::Op    ? ParamKind::Callable
                                                            : ParamKind::Tensor;
    if (!expectKind(v, kind, it != args.end() ? call.range : p.nameRange,
                    [&] { return "argument '" + p.name + "' of block '" + block.name + "'"; }))
      return {};
    env[p.name] = Binding{v, false, p.nameRange};
  }
  std::string savedScope = scope_;
  scope_ = freshName(block.name);
  callStack_.push_back(&block);
  std::optional<Value> result = runBody(block.body, env, true);
  callStack_.pop_back();
  scope_ = savedScope;
  if (!result) {
    error(block.nameRange, "block '" + block.name + "' does not return a value", "end its body with 'return ...'");
    return {};
  }
  return *result;
}

Value Elaborator::evalSpec(const CallExpr &call, const SpecFamily &family, Env &env, const std::string &scope) {
  // Optimizer and algorithm settings: every argument is named, and a decision
  // in one is named after the argument (train.optimizer.lr).
  const std::string &fn = call.callee->as<NameExpr>()->name;
  const SpecDef *spec = findSpec(family, fn);
  Value v;
  v.kind = family.valueIsOptimizer ? Value::Kind::Optimizer : Value::Kind::Algorithm;
  v.text = fn;
  std::string savedScope = scope_;
  scope_ = scope;
  std::set<std::string> given;
  for (const Argument &arg : call.args) {
    if (arg.isAnnotation) {
      error(arg.keywordRange, "only decisions (oneof, manyof, int, floatv, optional) take '" + arg.keyword + ":'");
      continue;
    }
    if (arg.keyword.empty()) {
      error(arg.value->range, fn + " takes named arguments only", "e.g. " + std::string(spec->example));
      continue;
    }
    const ParamSpec *param = nullptr;
    std::vector<std::string> names;
    for (const ParamSpec &p : spec->params) {
      names.push_back(p.name);
      if (arg.keyword == p.name)
        param = &p;
    }
    if (!param) {
      std::string guess = closestMatch(arg.keyword, names);
      error(arg.keywordRange, fn + " has no setting '" + arg.keyword + "'",
            guess.empty() ? "its settings: " + joinNames(names) : "did you mean '" + guess + "'?");
      continue;
    }
    if (!given.insert(arg.keyword).second)
      error(arg.keywordRange, "'" + arg.keyword + "' is given twice");
    Value value = eval(*arg.value, env, arg.keyword);
    if (expectKind(value, param->kind, arg.value->range, [&] { return "'" + arg.keyword + "' of " + fn; })) {
      std::optional<double> x = value.kind == Value::Kind::Int && value.intValue ? std::optional<double>(*value.intValue)
                                                                                : value.floatValue;
      if (x && param->minimum && *x < *param->minimum)
        error(arg.value->range, "'" + arg.keyword + "' of " + fn + " must be at least " + formatNumber(*param->minimum));
      if (x && param->maximum && *x > *param->maximum)
        error(arg.value->range, "'" + arg.keyword + "' of " + fn + " must be at most " + formatNumber(*param->maximum));
    }
  }
  for (const ParamSpec &p : spec->params)
    if (p.required && !given.count(p.name))
      error(call.range, fn + " needs '" + p.name + "'", "e.g. " + std::string(spec->example));
  scope_ = savedScope;
  return v;
}

//===----------------------------------------------------------------------===//
// Shapes of the built-in ops
//===----------------------------------------------------------------------===//

Value Elaborator::applyOp(const OpSpec &op, const CallExpr &call, std::map<std::string, Value> &args,
                          const std::vector<Value> &tensors) {
  const std::string name = op.name;
  for (const ParamSpec &p : op.params) {
    auto it = args.find(p.name);
    if (it == args.end()) {
      if (p.required) {
        error(call.range, name + " needs argument '" + p.name + "'", std::string("e.g. ") + op.example);
        return {};
      }
      continue;
    }
    if (!expectKind(it->second, p.kind, call.range, [&] { return "argument '" + std::string(p.name) + "' of " + name; }))
      return {};
    std::optional<long long> x = it->second.kind == Value::Kind::Int ? it->second.intValue : std::nullopt;
    SourceRange where = it->second.origin.end > it->second.origin.begin ? it->second.origin : call.range;
    // A decided value: its smallest candidate must do.
    if (!x && it->second.kind == Value::Kind::Int && !it->second.intCandidates.empty())
      x = *std::min_element(it->second.intCandidates.begin(), it->second.intCandidates.end());
    if (x && p.minimum && *x < *p.minimum) {
      error(where, "argument '" + std::string(p.name) + "' of " + name + " must be at least " +
                            formatNumber(*p.minimum) + ", got " + std::to_string(*x));
      return {};
    }
    if (it->second.kind == Value::Kind::Float && it->second.floatValue &&
        ((p.minimum && *it->second.floatValue < *p.minimum) || (p.maximum && *it->second.floatValue > *p.maximum))) {
      error(where, "argument '" + std::string(p.name) + "' of " + name + " must be between " +
                            formatNumber(p.minimum.value_or(0)) + " and " + formatNumber(p.maximum.value_or(1)));
      return {};
    }
  }
  auto constInt = [&](const char *key, long long fallback) -> std::optional<long long> {
    auto it = args.find(key);
    return it == args.end() ? std::optional<long long>(fallback) : it->second.intValue;
  };

  if (op.variadicTensors) {
    if (tensors.size() < 2) {
      error(call.range, name + " needs at least two tensors", std::string("e.g. ") + op.example);
      return {};
    }
    for (const Value &t : tensors)
      if (t.kind == Value::Kind::None)
        return {};
    Shape result = tensors[0].shape;
    for (size_t i = 1; i < tensors.size(); ++i) {
      const Shape &s = tensors[i].shape;
      if (!result || !s)
        return tensorValue(std::nullopt);
      if (result->size() != s->size()) {
        error(call.range, name + " of tensors with different ranks: " + shapeString(result) + " and " + shapeString(s));
        return {};
      }
    }
    if (name == "add") {
      for (size_t i = 1; i < tensors.size(); ++i)
        for (size_t d = 0; d < result->size(); ++d) {
          Dim &a = (*result)[d];
          const Dim &b = (*tensors[i].shape)[d];
          if (a.known() && b.known() && !(a == b)) {
            error(call.range, "add of tensors with different shapes: " + shapeString(tensors[0].shape) + " and " +
                                  shapeString(tensors[i].shape),
                  "use a 1x1 conv2d or a dense layer to match them");
            return {};
          }
          if (!a.known())
            a = b;
        }
      return tensorValue(result);
    }
    // concat
    std::optional<long long> axis = constInt("axis", 1);
    if (!axis) {
      error(call.range, "the axis of concat must be a constant");
      return {};
    }
    long long rank = static_cast<long long>(result->size());
    if (*axis < 0 || *axis >= rank) {
      error(call.range, "concat axis " + std::to_string(*axis) + " is outside a rank-" + std::to_string(rank) +
                            " tensor");
      return {};
    }
    std::optional<long long> total = 0;
    for (const Value &t : tensors) {
      for (long long d = 0; d < rank; ++d) {
        const Dim &a = (*result)[d], &b = (*t.shape)[d];
        if (d != *axis && a.known() && b.known() && !(a == b)) {
          error(call.range, "concat of tensors whose dimension " + std::to_string(d) + " differs: " +
                                shapeString(tensors[0].shape) + " and " + shapeString(t.shape));
          return {};
        }
      }
      const Dim &along = (*t.shape)[*axis];
      total = total && along.size ? std::optional<long long>(*total + *along.size) : std::nullopt;
    }
    (*result)[*axis] = Dim{total, ""};
    return tensorValue(result);
  }

  auto input = args.find("x");
  if (input == args.end() || input->second.kind != Value::Kind::Tensor) {
    error(call.range, name + " needs an input tensor", std::string("e.g. ") + op.example);
    return {};
  }
  const Shape &in = input->second.shape;
  auto needRank = [&](std::initializer_list<size_t> ranks, const char *hint) {
    if (!in)
      return true;
    if (std::find(ranks.begin(), ranks.end(), in->size()) != ranks.end())
      return true;
    std::string want;
    size_t i = 0;
    for (size_t r : ranks)
      want += (i++ == 0 ? "" : i == ranks.size() ? " or " : ", ") + std::to_string(r);
    error(call.range, name + " needs a rank-" + want + " input, but gets " + shapeString(in), hint);
    return false;
  };

  if (op.shapePreserving)
    return tensorValue(in);
  if (name == "batchnorm")
    return needRank({2, 4}, "") ? tensorValue(in) : Value{};
  if (name == "flatten") {
    if (!in)
      return tensorValue(std::vector<Dim>{Dim{}, Dim{}});
    if (in->size() < 2) {
      error(call.range, "flatten needs a batch dimension and at least one more, but gets " + shapeString(in));
      return {};
    }
    std::optional<long long> product = 1;
    for (size_t d = 1; d < in->size(); ++d)
      product = product && (*in)[d].size ? std::optional<long long>(*product * *(*in)[d].size) : std::nullopt;
    return tensorValue(std::vector<Dim>{(*in)[0], Dim{product, ""}});
  }
  if (name == "dense") {
    if (!needRank({2}, "flatten the input first: dense(flatten(x), ...)"))
      return {};
    Dim batch = in ? (*in)[0] : Dim{};
    return tensorValue(std::vector<Dim>{batch, Dim{args["units"].intValue, ""}});
  }
  if (name == "global_avgpool") {
    if (!needRank({4}, "global_avgpool takes an NCHW feature map"))
      return {};
    return tensorValue(in ? std::vector<Dim>{(*in)[0], (*in)[1]} : std::vector<Dim>{Dim{}, Dim{}});
  }
  // conv2d, maxpool, avgpool: NCHW in, NCHW out.
  if (!needRank({4}, "it takes an NCHW feature map: f32[N, C, H, W]"))
    return {};
  bool conv = name == "conv2d";
  std::optional<long long> kernel = constInt("kernel", conv ? 3 : 2);
  std::optional<long long> stride = args.count("stride") ? args["stride"].intValue : conv ? 1 : kernel;
  std::optional<long long> dilation = constInt("dilation", 1);
  std::optional<long long> padding = conv ? std::nullopt : std::optional<long long>(0);
  bool same = conv;
  if (auto it = args.find("padding"); it != args.end()) {
    same = it->second.kind == Value::Kind::Symbol && it->second.text == "same";
    padding = it->second.kind == Value::Kind::Symbol ? std::optional<long long>(0) : it->second.intValue;
    if (it->second.kind == Value::Kind::Symbol && it->second.symbols().size() > 1) {
      same = false; // decided between same and valid: the size is known once it is
      padding.reset();
    }
  }
  if (same && kernel && dilation) {
    if (*kernel % 2 == 0) {
      error(call.range, "padding = same needs an odd kernel, got " + std::to_string(*kernel));
      return {};
    }
    padding = *dilation * (*kernel - 1) / 2;
  } else if (same) {
    padding.reset();
  }
  std::vector<Dim> out = in ? *in : std::vector<Dim>(4);
  if (conv) {
    std::optional<long long> channels = args["channels"].intValue, groups = constInt("groups", 1);
    std::optional<long long> inChannels = in ? (*in)[1].size : std::nullopt;
    if (groups && channels && *channels % *groups != 0) {
      error(call.range, "conv2d: " + std::to_string(*channels) + " output channels do not split into " +
                            std::to_string(*groups) + " groups");
      return {};
    }
    if (groups && inChannels && *inChannels % *groups != 0) {
      error(call.range, "conv2d: " + std::to_string(*inChannels) + " input channels do not split into " +
                            std::to_string(*groups) + " groups");
      return {};
    }
    out[1] = Dim{channels, ""};
  }
  for (int d = 2; d < 4; ++d) {
    std::optional<long long> size = in ? (*in)[d].size : std::nullopt;
    if (!size || !kernel || !stride || !dilation || !padding) {
      out[d] = Dim{};
      continue;
    }
    long long extent = *size + 2 * *padding - *dilation * (*kernel - 1) - 1;
    if (extent < 0) {
      error(call.range, name + ": a " + std::to_string(*kernel) + "x" + std::to_string(*kernel) +
                            " window does not fit the " + std::to_string(*size) + "-pixel input " + shapeString(in),
            "reduce the kernel or the number of downsampling steps before it");
      return {};
    }
    out[d] = Dim{extent / *stride + 1, ""};
  }
  return tensorValue(out);
}

//===----------------------------------------------------------------------===//
// train and search sections
//===----------------------------------------------------------------------===//

void Elaborator::checkSections() {
  const Section *seen[2] = {nullptr, nullptr};
  for (const Section &section : module_.sections) {
    const Section *&first = seen[section.isTrain ? 0 : 1];
    if (first) {
      error(section.range, std::string("a second ") + (section.isTrain ? "train" : "search") + " section");
      note(first->range, "the first one is here");
      continue;
    }
    first = &section;
    checkSettings(section);
  }
}

void Elaborator::checkSettings(const Section &section) {
  const char *sectionName = section.isTrain ? "train" : "search";
  std::map<std::string, SourceRange> given;
  bool hasObjective = false;
  std::string savedScope = scope_;
  for (const SectionEntry &entry : section.entries) {
    scope_ = sectionName;
    if (!section.isTrain && entry.kind != SectionEntry::Kind::Setting) {
      checkSearchEntry(entry, hasObjective);
      continue;
    }
    const SettingSpec *setting = findSetting(section.isTrain, entry.key);
    if (!setting || entry.kind != SectionEntry::Kind::Setting) {
      std::string guess = closestMatch(entry.key, settingNames(section.isTrain));
      error(entry.keyRange, std::string("unknown ") + sectionName + " setting '" + entry.key + "'",
            guess.empty() ? "the settings are: " + joinNames(settingNames(section.isTrain))
                          : "did you mean '" + guess + "'?");
      continue;
    }
    if (auto [it, inserted] = given.emplace(entry.key, entry.keyRange); !inserted) {
      error(entry.keyRange, "'" + entry.key + "' is set twice");
      note(it->second, "first set here");
      continue;
    }
    Env env;
    Value v = eval(*entry.value, env, entry.key);
    if (setting->constant && v.decision) {
      error(entry.value->range, "'" + entry.key + "' must be a constant, not a decision");
      continue;
    }
    if (setting->family) {
      checkFamilySetting(*setting, v, entry);
      if (entry.key == "evaluator")
        checkTableKey(entry);
      continue;
    }
    if (!expectKind(v, setting->kind, entry.value->range, [&] { return "'" + entry.key + "'"; }))
      continue;
    if (setting->kind == ParamKind::Symbol && v.kind == Value::Kind::Symbol && !setting->choices.empty()) {
      bool known = true;
      for (const std::string &name : v.symbols()) {
        if (std::find(setting->choices.begin(), setting->choices.end(), name) != setting->choices.end())
          continue;
        std::string guess = closestMatch(name, setting->choices);
        error(entry.value->range, "unknown " + entry.key + " '" + name + "'",
              guess.empty() ? "one of: " + joinNames(setting->choices) : "did you mean '" + guess + "'?");
        known = false;
      }
      if (!known)
        continue;
    }
    if (setting->constant && (v.kind == Value::Kind::Int || v.kind == Value::Kind::Float) &&
        !v.intValue && !v.floatValue) {
      error(entry.value->range, "'" + entry.key + "' must be a constant, not a decision");
      continue;
    }
    std::optional<double> x = v.kind == Value::Kind::Int && v.intValue ? std::optional<double>(*v.intValue) : v.floatValue;
    if (x && setting->minimum && *x < *setting->minimum)
      error(entry.value->range, "'" + entry.key + "' must be at least " + formatNumber(*setting->minimum));
    if (x && setting->maximum && *x > *setting->maximum)
      error(entry.value->range, "'" + entry.key + "' must be at most " + formatNumber(*setting->maximum));
  }
  scope_ = savedScope;
  if (!section.isTrain && !hasObjective)
    error(section.range, "the search section needs an objective", "e.g. 'maximize val_accuracy'");
}

void Elaborator::checkFamilySetting(const SettingSpec &setting, const Value &v, const SectionEntry &entry) {
  const SpecFamily &family = *setting.family;
  Value::Kind specKind = family.valueIsOptimizer ? Value::Kind::Optimizer : Value::Kind::Algorithm;
  std::vector<std::string> names;
  for (const SpecDef &def : family.members)
    names.push_back(def.name);
  if (v.kind == Value::Kind::None)
    return;
  // A choice among full specs (sgd(...), adam(...)) joins to an unnamed spec,
  // checked already; a choice among bare names is checked name by name.
  if (v.kind == specKind && v.text.empty())
    return;
  if (v.kind != Value::Kind::Symbol && v.kind != specKind) {
    error(entry.value->range, std::string("'") + entry.key + "' must be " + family.what + ", not " + kindName(v.kind),
          "one of: " + joinNames(names));
    return;
  }
  for (const std::string &name : v.kind == Value::Kind::Symbol ? v.symbols() : std::vector<std::string>{v.text}) {
    const SpecDef *spec = findSpec(family, name);
    if (!spec) {
      std::string guess = closestMatch(name, names);
      error(entry.value->range, std::string("unknown ") + family.what + " '" + name + "'",
            guess.empty() ? "one of: " + joinNames(names) : "did you mean '" + guess + "'?");
      continue;
    }
    if (v.kind == Value::Kind::Symbol)
      for (const ParamSpec &p : spec->params)
        if (p.required)
          error(entry.value->range, std::string(spec->name) + " needs '" + p.name + "'",
                std::string("e.g. ") + spec->example);
  }
}

void Elaborator::checkTableKey(const SectionEntry &entry) {
  // The key's placeholders must name decisions of the model, which are all
  // known by now: a wrong one is reported where it is written.
  auto call = entry.value->as<CallExpr>();
  auto callee = call ? call->callee->as<NameExpr>() : nullptr;
  if (!callee || callee->name != "table")
    return;
  for (const Argument &arg : call->args) {
    auto text = arg.value->as<StringExpr>();
    if (arg.keyword != "key" || !text)
      continue;
    std::string why;
    size_t offset = 0;
    if (KeyFormat::parse(text->value, *space_, why, &offset))
      continue;
    // Point into the string when it is written without escapes.
    SourceRange at = arg.value->range;
    if (diags_.file().slice(at).size() == text->value.size() + 2)
      at = {static_cast<uint32_t>(at.begin + 1 + offset), static_cast<uint32_t>(at.begin + 2 + offset)};
    error(at, "in the table key: " + why);
  }
}

void Elaborator::checkSearchEntry(const SectionEntry &entry, bool &hasObjective) {
  if (entry.kind == SectionEntry::Kind::Objective) {
    hasObjective = true;
    return;
  }
  static const std::vector<std::string> constrainable = {"params", "flops", "latency"};
  if (std::find(constrainable.begin(), constrainable.end(), entry.metric) == constrainable.end()) {
    std::string guess = closestMatch(entry.metric, constrainable);
    error(entry.metricRange, "cannot constrain '" + entry.metric + "' before training",
          guess.empty() ? "constraints bound params, flops or latency" : "did you mean '" + guess + "'?");
    return;
  }
  Env env;
  requireConstNumber(eval(*entry.value, env), entry.value->range, "the bound of a constraint");
}

} // namespace

CheckedModule checkModule(const Module &module, DiagnosticEngine &diags) { return Elaborator(module, diags).run(); }

} // namespace nas::dsl
