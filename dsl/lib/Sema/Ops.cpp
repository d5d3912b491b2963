//===- Ops.cpp - The shapes of the built-in ops -----------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Elaborator.h"

#include "nas/DSL/ShapeRules.h"

#include <algorithm>

namespace nas::dsl::sema {

namespace {
/// Every parameter the call leaves out gets its default from the op's table.
void fillDefaults(const OpSpec &op, std::map<std::string, Value> &args) {
  for (const ParamSpec &p : op.params) {
    if (args.count(p.name))
      continue;
    const Default &d = p.defaultValue;
    switch (d.kind) {
    case Default::Kind::None: break;
    case Default::Kind::Number:
      args[p.name] = p.kind == ParamKind::Float ? floatValue(d.number) : intValue(static_cast<long long>(d.number));
      break;
    case Default::Kind::Symbol:
      args[p.name].kind = Value::Kind::Symbol;
      args[p.name].text = d.name;
      break;
    case Default::Kind::Parameter: args[p.name] = args[d.name]; break;
    }
  }
}
} // namespace

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
    if (!expectKind(it->second, p.kind, call.range,
                    [&] { return "argument '" + std::string(p.name) + "' of " + name; }))
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
  fillDefaults(op, args);
  auto constInt = [&](const char *key) { return args.count(key) ? args[key].intValue : std::nullopt; };

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
            error(call.range,
                  "add of tensors with different shapes: " + shapeString(tensors[0].shape) + " and " +
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
    std::optional<long long> axis = constInt("axis");
    if (!axis) {
      error(call.range, "the axis of concat must be a constant");
      return {};
    }
    long long rank = static_cast<long long>(result->size());
    if (*axis < 0 || *axis >= rank) {
      error(call.range,
            "concat axis " + std::to_string(*axis) + " is outside a rank-" + std::to_string(rank) + " tensor");
      return {};
    }
    std::vector<shapes::Size> parts;
    for (const Value &t : tensors) {
      for (long long d = 0; d < rank; ++d) {
        const Dim &a = (*result)[d], &b = (*t.shape)[d];
        if (d != *axis && a.known() && b.known() && !(a == b)) {
          error(call.range, "concat of tensors whose dimension " + std::to_string(d) +
                                " differs: " + shapeString(tensors[0].shape) + " and " + shapeString(t.shape));
          return {};
        }
      }
      parts.push_back((*t.shape)[*axis].size);
    }
    (*result)[*axis] = Dim{shapes::concatenatedSize(parts), ""};
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
    std::vector<shapes::Size> trailing;
    for (size_t d = 1; d < in->size(); ++d)
      trailing.push_back((*in)[d].size);
    return tensorValue(std::vector<Dim>{(*in)[0], Dim{shapes::flattenedSize(trailing), ""}});
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
  std::optional<long long> kernel = constInt("kernel"), stride = constInt("stride");
  // Pools have no dilation.
  std::optional<long long> dilation = op.param("dilation") ? constInt("dilation") : 1;
  const Value &paddingArg = args["padding"];
  std::optional<long long> padding = paddingArg.kind == Value::Kind::Symbol ? 0 : paddingArg.intValue;
  bool same = paddingArg.kind == Value::Kind::Symbol && paddingArg.text == "same";
  if (paddingArg.kind == Value::Kind::Symbol && paddingArg.symbols().size() > 1) {
    same = false; // decided between same and valid: the size is known once it is
    padding.reset();
  }
  if (same && kernel && dilation) {
    padding = shapes::samePadding(*kernel, *dilation);
    if (!padding) {
      error(call.range, "padding = same needs an odd kernel, got " + std::to_string(*kernel));
      return {};
    }
  } else if (same) {
    // A decided kernel: every candidate must have a same padding, or that
    // candidate would fail when it is materialized, far from this line.
    const Value &k = args["kernel"];
    for (long long candidate : k.intCandidates)
      if (!shapes::samePadding(candidate, 1)) {
        error(k.origin.end > k.origin.begin ? k.origin : call.range,
              "padding = same needs an odd kernel, but " +
                  (k.decision ? "'" + k.decision->path + "'" : std::string("the kernel")) + " may be " +
                  std::to_string(candidate),
              "choose among odd kernels, or give a padding");
        return {};
      }
    padding.reset();
  }
  std::vector<Dim> out = in ? *in : std::vector<Dim>(4);
  if (conv) {
    std::optional<long long> channels = args["channels"].intValue, groups = constInt("groups");
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
    shapes::Size extent = shapes::windowOutput(size, kernel, stride, padding, dilation);
    if (extent && *extent < 0) {
      error(call.range,
            name + ": a " + std::to_string(*kernel) + "x" + std::to_string(*kernel) + " window does not fit the " +
                std::to_string(*size) + "-pixel input " + shapeString(in),
            "reduce the kernel or the number of downsampling steps before it");
      return {};
    }
    out[d] = Dim{extent, ""};
  }
  return tensorValue(out);
}

} // namespace nas::dsl::sema
