//===- MLIRGen.cpp - From a checked .nas module to MLIR -------------------===//
//
// Walks the AST the way the semantic checks do (blocks inlined per call,
// `for` unrolled) and names decisions the same way, so that the decisions
// read off the IR are the ones `nasc check --verbose` lists. Where the
// checks visit every repetition of a `repeat` and every candidate of a
// choice, this emits one `nas.repeat` body and one `nas.switch` region per
// candidate.
//
// Decision names are relative to the nearest enclosing region op: the full
// path at the top level (`mlp.width`), `oneof` inside the body of
// `mlp.repeat` (which is `mlp.repeat[i].oneof` in repetition i).
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/MLIRGen.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Verifier.h"
#include "nas/DSL/Builtins.h"
#include "nas/Dialect/NN/NNOps.h"
#include "nas/Dialect/Nas/NasOps.h"

#include <map>

namespace nas {

using namespace mlir;
using namespace nas::dsl;

void registerDialects(MLIRContext &context) {
  context.loadDialect<nn::NNDialect, space::NasDialect, func::FuncDialect, arith::ArithDialect>();
}

namespace {

struct Callee {
  const OpSpec *op = nullptr;
  const Function *block = nullptr;
  std::string label() const { return op ? op->name : block->name; }
};

/// A value while generating: an SSA value, or something that exists only at
/// compile time (a constant, a name, an op to call, a list).
struct Gen {
  enum class Kind { None, Tensor, Int, Float, Symbol, Callable, List, Spec };
  Kind kind = Kind::None;
  Value value;                     // Tensor; Int and Float when not constant
  std::optional<int64_t> intConst; // Int
  std::optional<double> floatConst;
  std::string text;                // Symbol, String, Spec name
  std::vector<std::string> choices; // Symbol decided by `selector`
  std::vector<Callee> callees;     // Callable
  Value selector;                  // the decision choosing among choices/callees
  std::string selectorPath;        // its full path
  std::vector<Gen> elements;       // List
  std::vector<std::pair<std::string, Gen>> settings; // Spec: its named arguments
};

Gen constInt(int64_t v) {
  Gen g;
  g.kind = Gen::Kind::Int;
  g.intConst = v;
  return g;
}
Gen constFloat(double v) {
  Gen g;
  g.kind = Gen::Kind::Float;
  g.floatConst = v;
  return g;
}

using Env = std::map<std::string, Gen>;

class Generator {
public:
  Generator(MLIRContext &context, const Module &module, const SourceFile &file)
      : context_(context), module_(module), file_(file), builder_(&context) {}
  OwningOpRef<ModuleOp> run();

private:
  Location loc(SourceRange range) {
    Position p = file_.position(range.begin);
    return FileLineColLoc::get(builder_.getStringAttr(file_.name()), p.line, p.column);
  }

  // Names, exactly as the semantic checks give them.
  std::string freshName(const std::string &base) {
    int n = ++counters_[scope_][base];
    return scope_ + "." + base + (n > 1 ? std::to_string(n) : "");
  }
  std::string relative(const std::string &path) const {
    return regionBase_.empty() ? path : path.substr(regionBase_.size() + 1);
  }
  std::string decisionPath(const CallExpr *call, const std::string &kind, const std::string &exact);

  // Values.
  Value materialize(const Gen &g, Location l);
  Type typeOf(const Gen &g);
  Gen fromValue(Value v);

  // Statements.
  std::optional<Gen> runBody(const Body &body, Env &env);
  void runStatement(const Stmt &stmt, Env &env, std::optional<Gen> &result);
  void runRepeat(const RepeatStmt &stmt, Env &env);
  void runFor(const ForStmt &stmt, Env &env);
  void runOptional(const OptionalStmt &stmt, Env &env);

  // Expressions.
  Gen eval(const Expr &expr, Env &env, const std::string &exactName = {});
  Gen evalBinary(const BinaryExpr &expr, Env &env);
  Gen evalCall(const CallExpr &call, Env &env, const std::string &exactName);
  Gen evalOneOf(const CallExpr &call, Env &env, const std::string &exactName);
  Gen evalManyOf(const CallExpr &call, Env &env, const std::string &exactName);
  Gen evalSpec(const CallExpr &call, Env &env, const std::string &exactName);
  Gen call(const Gen &callee, const CallExpr &call, std::vector<Gen> positional,
           std::vector<std::pair<std::string, Gen>> named);
  Gen callOne(const Callee &callee, const CallExpr &call, const std::vector<Gen> &positional,
              const std::vector<std::pair<std::string, Gen>> &named);
  Gen callBlock(const Function &block, std::map<std::string, Gen> args);
  Gen applyOp(const OpSpec &op, const CallExpr &call, std::map<std::string, Gen> args, std::vector<Gen> tensors);

  /// Emits a nas.switch on `selector` with one region per alternative;
  /// `body(i)` generates region i and returns what it yields.
  std::vector<Gen> emitSwitch(Value selector, const std::string &selectorPath, size_t count, Location l,
                              const std::function<std::vector<Gen>(size_t)> &body);

  void emitSection(const Section &section);
  void emitSetting(const std::string &key, const Gen &value, Location l);

  MLIRContext &context_;
  const Module &module_;
  const SourceFile &file_;
  OpBuilder builder_;
  std::map<std::string, const Function *> blocks_;
  std::string scope_, regionBase_;
  std::map<std::string, std::map<std::string, int>> counters_;
};

OwningOpRef<ModuleOp> Generator::run() {
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc({0, 0}));
  module->getOperation()->setAttr("nas.source", builder_.getStringAttr(file_.name()));
  builder_.setInsertionPointToEnd(module->getBody());
  for (const Function &fn : module_.functions)
    if (!fn.isModel)
      blocks_.emplace(fn.name, &fn);
  for (const Function &fn : module_.functions) {
    if (!fn.isModel)
      continue;
    SmallVector<Type> inputs;
    for (const Param &p : fn.params) {
      SmallVector<int64_t> shape;
      for (const DimSpec &d : p.type.dims)
        shape.push_back(d.size ? *d.size : ShapedType::kDynamic);
      inputs.push_back(RankedTensorType::get(shape, builder_.getF32Type()));
    }
    auto func = func::FuncOp::create(builder_, loc(fn.nameRange), fn.name, builder_.getFunctionType(inputs, {}));
    func->setAttr("nas.model", builder_.getUnitAttr());
    Block *entry = func.addEntryBlock();
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToStart(entry);
    Env env;
    for (auto [p, arg] : llvm::zip(fn.params, entry->getArguments()))
      env[p.name] = fromValue(arg);
    scope_ = fn.name;
    std::optional<Gen> result = runBody(fn.body, env);
    const ReturnStmt *ret = nullptr;
    for (const StmtPtr &s : fn.body)
      if (auto r = s->as<ReturnStmt>())
        ret = r;
    Value out = result ? result->value : Value();
    func::ReturnOp::create(builder_, loc(ret ? ret->range : fn.nameRange), out ? ValueRange{out} : ValueRange{});
    func.setType(builder_.getFunctionType(inputs, out ? TypeRange{out.getType()} : TypeRange{}));
    break; // one model per file
  }
  for (const Section &section : module_.sections)
    emitSection(section);
  return module;
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

Gen Generator::fromValue(Value v) {
  Gen g;
  g.value = v;
  if (isa<TensorType>(v.getType()))
    g.kind = Gen::Kind::Tensor;
  else if (v.getType().isIndex())
    g.kind = Gen::Kind::Int;
  else
    g.kind = Gen::Kind::Float;
  return g;
}

Value Generator::materialize(const Gen &g, Location l) {
  if (g.value)
    return g.value;
  if (g.kind == Gen::Kind::Int)
    return arith::ConstantIndexOp::create(builder_, l, *g.intConst);
  if (g.kind == Gen::Kind::Float)
    return arith::ConstantOp::create(builder_, l, builder_.getF64FloatAttr(*g.floatConst));
  return {};
}

Type Generator::typeOf(const Gen &g) {
  switch (g.kind) {
  case Gen::Kind::Tensor: return UnrankedTensorType::get(builder_.getF32Type());
  case Gen::Kind::Int: return builder_.getIndexType();
  case Gen::Kind::Float: return builder_.getF64Type();
  default: return {};
  }
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

std::optional<Gen> Generator::runBody(const Body &body, Env &env) {
  std::optional<Gen> result;
  for (const StmtPtr &stmt : body) {
    if (result)
      break; // code after return (warned about by the checks)
    runStatement(*stmt, env, result);
  }
  return result;
}

void Generator::runStatement(const Stmt &stmt, Env &env, std::optional<Gen> &result) {
  switch (stmt.kind) {
  case Stmt::Kind::Bind: {
    auto &bind = *stmt.as<BindStmt>();
    env[bind.name] = eval(*bind.value, env, bind.isLet ? bind.name : "");
    return;
  }
  case Stmt::Kind::Repeat: return runRepeat(*stmt.as<RepeatStmt>(), env);
  case Stmt::Kind::For: return runFor(*stmt.as<ForStmt>(), env);
  case Stmt::Kind::Optional: return runOptional(*stmt.as<OptionalStmt>(), env);
  case Stmt::Kind::Return: result = eval(*stmt.as<ReturnStmt>()->value, env); return;
  }
}

void Generator::runRepeat(const RepeatStmt &stmt, Env &env) {
  Location l = loc(stmt.range);
  std::string base = freshName("repeat");
  Gen count = eval(*stmt.count, env, base.substr(scope_.size() + 1));
  Value countValue = materialize(count, l);

  // Every outer value that can flow through the loop gets a block argument;
  // the ones the body leaves alone are taken out again below.
  auto *body = new Block();
  body->addArgument(builder_.getIndexType(), l);
  std::vector<std::string> carried;
  Env inner = env;
  for (auto &[name, g] : env) {
    Type type = typeOf(g);
    if (!type)
      continue;
    carried.push_back(name);
    inner[name] = fromValue(body->addArgument(type, l));
  }
  {
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToStart(body);
    std::string savedScope = scope_, savedBase = regionBase_;
    scope_ = regionBase_ = base + "[*]";
    runBody(stmt.body, inner);
    // A name the body set to a constant (`c = 32`) is carried like any value.
    for (const std::string &name : carried)
      if (!inner[name].value && typeOf(inner[name]))
        inner[name] = fromValue(materialize(inner[name], l));
    scope_ = savedScope;
    regionBase_ = savedBase;
  }
  SmallVector<Value> inits, yields;
  SmallVector<Type> types;
  std::vector<std::string> kept;
  unsigned argIndex = 1;
  for (const std::string &name : carried) {
    BlockArgument arg = body->getArgument(argIndex);
    Value after = inner[name].value ? inner[name].value : Value();
    if (!after || after == arg) {
      // Unchanged by the body: use the outer value directly.
      arg.replaceAllUsesWith(materialize(env[name], l));
      body->eraseArgument(argIndex);
      continue;
    }
    inits.push_back(materialize(env[name], l));
    yields.push_back(after);
    types.push_back(arg.getType());
    kept.push_back(name);
    ++argIndex;
  }
  {
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToEnd(body);
    space::YieldOp::create(builder_, l, yields);
  }
  auto repeat = space::RepeatOp::create(builder_, l, types, builder_.getStringAttr(relative(base)), countValue, inits);
  repeat.getBody().push_back(body);
  for (auto [name, result] : llvm::zip(kept, repeat.getResults()))
    env[name] = fromValue(result);
}

void Generator::runFor(const ForStmt &stmt, Env &env) {
  Gen list = eval(*stmt.list, env);
  for (size_t i = 0; i < list.elements.size(); ++i) {
    Env inner = env;
    inner[stmt.variable] = list.elements[i];
    std::string savedScope = scope_;
    scope_ = scope_ + "." + stmt.variable + "[" + std::to_string(i) + "]";
    runBody(stmt.body, inner);
    scope_ = savedScope;
    for (auto &[name, g] : env)
      g = inner[name];
  }
}

void Generator::runOptional(const OptionalStmt &stmt, Env &env) {
  Location l = loc(stmt.range);
  std::string path = stmt.decisionName ? scope_ + "." + *stmt.decisionName : freshName("optional");
  Value selector = space::OptionalOp::create(builder_, l, builder_.getIndexType(),
                                             builder_.getStringAttr(relative(path)), builder_.getStringAttr("{ ... }"),
                                             StringAttr());
  // Region 1 runs the body; the values it changes are what both regions yield.
  std::vector<std::string> changedNames;
  std::vector<Gen> after = emitSwitch(selector, path, 2, l, [&](size_t i) {
    std::vector<Gen> out;
    if (i == 1) {
      Env inner = env;
      runBody(stmt.body, inner);
      for (auto &[name, g] : env) {
        const Gen &now = inner[name];
        bool changed = now.value != g.value || now.intConst != g.intConst || now.floatConst != g.floatConst;
        if (typeOf(g) && changed) {
          changedNames.push_back(name);
          out.push_back(now);
        }
      }
    } else {
      // Region 0 is generated after region 1 (see emitSwitch).
      for (const std::string &name : changedNames)
        out.push_back(env[name]);
    }
    return out;
  });
  for (auto [name, g] : llvm::zip(changedNames, after))
    env[name] = g;
}

std::vector<Gen> Generator::emitSwitch(Value selector, const std::string &selectorPath, size_t count, Location l,
                                       const std::function<std::vector<Gen>(size_t)> &body) {
  // Regions are generated into detached blocks first, last to first (so
  // that an optional's "absent" region can yield what "present" changed),
  // then the op is created with the joined result types.
  std::vector<Block *> blocks(count);
  std::vector<std::vector<Value>> yielded(count);
  std::string savedScope = scope_, savedBase = regionBase_;
  for (size_t k = count; k-- > 0;) {
    blocks[k] = new Block();
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToStart(blocks[k]);
    scope_ = regionBase_ = selectorPath + "[" + std::to_string(k) + "]";
    for (const Gen &g : body(k))
      yielded[k].push_back(materialize(g, l));
  }
  scope_ = savedScope;
  regionBase_ = savedBase;
  SmallVector<Type> types;
  for (size_t r = 0; r < yielded[0].size(); ++r) {
    Type joined = yielded[0][r].getType();
    for (size_t k = 1; k < count; ++k) {
      Type t = yielded[k][r].getType();
      if (t == joined)
        continue;
      auto a = dyn_cast<RankedTensorType>(joined), b = dyn_cast<RankedTensorType>(t);
      if (a && b && a.getRank() == b.getRank()) {
        SmallVector<int64_t> shape;
        for (int64_t d = 0; d < a.getRank(); ++d)
          shape.push_back(a.getDimSize(d) == b.getDimSize(d) ? a.getDimSize(d) : ShapedType::kDynamic);
        joined = RankedTensorType::get(shape, a.getElementType());
      } else {
        joined = UnrankedTensorType::get(builder_.getF32Type());
      }
    }
    types.push_back(joined);
  }
  for (size_t k = 0; k < count; ++k) {
    OpBuilder::InsertionGuard guard(builder_);
    builder_.setInsertionPointToEnd(blocks[k]);
    space::YieldOp::create(builder_, l, yielded[k]);
  }
  auto op = space::SwitchOp::create(builder_, l, types, selector, count);
  for (size_t k = 0; k < count; ++k)
    op.getCases()[k].push_back(blocks[k]);
  std::vector<Gen> results;
  for (Value v : op.getResults())
    results.push_back(fromValue(v));
  return results;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

/// The `hint: "..."` of a decision's call, as an attribute, or null.
StringAttr hintOf(OpBuilder &b, const CallExpr *call) {
  if (call)
    for (const Argument &arg : call->args)
      if (arg.isAnnotation && arg.keyword == "hint")
        if (auto s = arg.value->as<StringExpr>())
          return b.getStringAttr(s->value);
  return {};
}

std::string Generator::decisionPath(const CallExpr *call, const std::string &kind, const std::string &exact) {
  if (call)
    for (const Argument &arg : call->args)
      if (arg.isAnnotation && arg.keyword == "name")
        if (auto s = arg.value->as<StringExpr>())
          return scope_ + "." + s->value;
  return exact.empty() ? freshName(kind) : scope_ + "." + exact;
}

Gen Generator::eval(const Expr &expr, Env &env, const std::string &exactName) {
  switch (expr.kind) {
  case Expr::Kind::Integer: return constInt(expr.as<IntegerExpr>()->value);
  case Expr::Kind::Float: return constFloat(expr.as<FloatExpr>()->value);
  case Expr::Kind::String: {
    Gen g;
    g.kind = Gen::Kind::Symbol;
    g.text = expr.as<StringExpr>()->value;
    return g;
  }
  case Expr::Kind::Name: {
    const std::string &name = expr.as<NameExpr>()->name;
    if (auto it = env.find(name); it != env.end())
      return it->second;
    Gen g;
    if (const OpSpec *op = findOp(name)) {
      g.kind = Gen::Kind::Callable;
      g.callees = {Callee{op, nullptr}};
    } else if (auto it = blocks_.find(name); it != blocks_.end()) {
      g.kind = Gen::Kind::Callable;
      g.callees = {Callee{nullptr, it->second}};
    } else {
      g.kind = Gen::Kind::Symbol;
      g.text = name;
    }
    return g;
  }
  case Expr::Kind::List: {
    Gen g;
    g.kind = Gen::Kind::List;
    for (const ExprPtr &e : expr.as<ListExpr>()->elements)
      g.elements.push_back(eval(*e, env));
    return g;
  }
  case Expr::Kind::Call: return evalCall(*expr.as<CallExpr>(), env, exactName);
  case Expr::Kind::Binary: return evalBinary(*expr.as<BinaryExpr>(), env);
  case Expr::Kind::Negate: {
    Gen v = eval(*expr.as<NegateExpr>()->operand, env);
    Location l = loc(expr.range);
    if (v.kind == Gen::Kind::Int) {
      if (v.intConst)
        return constInt(-*v.intConst);
      Value zero = arith::ConstantIndexOp::create(builder_, l, 0);
      return fromValue(arith::SubIOp::create(builder_, l, zero, v.value));
    }
    if (v.floatConst)
      return constFloat(-*v.floatConst);
    return fromValue(arith::NegFOp::create(builder_, l, v.value));
  }
  }
  return {};
}

Gen Generator::evalBinary(const BinaryExpr &expr, Env &env) {
  Gen a = eval(*expr.lhs, env), b = eval(*expr.rhs, env);
  Location l = loc(expr.range);
  if (a.kind == Gen::Kind::Int && b.kind == Gen::Kind::Int) {
    if (a.intConst && b.intConst) {
      int64_t x = *a.intConst, y = *b.intConst;
      switch (expr.op) {
      case '+': return constInt(x + y);
      case '-': return constInt(x - y);
      case '*': return constInt(x * y);
      default: return constInt(x / y);
      }
    }
    Value x = materialize(a, l), y = materialize(b, l);
    switch (expr.op) {
    case '+': return fromValue(arith::AddIOp::create(builder_, l, x, y));
    case '-': return fromValue(arith::SubIOp::create(builder_, l, x, y));
    case '*': return fromValue(arith::MulIOp::create(builder_, l, x, y));
    default: return fromValue(arith::DivSIOp::create(builder_, l, x, y));
    }
  }
  auto asFloat = [&](const Gen &g) -> Gen {
    if (g.kind == Gen::Kind::Float)
      return g;
    if (g.intConst)
      return constFloat(static_cast<double>(*g.intConst));
    Value i64 = arith::IndexCastOp::create(builder_, l, builder_.getI64Type(), g.value);
    return fromValue(arith::SIToFPOp::create(builder_, l, builder_.getF64Type(), i64));
  };
  Gen fa = asFloat(a), fb = asFloat(b);
  if (fa.floatConst && fb.floatConst) {
    double x = *fa.floatConst, y = *fb.floatConst;
    switch (expr.op) {
    case '+': return constFloat(x + y);
    case '-': return constFloat(x - y);
    case '*': return constFloat(x * y);
    default: return constFloat(x / y);
    }
  }
  Value x = materialize(fa, l), y = materialize(fb, l);
  switch (expr.op) {
  case '+': return fromValue(arith::AddFOp::create(builder_, l, x, y));
  case '-': return fromValue(arith::SubFOp::create(builder_, l, x, y));
  case '*': return fromValue(arith::MulFOp::create(builder_, l, x, y));
  default: return fromValue(arith::DivFOp::create(builder_, l, x, y));
  }
}

Gen Generator::evalCall(const CallExpr &callExpr, Env &env, const std::string &exactName) {
  Location l = loc(callExpr.range);
  if (auto name = callExpr.callee->as<NameExpr>(); name && !env.count(name->name)) {
    const std::string &fn = name->name;
    std::vector<const Argument *> positional;
    for (const Argument &arg : callExpr.args)
      if (arg.keyword.empty())
        positional.push_back(&arg);
    if (fn == "oneof")
      return evalOneOf(callExpr, env, exactName);
    if (fn == "manyof")
      return evalManyOf(callExpr, env, exactName);
    if (fn == "int") {
      std::string path = decisionPath(&callExpr, "int", exactName);
      int64_t lo = *eval(*positional[0]->value, env).intConst, hi = *eval(*positional[1]->value, env).intConst;
      return fromValue(space::IntOp::create(builder_, l, builder_.getIndexType(), relative(path), lo, hi,
                                            hintOf(builder_, &callExpr)));
    }
    if (fn == "floatv") {
      std::string path = decisionPath(&callExpr, "floatv", exactName);
      auto bound = [&](const Argument *a) {
        Gen g = eval(*a->value, env);
        return g.floatConst ? *g.floatConst : static_cast<double>(*g.intConst);
      };
      bool log = positional.size() == 3 && positional[2]->value->as<NameExpr>()->name == "log";
      return fromValue(space::FloatOp::create(builder_, l, builder_.getF64Type(), relative(path),
                                              llvm::APFloat(bound(positional[0])), llvm::APFloat(bound(positional[1])),
                                              log, hintOf(builder_, &callExpr)));
    }
    if (fn == "optional") {
      std::string path = decisionPath(&callExpr, "optional", exactName);
      auto optional = space::OptionalOp::create(builder_, l, builder_.getIndexType(),
                                                 builder_.getStringAttr(relative(path)),
                                                 builder_.getStringAttr(file_.slice(positional[0]->value->range)),
                                                 hintOf(builder_, &callExpr));
      Value selector = optional;
      Gen inner;
      {
        std::string savedScope = scope_, savedBase = regionBase_;
        scope_ = regionBase_ = path + "[1]";
        inner = eval(*positional[0]->value, env);
        scope_ = savedScope;
        regionBase_ = savedBase;
      }
      Gen g = inner;
      g.callees.insert(g.callees.begin(), Callee{findOp("identity"), nullptr});
      g.selector = selector;
      g.selectorPath = path;
      return g;
    }
    if (findSpecFamily(fn) && !findOp(fn) && !blocks_.count(fn))
      return evalSpec(callExpr, env, exactName);
  }
  Gen callee = eval(*callExpr.callee, env);
  std::vector<Gen> positional;
  std::vector<std::pair<std::string, Gen>> named;
  for (const Argument &arg : callExpr.args) {
    if (arg.isAnnotation)
      continue;
    Gen v = eval(*arg.value, env);
    if (arg.keyword.empty())
      positional.push_back(std::move(v));
    else
      named.emplace_back(arg.keyword, std::move(v));
  }
  return call(callee, callExpr, std::move(positional), std::move(named));
}

Gen Generator::evalOneOf(const CallExpr &callExpr, Env &env, const std::string &exactName) {
  Location l = loc(callExpr.range);
  std::string path = decisionPath(&callExpr, "oneof", exactName);
  std::vector<const Argument *> candidates;
  for (const Argument &arg : callExpr.args)
    if (arg.keyword.empty())
      candidates.push_back(&arg);
  // Numbers become a value choice; the value is the result.
  bool ints = true, numbers = true;
  for (const Argument *c : candidates) {
    ints = ints && c->value->as<IntegerExpr>();
    numbers = numbers && (c->value->as<IntegerExpr>() || c->value->as<FloatExpr>());
  }
  if (numbers) {
    SmallVector<Attribute> values;
    Gen g;
    for (const Argument *c : candidates) {
      if (ints) {
        int64_t v = c->value->as<IntegerExpr>()->value;
        values.push_back(builder_.getI64IntegerAttr(v));
        g.choices.push_back(std::to_string(v));
      } else {
        double v = c->value->as<FloatExpr>() ? c->value->as<FloatExpr>()->value
                                             : static_cast<double>(c->value->as<IntegerExpr>()->value);
        values.push_back(builder_.getF64FloatAttr(v));
      }
    }
    Type type = ints ? Type(builder_.getIndexType()) : Type(builder_.getF64Type());
    Gen result = fromValue(space::OneOfValueOp::create(builder_, l, type, relative(path), builder_.getArrayAttr(values),
                                                       hintOf(builder_, &callExpr)));
    return result;
  }
  SmallVector<StringRef> labels;
  std::vector<std::string> texts;
  for (const Argument *c : candidates)
    texts.emplace_back(file_.slice(c->value->range));
  for (const std::string &t : texts)
    labels.push_back(t);
  auto oneof = space::OneOfOp::create(builder_, l, builder_.getIndexType(), relative(path),
                                     builder_.getStrArrayAttr(labels), hintOf(builder_, &callExpr));
  Value selector = oneof;
  // Ops, blocks and names are chosen where they are used; sub-networks and
  // computed values are generated in one switch region each.
  bool deferred = true;
  for (size_t i = 0; i < candidates.size() && deferred; ++i) {
    auto name = candidates[i]->value->as<NameExpr>();
    deferred = candidates[i]->value->as<StringExpr>() ||
               (name && !env.count(name->name) && (findOp(name->name) || blocks_.count(name->name) || isSymbol(name->name)));
  }
  if (deferred) {
    Gen g;
    for (const Argument *c : candidates) {
      Gen v = eval(*c->value, env);
      g.kind = v.kind;
      if (v.kind == Gen::Kind::Callable)
        g.callees.push_back(v.callees.front());
      else
        g.choices.push_back(v.text);
    }
    g.selector = selector;
    g.selectorPath = path;
    return g;
  }
  std::vector<Gen> results = emitSwitch(selector, path, candidates.size(), l, [&](size_t i) {
    return std::vector<Gen>{eval(*candidates[i]->value, env)};
  });
  return results.empty() ? Gen{} : results.front();
}

Gen Generator::evalManyOf(const CallExpr &callExpr, Env &env, const std::string &exactName) {
  Location l = loc(callExpr.range);
  std::string path = decisionPath(&callExpr, "manyof", exactName);
  std::vector<const Argument *> positional;
  bool distinct = true, sorted = false;
  for (const Argument &arg : callExpr.args) {
    if (arg.keyword.empty())
      positional.push_back(&arg);
    else if (!arg.isAnnotation)
      (arg.keyword == "distinct" ? distinct : sorted) = arg.value->as<NameExpr>()->name == "true";
  }
  int64_t k = *eval(*positional[0]->value, env).intConst;
  SmallVector<StringRef> labels;
  std::vector<std::string> texts;
  std::vector<Gen> candidates;
  for (size_t i = 1; i < positional.size(); ++i) {
    texts.emplace_back(file_.slice(positional[i]->value->range));
    candidates.push_back(eval(*positional[i]->value, env));
  }
  for (const std::string &t : texts)
    labels.push_back(t);
  SmallVector<Type> types(k, builder_.getIndexType());
  auto op = space::ManyOfOp::create(builder_, l, types, relative(path), builder_.getStrArrayAttr(labels), distinct,
                                    sorted, hintOf(builder_, &callExpr));
  Gen list;
  list.kind = Gen::Kind::List;
  for (int64_t i = 0; i < k; ++i) {
    Gen element;
    element.kind = candidates.front().kind;
    element.selector = op.getResult(i);
    element.selectorPath = path;
    if (element.kind == Gen::Kind::Callable) {
      for (const Gen &c : candidates)
        element.callees.push_back(c.callees.front());
    } else if (element.kind == Gen::Kind::Symbol) {
      for (const Gen &c : candidates)
        element.choices.push_back(c.text);
    } else {
      // Numbers: a switch yields the chosen one.
      element = emitSwitch(op.getResult(i), path, candidates.size(), l,
                           [&](size_t j) { return std::vector<Gen>{candidates[j]}; })
                    .front();
    }
    list.elements.push_back(element);
  }
  return list;
}

Gen Generator::evalSpec(const CallExpr &callExpr, Env &env, const std::string &exactName) {
  // A decision in a spec is named after its argument: train.optimizer.lr.
  Gen g;
  g.kind = Gen::Kind::Spec;
  g.text = callExpr.callee->as<NameExpr>()->name;
  std::string savedScope = scope_;
  if (!exactName.empty())
    scope_ += "." + exactName;
  for (const Argument &arg : callExpr.args)
    g.settings.emplace_back(arg.keyword, eval(*arg.value, env, arg.keyword));
  scope_ = savedScope;
  return g;
}

Gen Generator::call(const Gen &callee, const CallExpr &callExpr, std::vector<Gen> positional,
                    std::vector<std::pair<std::string, Gen>> named) {
  if (!callee.selector)
    return callOne(callee.callees.front(), callExpr, positional, named);
  std::vector<Gen> results =
      emitSwitch(callee.selector, callee.selectorPath, callee.callees.size(), loc(callExpr.range),
                 [&](size_t i) { return std::vector<Gen>{callOne(callee.callees[i], callExpr, positional, named)}; });
  return results.front();
}

Gen Generator::callOne(const Callee &callee, const CallExpr &callExpr, const std::vector<Gen> &positional,
                       const std::vector<std::pair<std::string, Gen>> &named) {
  std::vector<std::string> params;
  if (callee.op)
    for (const ParamSpec &p : callee.op->params)
      params.push_back(p.name);
  else
    for (const Param &p : callee.block->params)
      params.push_back(p.name);
  bool variadic = callee.op && callee.op->variadicTensors;
  std::map<std::string, Gen> args;
  std::vector<Gen> tensors;
  size_t next = 0;
  for (const Gen &v : positional) {
    if (variadic && v.kind == Gen::Kind::List)
      tensors.insert(tensors.end(), v.elements.begin(), v.elements.end());
    else if (variadic)
      tensors.push_back(v);
    else
      args[params[next++]] = v;
  }
  for (const auto &[key, v] : named)
    args[key] = v;
  if (callee.block)
    return callBlock(*callee.block, std::move(args));
  return applyOp(*callee.op, callExpr, std::move(args), std::move(tensors));
}

Gen Generator::callBlock(const Function &block, std::map<std::string, Gen> args) {
  Env env;
  for (const Param &p : block.params) {
    auto it = args.find(p.name);
    if (it != args.end()) {
      env[p.name] = it->second;
    } else {
      Env empty;
      env[p.name] = eval(*p.defaultValue, empty);
    }
  }
  std::string savedScope = scope_;
  scope_ = freshName(block.name);
  std::optional<Gen> result = runBody(block.body, env);
  scope_ = savedScope;
  return result ? *result : Gen{};
}

Gen Generator::applyOp(const OpSpec &spec, const CallExpr &callExpr, std::map<std::string, Gen> args,
                       std::vector<Gen> tensors) {
  Location l = loc(callExpr.range);
  // A name decided among choices (bias = oneof(true, false)) cannot be an
  // operand: the op is emitted once per choice, in a switch.
  for (auto &[key, g] : args) {
    if (g.kind != Gen::Kind::Symbol || !g.selector)
      continue;
    Gen decided = g;
    std::string name = key;
    return emitSwitch(decided.selector, decided.selectorPath, decided.choices.size(), l, [&](size_t i) {
             std::map<std::string, Gen> fixed = args;
             fixed[name].selector = Value();
             fixed[name].text = decided.choices[i];
             fixed[name].choices.clear();
             return std::vector<Gen>{applyOp(spec, callExpr, fixed, tensors)};
           }).front();
  }

  std::string name = spec.name;
  Type unranked = UnrankedTensorType::get(builder_.getF32Type());
  SmallVector<NamedAttribute> attrs;
  SmallVector<Value> decided;
  SmallVector<StringRef> decidedNames;
  auto intSetting = [&](const char *key, std::optional<Gen> value) {
    if (!value)
      return;
    if (value->intConst) {
      attrs.push_back(builder_.getNamedAttr(key, builder_.getI64IntegerAttr(*value->intConst)));
    } else {
      decided.push_back(materialize(*value, l));
      decidedNames.push_back(key);
    }
  };
  auto floatSetting = [&](const char *key, std::optional<Gen> value) {
    if (!value)
      return;
    if (value->floatConst || value->intConst) {
      double v = value->floatConst ? *value->floatConst : static_cast<double>(*value->intConst);
      attrs.push_back(builder_.getNamedAttr(key, builder_.getF64FloatAttr(v)));
    } else {
      decided.push_back(materialize(*value, l));
      decidedNames.push_back(key);
    }
  };
  auto arg = [&](const char *key, std::optional<Gen> fallback = std::nullopt) -> std::optional<Gen> {
    auto it = args.find(key);
    return it != args.end() ? std::optional<Gen>(it->second) : fallback;
  };
  // `same` becomes the op's `same` attribute (the nn dialect knows the
  // rule), `valid` no padding, a number that many pixels.
  auto sameSymbol = [] {
    Gen g;
    g.kind = Gen::Kind::Symbol;
    g.text = "same";
    return g;
  };
  auto paddingSetting = [&](std::optional<Gen> padding) {
    if (padding->kind != Gen::Kind::Symbol)
      intSetting("padding", padding);
    else if (padding->text == "same")
      attrs.push_back(builder_.getNamedAttr("same", builder_.getUnitAttr()));
    else
      intSetting("padding", constInt(0));
  };
  auto boolSetting = [&](const char *key) {
    if (auto v = arg(key))
      attrs.push_back(builder_.getNamedAttr(key, builder_.getBoolAttr(v->text == "true")));
  };

  Value input = args.count("x") ? args["x"].value : Value();
  Operation *op = nullptr;
  auto finish = [&](auto opTy) {
    using OpTy = decltype(opTy);
    if (!decided.empty())
      attrs.push_back(builder_.getNamedAttr("decided_names", builder_.getStrArrayAttr(decidedNames)));
    SmallVector<Value> operands{input};
    operands.append(decided.begin(), decided.end());
    op = OpTy::create(builder_, l, TypeRange{unranked}, operands, attrs).getOperation();
  };

  if (name == "dense") {
    intSetting("units", arg("units"));
    boolSetting("bias");
    finish(nn::DenseOp());
  } else if (name == "conv2d") {
    intSetting("channels", arg("channels"));
    std::optional<Gen> kernel = arg("kernel", constInt(3)), dilation = arg("dilation", constInt(1));
    intSetting("kernel", kernel);
    intSetting("stride", arg("stride", constInt(1)));
    paddingSetting(arg("padding", sameSymbol()));
    intSetting("dilation", dilation);
    intSetting("groups", arg("groups", constInt(1)));
    boolSetting("bias");
    finish(nn::Conv2dOp());
  } else if (name == "maxpool" || name == "avgpool") {
    std::optional<Gen> kernel = arg("kernel", constInt(2));
    intSetting("kernel", kernel);
    intSetting("stride", arg("stride", kernel));
    paddingSetting(arg("padding", constInt(0)));
    if (name == "maxpool")
      finish(nn::MaxPoolOp());
    else
      finish(nn::AvgPoolOp());
  } else if (name == "batchnorm") {
    floatSetting("momentum", arg("momentum", constFloat(0.1)));
    floatSetting("eps", arg("eps", constFloat(1e-5)));
    finish(nn::BatchNormOp());
  } else if (name == "layernorm") {
    floatSetting("eps", arg("eps", constFloat(1e-5)));
    finish(nn::LayerNormOp());
  } else if (name == "dropout") {
    floatSetting("rate", arg("rate", constFloat(0.5)));
    finish(nn::DropoutOp());
  } else if (name == "add" || name == "concat") {
    SmallVector<Value> inputs;
    for (const Gen &t : tensors)
      inputs.push_back(t.value);
    if (name == "add")
      op = nn::AddOp::create(builder_, l, unranked, inputs).getOperation();
    else
      op = nn::ConcatOp::create(builder_, l, unranked, inputs, *arg("axis", constInt(1))->intConst).getOperation();
  } else {
    OperationState state(l, "nn." + name);
    state.addOperands(input);
    state.addTypes(unranked);
    op = builder_.create(state);
  }
  // The result type follows from the operands and settings.
  if (auto shaped = dyn_cast<nn::ShapeInference>(op))
    (void)shaped.inferShapes();
  return fromValue(op->getResult(0));
}

//===----------------------------------------------------------------------===//
// train and search
//===----------------------------------------------------------------------===//

void Generator::emitSetting(const std::string &key, const Gen &value, Location l) {
  auto setting = [&](Attribute constant, Value v) {
    space::SettingOp::create(builder_, l, builder_.getStringAttr(key), constant, v);
  };
  switch (value.kind) {
  case Gen::Kind::Int:
    if (value.intConst)
      return setting(builder_.getI64IntegerAttr(*value.intConst), {});
    return setting({}, value.value);
  case Gen::Kind::Float:
    if (value.floatConst)
      return setting(builder_.getF64FloatAttr(*value.floatConst), {});
    return setting({}, value.value);
  case Gen::Kind::Spec:
    setting(builder_.getStringAttr(value.text), {});
    for (const auto &[name, v] : value.settings)
      emitSetting(key + "." + name, v, l);
    return;
  case Gen::Kind::Symbol:
    if (!value.selector)
      return setting(builder_.getStringAttr(value.text), {});
    emitSwitch(value.selector, value.selectorPath, value.choices.size(), l, [&](size_t i) {
      setting(builder_.getStringAttr(value.choices[i]), {});
      return std::vector<Gen>{};
    });
    return;
  default:
    return;
  }
}

void Generator::emitSection(const Section &section) {
  Location l = loc(section.range);
  auto op = space::SectionOp::create(builder_, l, section.isTrain ? "train" : "search");
  Block *body = new Block();
  op.getBody().push_back(body);
  OpBuilder::InsertionGuard guard(builder_);
  builder_.setInsertionPointToStart(body);
  std::string savedScope = scope_, savedBase = regionBase_;
  scope_ = section.isTrain ? "train" : "search";
  regionBase_.clear();
  for (const SectionEntry &entry : section.entries) {
    Location el = loc(entry.range);
    if (entry.kind == SectionEntry::Kind::Objective) {
      space::SettingOp::create(builder_, el, builder_.getStringAttr(entry.key), builder_.getStringAttr(entry.metric),
                               Value());
      continue;
    }
    Env env;
    if (entry.kind == SectionEntry::Kind::Constraint) {
      Gen bound = eval(*entry.value, env);
      double b = bound.floatConst ? *bound.floatConst : static_cast<double>(*bound.intConst);
      space::SettingOp::create(builder_, el, builder_.getStringAttr("constraint"),
                               builder_.getArrayAttr({builder_.getStringAttr(entry.metric),
                                                      builder_.getStringAttr(entry.comparison),
                                                      builder_.getF64FloatAttr(b)}),
                               Value());
      continue;
    }
    // A choice among specs (oneof(sgd(...), adam(...))): each candidate's
    // settings go in its region of a switch.
    auto call = entry.value->as<CallExpr>();
    auto callee = call ? call->callee->as<NameExpr>() : nullptr;
    if (callee && callee->name == "oneof") {
      std::vector<const Expr *> specs;
      for (const Argument &arg : call->args)
        if (arg.keyword.empty())
          specs.push_back(arg.value.get());
      bool allSpecs = std::all_of(specs.begin(), specs.end(), [](const Expr *e) {
        auto c = e->as<CallExpr>();
        auto n = c ? c->callee->as<NameExpr>() : nullptr;
        return n && findSpecFamily(n->name);
      });
      if (allSpecs) {
        std::string path = decisionPath(call, "oneof", entry.key);
        SmallVector<StringRef> labels;
        std::vector<std::string> texts;
        for (const Expr *e : specs)
          texts.emplace_back(file_.slice(e->range));
        for (const std::string &t : texts)
          labels.push_back(t);
        Value selector = space::OneOfOp::create(builder_, el, builder_.getIndexType(), relative(path),
                                                builder_.getStrArrayAttr(labels), hintOf(builder_, call));
        emitSwitch(selector, path, specs.size(), el, [&](size_t i) {
          emitSetting(entry.key, eval(*specs[i], env), el);
          return std::vector<Gen>{};
        });
        continue;
      }
    }
    emitSetting(entry.key, eval(*entry.value, env, entry.key), el);
  }
  scope_ = savedScope;
  regionBase_ = savedBase;
}

} // namespace

OwningOpRef<ModuleOp> generateModule(MLIRContext &context, const Module &module, const SourceFile &file) {
  registerDialects(context);
  return Generator(context, module, file).run();
}

} // namespace nas
