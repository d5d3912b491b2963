//===- CudaPlan.cpp - A candidate's GPU launch plan, as data --------------===//
#include "nas/Runtime/CudaPlan.h"

#include <nlohmann/json.hpp>

#include <sstream>

namespace nas {
namespace {

using json = nlohmann::json;

/// Thrown inside the reader with the message the caller gets.
struct PlanError {
  std::string message;
};

PlanOperand operand(const json &step, const char *field, const std::string &where) {
  if (!step.contains(field) || !step[field].is_string())
    throw PlanError{where + " has no '" + field + "'"};
  std::string text = step[field].get<std::string>();
  PlanOperand o;
  auto number = [&](const std::string &digits) {
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
      throw PlanError{where + ": '" + field + "' is '" + text + "', not @OFFSET, #V, n or n*K"};
    return std::stoll(digits);
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
    json wrapped;
    for (const json &arg : s["args"]) {
      wrapped["arg"] = arg;
      step.args.push_back(operand(wrapped, "arg", where));
    }
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
    if (j.value("format", "") != "nasc-cuda-plan" || j.value("version", 0) != 1)
      throw PlanError{"not a nasc CUDA plan of version 1 (format \"nasc-cuda-plan\", version 1)"};
    CudaPlan plan;
    plan.chip = j.value("chip", "");
    plan.candidate = j.value("candidate", "");
    plan.batch = j.value("batch", int64_t(0));
    plan.arenaBytes = j.value("arena_bytes", int64_t(0));
    if (plan.batch <= 0 || plan.arenaBytes <= 0)
      throw PlanError{"'batch' and 'arena_bytes' must be positive"};
    for (const json &s : j.value("slots", json::array())) {
      ProgramSlot slot;
      slot.name = s.value("name", "");
      slot.role = s.value("role", "");
      slot.offset = s.value("offset", int64_t(-1));
      slot.bytes = s.value("bytes", int64_t(-1));
      slot.init = s.value("init", "");
      slot.fanIn = s.value("fan_in", int64_t(0));
      if (s.contains("shape") && s["shape"].is_array())
        for (const json &d : s["shape"])
          slot.shape.push_back(d.is_number_integer() ? d.get<int64_t>() : 0);
      if (slot.name.empty() || slot.offset < 0 || slot.bytes < 0 || slot.offset + slot.bytes > plan.arenaBytes)
        throw PlanError{"slot '" + slot.name + "' is not inside the arena"};
      plan.slots.push_back(std::move(slot));
    }
    for (const json &k : j.value("kernels", json::array()))
      if (k.is_string())
        plan.kernels.push_back(k.get<std::string>());
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
