//===- SpaceCommand.cpp - nasc space and nasc sample ----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "LoadSpace.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace nasc {
namespace {

nlohmann::ordered_json spaceToJSON(const nas::DecisionSpace &space) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto &d : space) {
    nlohmann::ordered_json j;
    j["path"] = d->path;
    static const char *kinds[] = {"oneof", "manyof", "int", "float", "optional"};
    j["kind"] = kinds[static_cast<int>(d->kind)];
    if (!d->where.empty())
      j["where"] = d->where;
    if (!d->hint.empty())
      j["hint"] = d->hint;
    switch (d->kind) {
    case nas::DecisionPoint::Kind::OneOf:
    case nas::DecisionPoint::Kind::Optional:
    case nas::DecisionPoint::Kind::ManyOf: j["candidates"] = d->candidates; break;
    case nas::DecisionPoint::Kind::Int:
      j["low"] = d->low;
      j["high"] = d->high;
      break;
    case nas::DecisionPoint::Kind::Float:
      j["low"] = d->lowFloat;
      j["high"] = d->highFloat;
      j["scale"] = d->logScale ? "log" : "linear";
      break;
    }
    if (d->kind == nas::DecisionPoint::Kind::ManyOf) {
      j["choose"] = d->choose;
      j["distinct"] = d->distinct;
      j["sorted"] = d->sorted;
    }
    bool anySub = false;
    for (const nas::DecisionSpace &sub : d->subspaces)
      anySub = anySub || !sub.empty();
    if (anySub) {
      nlohmann::ordered_json subs = nlohmann::ordered_json::array();
      for (const nas::DecisionSpace &sub : d->subspaces)
        subs.push_back(spaceToJSON(sub));
      j["subspaces"] = subs;
    }
    if (!d->repetitions.empty()) {
      if (!d->countValues.empty())
        j["counts"] = d->countValues;
      nlohmann::ordered_json reps = nlohmann::ordered_json::array();
      for (const nas::DecisionSpace &rep : d->repetitions)
        reps.push_back(spaceToJSON(rep));
      j["repetitions"] = reps;
    }
    list.push_back(j);
  }
  return list;
}

} // namespace

CommandRunner addSpaceCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("space", "Show the decision tree of a search space and its size");
  cmd->footer("Each decision with its path name, its candidates or bounds, and the\n"
              "condition under which it exists; the size is exact for discrete spaces.\n\n"
              "Examples:\n"
              "  nasc space examples/nasbench201.nas          6 decisions, 15625 candidates\n"
              "  nasc space --json examples/fashion_mlp.nas   the tree as JSON, for tools");
  struct Options {
    std::string file;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("file", options->file, "The .nas file")->required()->type_name("FILE");
  cmd->add_flag("--json", options->json, "Print the tree as JSON");
  return [options, &global]() {
    int status = 0;
    std::unique_ptr<nas::Space> space = loadSpace(options->file, global, status);
    if (!space)
      return status;
    if (options->json) {
      nas::SpaceSize size = nas::spaceSize(space->decisions());
      size_t count = nas::countDecisions(space->decisions());
      nlohmann::ordered_json j;
      j["file"] = options->file;
      j["model"] = space->modelName();
      j["decisions"] = count;
      j["size"] = size.toString();
      j["discrete_size"] = nas::spaceSize(space->decisions(), false).toString();
      j["space"] = spaceToJSON(space->decisions());
      std::cout << j.dump(2) << "\n";
      return 0;
    }
    std::cout << options->file << ": " << nas::summarizeSpace(space->modelName(), space->decisions());
    return 0;
  };
}

CommandRunner addSampleCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("sample", "Print random DNAs of a search space, one JSON object a line");
  cmd->footer("Each decision on a DNA's active path is drawn uniformly (floats on their\n"
              "scale). The same seed gives the same DNAs on every machine.\n\n"
              "Examples:\n"
              "  nasc sample examples/fashion_mlp.nas\n"
              "  nasc sample --seed 7 --count 100 examples/nasbench201.nas > dnas.jsonl");
  struct Options {
    std::string file;
    uint64_t seed = 0;
    size_t count = 1;
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("file", options->file, "The .nas file")->required()->type_name("FILE");
  cmd->add_option("--seed", options->seed, "Seed of the draws")->capture_default_str();
  cmd->add_option("--count", options->count, "How many DNAs")->capture_default_str()->check(CLI::PositiveNumber);
  return [options, &global]() {
    int status = 0;
    std::unique_ptr<nas::Space> space = loadSpace(options->file, global, status);
    if (!space)
      return status;
    for (size_t i = 0; i < options->count; ++i) {
      // One seed per DNA, so that DNA i does not depend on the count asked.
      nas::DNA dna = space->sample(options->seed * 0x9E3779B97F4A7C15ull + i);
      std::cout << space->toJSON(dna) << "\n";
    }
    return 0;
  };
}

} // namespace nasc
