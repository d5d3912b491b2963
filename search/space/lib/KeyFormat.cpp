//===- KeyFormat.cpp - A text made from a DNA's decisions -----------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/KeyFormat.h"

#include "nas/Search/Format.h"

namespace nas {
namespace {

void collect(const DecisionSpace &space, std::vector<const DecisionPoint *> &out) {
  for (const auto &d : space) {
    out.push_back(d.get());
    for (const DecisionSpace &sub : d->subspaces)
      collect(sub, out);
    for (const DecisionSpace &rep : d->repetitions)
      collect(rep, out);
  }
}

/// The decision `name` names: its full path, or the unique path ending in
/// "." + name.
const DecisionPoint *resolve(const std::vector<const DecisionPoint *> &all, const std::string &name,
                             std::string &error) {
  std::vector<const DecisionPoint *> suffix;
  for (const DecisionPoint *d : all) {
    if (d->path == name)
      return d;
    if (d->path.size() > name.size() && d->path.compare(d->path.size() - name.size(), name.size(), name) == 0 &&
        d->path[d->path.size() - name.size() - 1] == '.')
      suffix.push_back(d);
  }
  if (suffix.size() == 1)
    return suffix.front();
  if (suffix.empty()) {
    std::vector<std::string> paths;
    for (const DecisionPoint *d : all)
      paths.push_back(d->path);
    error = "no decision is named '" + name + "'" +
            (paths.empty() ? std::string(" (the space makes no decision)") : "; the decisions: " + joinNames(paths));
    return nullptr;
  }
  std::vector<std::string> paths;
  for (const DecisionPoint *d : suffix)
    paths.push_back(d->path);
  error = "'" + name + "' could be any of " + joinNames(paths) + "; write the full path";
  return nullptr;
}

std::string renderValue(const DecisionPoint &d, const DecisionValue &v) {
  auto label = [&](int64_t i) {
    return i >= 0 && static_cast<size_t>(i) < d.candidates.size() ? d.candidates[i] : std::to_string(i);
  };
  switch (d.kind) {
  case DecisionPoint::Kind::OneOf: return label(v.indices.at(0));
  case DecisionPoint::Kind::Optional: return v.indices.at(0) ? "true" : "false";
  case DecisionPoint::Kind::Int: return std::to_string(v.integer);
  case DecisionPoint::Kind::Float: return formatNumber(v.number);
  case DecisionPoint::Kind::ManyOf: {
    std::string text;
    for (int64_t i : v.indices)
      text += (text.empty() ? "" : ",") + label(i);
    return text;
  }
  }
  return "";
}

} // namespace

std::optional<KeyFormat> KeyFormat::parse(const std::string &text, const DecisionSpace &space, std::string &error,
                                          size_t *errorOffset) {
  std::vector<const DecisionPoint *> all;
  collect(space, all);
  KeyFormat format;
  format.text_ = text;
  std::string literal;
  auto fail = [&](size_t at, std::string message) {
    error = std::move(message);
    if (errorOffset)
      *errorOffset = at;
    return std::nullopt;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}')
      return fail(i, "a '}' without its '{' (write '}}' for a literal brace)");
    if (c != '{') {
      literal += c;
      continue;
    }
    size_t close = text.find('}', i + 1);
    if (close == std::string::npos)
      return fail(i, "a '{' without its '}' (write '{{' for a literal brace)");
    std::string name = text.substr(i + 1, close - i - 1);
    if (name.empty())
      return fail(i, "an empty placeholder '{}': name a decision inside the braces");
    std::string why;
    const DecisionPoint *d = resolve(all, name, why);
    if (!d)
      return fail(i + 1, why);
    format.pieces_.push_back({std::move(literal), d});
    literal.clear();
    i = close;
  }
  format.pieces_.push_back({std::move(literal), nullptr});
  return format;
}

std::string KeyFormat::render(const DNA &dna) const {
  std::string key;
  for (const Piece &p : pieces_) {
    key += p.literal;
    if (!p.decision)
      continue;
    auto it = dna.values.find(p.decision->path);
    if (it != dna.values.end())
      key += renderValue(*p.decision, it->second);
  }
  return key;
}

} // namespace nas
