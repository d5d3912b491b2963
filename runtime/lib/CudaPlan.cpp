//===- CudaPlan.cpp - A candidate's GPU launch plan, as data --------------===//
#include "nas/Runtime/CudaPlan.h"

#include <nlohmann/json.hpp>

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

/// `object[key]` as an integer (`fallback` when absent); not an integer, or
/// out of [0, kMaxOperand], is an error (a float would not convert safely).
int64_t integer(const json &object, const char *key, int64_t fallback, const std::string &where) {
  if (!object.contains(key))
    return fallback;
  const json &v = object[key];
  if (!v.is_number_integer() || (v.is_number_unsigned() ? v.get<uint64_t>() > uint64_t(kMaxOperand)
                                                         : v.get<int64_t>() < 0 || v.get<int64_t>() > kMaxOperand))
    throw PlanError{where + ": '" + key + "' must be an integer from 0 to 2^40"};
  return v.get<int64_t>();
}

/// `object[key]` as text ("" when absent or not a string).
std::string textOf(const json &object, const char *key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

/// `value`, the operand called `field`, read from its text.
PlanOperand operandOf(const json &value, const std::string &field, const std::string &where) {
  if (!value.is_string())
    throw PlanError{where + " has no '" + field + "'"};
  std::string text = value.get<std::string>();
  PlanOperand o;
  auto number = [&](const std::string &digits) {
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
      throw PlanError{where + ": '" + field + "' is '" + text + "', not @OFFSET, #V, n or n*K"};
    int64_t v = std::stoll(digits);
    if (v > kMaxOperand) // n * K stays far from overflow
      throw PlanError{where + ": '" + field + "' is too large (" + text + ")"};
    return v;
  };
  if (text == "n") {
    o.kind = PlanOperand::Kind::Rows, o.value = 1;
  } else if (text.rfind("n*", 0) == 0) {
    o.kind = PlanOperand::Kind::Rows, o.value = number(text.substr(2));
  } else if (!text.empty() && text[0] == '@') {
    o.kind = PlanOperand::Kind::Arena, o.value = number(text.substr(1));
  } else if (!text.empty() && text[0] == '#') {
    o.kind = PlanOperand::Kind::Integer, o.value = number(text.substr(1));
  } else {
    number(""); // throws with the message
  }
  return o;
}

PlanOperand operand(const json &step, const char *field, const std::string &where) {
  return operandOf(step.contains(field) ? step[field] : json(), field, where);
}

PlanStep readStep(const json &s, const std::string &where) {
  if (!s.is_object() || !s.contains("kind") || !s["kind"].is_string())
    throw PlanError{where + " has no 'kind'"};
  std::string kind = s["kind"].get<std::string>();
  PlanStep step;
  if (kind == "launch") {
    step.kind = PlanStep::Kind::Launch;
    if (!s.contains("kernel") || !s["kernel"].is_string() || !s.contains("args") || !s["args"].is_array())
      throw PlanError{where + ": a launch needs 'kernel' and 'args'"};
    step.kernel = s["kernel"].get<std::string>();
    step.threads = operand(s, "threads", where);
    for (const json &arg : s["args"])
      step.args.push_back(operandOf(arg, "arg", where));
  } else if (kind == "gemm") {
    step.kind = PlanStep::Kind::Gemm;
    auto trans = [&](const char *field) {
      if (!s.contains(field) || !s[field].is_string() || (s[field] != "N" && s[field] != "T"))
        throw PlanError{where + ": '" + field + "' must be \"N\" or \"T\""};
      return s[field] == "T";
    };
    step.transA = trans("transa");
    step.transB = trans("transb");
    step.m = operand(s, "m", where), step.n = operand(s, "n", where), step.k = operand(s, "k", where);
    step.a = operand(s, "a", where), step.lda = operand(s, "lda", where);
    step.b = operand(s, "b", where), step.ldb = operand(s, "ldb", where);
    step.c = operand(s, "c", where), step.ldc = operand(s, "ldc", where);
  } else if (kind == "conv_forward" || kind == "conv_backward_data" || kind == "conv_backward_filter") {
    step.kind = kind == "conv_forward"         ? PlanStep::Kind::ConvForward
                : kind == "conv_backward_data" ? PlanStep::Kind::ConvBackwardData
                                               : PlanStep::Kind::ConvBackwardFilter;
    step.x = operand(s, "x", where), step.w = operand(s, "w", where), step.y = operand(s, "y", where);
    if (!s.contains("shape") || !s["shape"].is_string())
      throw PlanError{where + ": a convolution needs 'shape'"};
    std::istringstream fields(s["shape"].get<std::string>());
    for (int64_t &v : step.shape)
      if (!(fields >> v) || v < 0 || v > (int64_t(1) << 32))
        throw PlanError{where + ": 'shape' must be 12 non-negative integers"};
  } else {
    throw PlanError{where + ": unknown kind '" + kind + "'"};
  }
  return step;
}

} // namespace

const ProgramSlot *CudaPlan::find(const std::string &name) const {
  for (const ProgramSlot &s : slots)
    if (s.name == name)
      return &s;
  return nullptr;
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
    for (const json &s : slots) {
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
        for (const json &d : s["shape"])
          slot.shape.push_back(d.is_number_integer() && !d.is_number_unsigned() ? d.get<int64_t>() : 0);
      if (slot.name.empty() || slot.offset < 0 || slot.bytes < 0 || slot.offset > plan.arenaBytes ||
          slot.bytes > plan.arenaBytes - slot.offset)
        throw PlanError{"slot '" + slot.name + "' is not inside the arena"};
      plan.slots.push_back(std::move(slot));
    }
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
    default:
      ok = backend.conv(s.kind, s.x.at(n), s.w.at(n), s.y.at(n), s.shape, n, error);
      break;
    }
    if (!ok)
      return false;
  }
  return true;
}

} // namespace nas
