//===- CudaPlan.cpp - plan.json: its one printer and its one parser -------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/CudaPlan.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace nas {
namespace {

using json = nlohmann::json;

/// Bounds that keep `n * K` (n at most kMaxBatch) inside int64.
constexpr int64_t kMaxOperand = int64_t(1) << 40, kMaxBatch = int64_t(1) << 20;

/// Thrown inside the reader with the message the caller gets.
struct PlanError {
  std::string message;
};

/// `v`, the field `field`, as an integer: not an integer, or out of
/// [0, kMaxOperand], is an error (a float would not convert safely).
int64_t integerOf(const json &v, const std::string &field, const std::string &where) {
  if (!v.is_number_integer() || (v.is_number_unsigned() ? v.get<uint64_t>() > uint64_t(kMaxOperand)
                                                        : v.get<int64_t>() < 0 || v.get<int64_t>() > kMaxOperand))
    throw PlanError{where + ": '" + field + "' must be an integer from 0 to 2^40"};
  return v.get<int64_t>();
}

/// `object[key]` as an integer (`fallback` when absent).
int64_t integer(const json &object, const char *key, int64_t fallback, const std::string &where) {
  return object.contains(key) ? integerOf(object[key], key, where) : fallback;
}

/// `object[key]` as text ("" when absent or not a string).
std::string textOf(const json &object, const char *key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

/// The kinds of step, as plan.json names them.
constexpr std::pair<PlanStep::Kind, const char *> kKindNames[] = {
    {PlanStep::Kind::Launch, "launch"},
    {PlanStep::Kind::Gemm, "gemm"},
    {PlanStep::Kind::ConvForward, "conv_forward"},
    {PlanStep::Kind::ConvBackwardData, "conv_backward_data"},
    {PlanStep::Kind::ConvBackwardFilter, "conv_backward_filter"},
};

/// The operand fields of a gemm and of a convolution, in plan.json and in
/// PlanStep.
using OperandField = std::pair<const char *, PlanOperand PlanStep::*>;
constexpr OperandField kGemmOperands[] = {{"m", &PlanStep::m},     {"n", &PlanStep::n},     {"k", &PlanStep::k},
                                          {"a", &PlanStep::a},     {"lda", &PlanStep::lda}, {"b", &PlanStep::b},
                                          {"ldb", &PlanStep::ldb}, {"c", &PlanStep::c},     {"ldc", &PlanStep::ldc}};
constexpr OperandField kConvOperands[] = {{"x", &PlanStep::x}, {"w", &PlanStep::w}, {"y", &PlanStep::y}};

/// `value`, the operand called `field`, read from its text.
PlanOperand operandOf(const json &value, const std::string &field, const std::string &where) {
  if (!value.is_string())
    throw PlanError{where + " has no '" + field + "'"};
  std::string text = value.get<std::string>();
  auto number = [&](const std::string &digits) {
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
      throw PlanError{where + ": '" + field + "' is '" + text + "', not @OFFSET, #V, n or n*K"};
    int64_t v = std::stoll(digits);
    if (v > kMaxOperand) // n * K stays far from overflow
      throw PlanError{where + ": '" + field + "' is too large (" + text + ")"};
    return v;
  };
  if (text == "n")
    return PlanOperand::rows();
  if (text.rfind("n*", 0) == 0)
    return PlanOperand::rows(number(text.substr(2)));
  if (!text.empty() && text[0] == '@')
    return PlanOperand::arena(number(text.substr(1)));
  if (!text.empty() && text[0] == '#')
    return PlanOperand::integer(number(text.substr(1)));
  number(""); // throws with the message
  return {};
}

PlanOperand operand(const json &step, const char *field, const std::string &where) {
  return operandOf(step.contains(field) ? step[field] : json(), field, where);
}

PlanStep readStep(const json &s, const std::string &where) {
  if (!s.is_object() || !s.contains("kind") || !s["kind"].is_string())
    throw PlanError{where + " has no 'kind'"};
  std::string kind = s["kind"].get<std::string>();
  const auto *named = std::find_if(std::begin(kKindNames), std::end(kKindNames),
                                   [&](const auto &entry) { return kind == entry.second; });
  if (named == std::end(kKindNames))
    throw PlanError{where + ": unknown kind '" + kind + "'"};
  PlanStep step;
  step.kind = named->first;
  switch (step.kind) {
  case PlanStep::Kind::Launch:
    if (!s.contains("kernel") || !s["kernel"].is_string() || !s.contains("args") || !s["args"].is_array())
      throw PlanError{where + ": a launch needs 'kernel' and 'args'"};
    step.kernel = s["kernel"].get<std::string>();
    step.threads = operand(s, "threads", where);
    for (const json &arg : s["args"])
      step.args.push_back(operandOf(arg, "arg", where));
    break;
  case PlanStep::Kind::Gemm: {
    auto trans = [&](const char *field) {
      if (!s.contains(field) || !s[field].is_string() || (s[field] != "N" && s[field] != "T"))
        throw PlanError{where + ": '" + field + "' must be \"N\" or \"T\""};
      return s[field] == "T";
    };
    step.transA = trans("transa");
    step.transB = trans("transb");
    for (const auto &[field, member] : kGemmOperands)
      step.*member = operand(s, field, where);
    break;
  }
  default: {
    for (const auto &[field, member] : kConvOperands)
      step.*member = operand(s, field, where);
    if (!s.contains("shape") || !s["shape"].is_string())
      throw PlanError{where + ": a convolution needs 'shape'"};
    std::istringstream fields(s["shape"].get<std::string>());
    for (int64_t &v : step.shape)
      if (!(fields >> v) || v < 0 || v > (int64_t(1) << 32))
        throw PlanError{where + ": 'shape' must be 12 non-negative integers"};
    break;
  }
  }
  return step;
}

json slotJSON(const ProgramSlot &s) {
  json j = {{"name", s.name}, {"role", s.role}, {"offset", s.offset}, {"bytes", s.bytes}, {"shape", s.shape}};
  if (!s.init.empty() || s.fanIn != 0) // parameters
    j["init"] = s.init, j["fan_in"] = s.fanIn;
  return j;
}

ProgramSlot readSlot(const json &s, int64_t arenaBytes) {
  if (!s.is_object())
    throw PlanError{"a slot is not an object"};
  ProgramSlot slot;
  slot.name = textOf(s, "name");
  slot.role = textOf(s, "role");
  std::string where = "slot '" + slot.name + "'";
  slot.offset = integer(s, "offset", -1, where);
  slot.bytes = integer(s, "bytes", -1, where);
  slot.init = textOf(s, "init");
  slot.fanIn = integer(s, "fan_in", 0, where);
  if (s.contains("shape") && s["shape"].is_array())
    for (const json &d : s["shape"]) {
      // -1 is the batch dimension (nlohmann reads the others as unsigned).
      if (!d.is_number_integer() || (d != -1 && (d < 0 || d > kMaxOperand)))
        throw PlanError{where + ": 'shape' must hold -1 (the batch) and integers from 0 to 2^40"};
      slot.shape.push_back(d.get<int64_t>());
    }
  if (slot.name.empty() || slot.offset < 0 || slot.bytes < 0 || slot.offset > arenaBytes ||
      slot.bytes > arenaBytes - slot.offset)
    throw PlanError{"slot '" + slot.name + "' is not inside the arena"};
  return slot;
}

} // namespace

const ProgramSlot *CudaPlan::find(const std::string &name) const {
  for (const ProgramSlot &s : slots)
    if (s.name == name)
      return &s;
  return nullptr;
}

std::string PlanOperand::text() const {
  switch (kind) {
  case Kind::Arena: return "@" + std::to_string(value);
  case Kind::Integer: return "#" + std::to_string(value);
  case Kind::Rows: return value == 1 ? std::string("n") : "n*" + std::to_string(value);
  }
  return "";
}

PlanStep PlanStep::launch(std::string kernel, PlanOperand threads, std::vector<PlanOperand> args) {
  PlanStep s;
  s.kind = Kind::Launch, s.kernel = std::move(kernel), s.threads = threads, s.args = std::move(args);
  return s;
}

PlanStep PlanStep::gemm(bool transA, bool transB, PlanOperand m, PlanOperand n, PlanOperand k, PlanOperand a,
                        PlanOperand lda, PlanOperand b, PlanOperand ldb, PlanOperand c, PlanOperand ldc) {
  PlanStep s;
  s.kind = Kind::Gemm, s.transA = transA, s.transB = transB;
  s.m = m, s.n = n, s.k = k, s.a = a, s.lda = lda, s.b = b, s.ldb = ldb, s.c = c, s.ldc = ldc;
  return s;
}

PlanStep PlanStep::conv(Kind kind, PlanOperand x, PlanOperand w, PlanOperand y, const std::array<int64_t, 12> &shape) {
  PlanStep s;
  s.kind = kind, s.x = x, s.w = w, s.y = y, s.shape = shape;
  return s;
}

json printPlanStep(const PlanStep &step) {
  const auto *named = std::find_if(std::begin(kKindNames), std::end(kKindNames),
                                   [&](const auto &entry) { return step.kind == entry.first; });
  json j = {{"kind", named->second}};
  switch (step.kind) {
  case PlanStep::Kind::Launch: {
    j["kernel"] = step.kernel;
    j["threads"] = step.threads.text();
    j["args"] = json::array();
    for (const PlanOperand &arg : step.args)
      j["args"].push_back(arg.text());
    break;
  }
  case PlanStep::Kind::Gemm:
    j["transa"] = step.transA ? "T" : "N";
    j["transb"] = step.transB ? "T" : "N";
    for (const auto &[field, member] : kGemmOperands)
      j[field] = (step.*member).text();
    break;
  default: {
    for (const auto &[field, member] : kConvOperands)
      j[field] = (step.*member).text();
    std::string shape;
    for (int64_t v : step.shape)
      shape += (shape.empty() ? "" : " ") + std::to_string(v);
    j["shape"] = shape;
    break;
  }
  }
  return j;
}

std::optional<PlanStep> parsePlanStep(const json &step, const std::string &where, std::string &error) {
  try {
    return readStep(step, where);
  } catch (const PlanError &e) {
    error = e.message;
  } catch (const json::exception &e) {
    error = where + " is malformed: " + e.what();
  }
  return std::nullopt;
}

std::string printCudaPlan(const CudaPlan &plan) {
  json j = {{"format", "nasc-cuda-plan"},
            {"version", 1},
            {"chip", plan.chip},
            {"batch", plan.batch},
            {"arena_bytes", plan.arenaBytes},
            {"candidate", plan.candidate}};
  j["slots"] = json::array();
  for (const ProgramSlot &s : plan.slots)
    j["slots"].push_back(slotJSON(s));
  j["kernels"] = plan.kernels;
  j["gather_rows"] = plan.gatherRows;
  j["gather_labels"] = plan.gatherLabels;
  for (const auto &[fn, steps] : {std::pair{"train_step", &plan.trainStep}, std::pair{"infer", &plan.infer}}) {
    j[fn] = json::array();
    for (const PlanStep &step : *steps)
      j[fn].push_back(printPlanStep(step));
  }
  return j.dump(1);
}

std::optional<CudaPlan> parseCudaPlan(const std::string &text, std::string &error) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    error = "the plan is not a JSON object";
    return std::nullopt;
  }
  try {
    if (textOf(j, "format") != "nasc-cuda-plan" || !j.contains("version") || j["version"] != 1)
      throw PlanError{"not a nasc CUDA plan of version 1 (format \"nasc-cuda-plan\", version 1)"};
    CudaPlan plan;
    plan.chip = textOf(j, "chip");
    plan.candidate = textOf(j, "candidate");
    plan.batch = integer(j, "batch", 0, "the plan");
    plan.arenaBytes = integer(j, "arena_bytes", 0, "the plan");
    if (plan.batch <= 0 || plan.arenaBytes <= 0 || plan.batch > kMaxBatch || plan.arenaBytes > kMaxOperand)
      throw PlanError{"'batch' and 'arena_bytes' must be positive (and batch at most 2^20, the arena 2^40 bytes)"};
    const json slots = j.contains("slots") && j["slots"].is_array() ? j["slots"] : json::array();
    for (const json &s : slots)
      plan.slots.push_back(readSlot(s, plan.arenaBytes));
    const json kernels = j.contains("kernels") && j["kernels"].is_array() ? j["kernels"] : json::array();
    for (const json &k : kernels)
      if (k.is_string())
        plan.kernels.push_back(k.get<std::string>());
    plan.gatherRows = textOf(j, "gather_rows");
    plan.gatherLabels = textOf(j, "gather_labels");
    for (const char *fn : {"train_step", "infer"}) {
      if (!j.contains(fn) || !j[fn].is_array())
        throw PlanError{std::string("the plan has no '") + fn + "' steps"};
      std::vector<PlanStep> &steps = std::string(fn) == "infer" ? plan.infer : plan.trainStep;
      for (size_t i = 0; i < j[fn].size(); ++i)
        steps.push_back(readStep(j[fn][i], std::string(fn) + " step " + std::to_string(i + 1)));
    }
    return plan;
  } catch (const PlanError &e) {
    error = e.message;
  } catch (const json::exception &e) {
    error = std::string("the plan is malformed: ") + e.what();
  }
  return std::nullopt;
}

bool runPlan(const std::vector<PlanStep> &steps, int64_t n, PlanBackend &backend, std::string &error) {
  for (const PlanStep &s : steps) {
    bool ok = true;
    switch (s.kind) {
    case PlanStep::Kind::Launch: {
      std::vector<int64_t> args;
      std::vector<bool> isOffset;
      for (const PlanOperand &a : s.args) {
        args.push_back(a.at(n));
        isOffset.push_back(a.kind == PlanOperand::Kind::Arena);
      }
      ok = backend.launch(s.kernel, s.threads.at(n), args, isOffset, error);
      break;
    }
    case PlanStep::Kind::Gemm:
      ok = backend.gemm(s.transA, s.transB, s.m.at(n), s.n.at(n), s.k.at(n), s.a.at(n), s.lda.at(n), s.b.at(n),
                        s.ldb.at(n), s.c.at(n), s.ldc.at(n), error);
      break;
    default: ok = backend.conv(s.kind, s.x.at(n), s.w.at(n), s.y.at(n), s.shape, n, error); break;
    }
    if (!ok)
      return false;
  }
  return true;
}

} // namespace nas
