//===- MaterializeCommand.cpp - nasc materialize: one candidate -----------===//
#include "LoadSpace.h"

#include "mlir/IR/Verifier.h"
#include "nas/Passes/Cost.h"
#include "nas/Passes/Materialize.h"
#include "nas/Search/DNA.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <iostream>

namespace nasc {
namespace {

std::string where(mlir::Location loc) {
  if (auto file = mlir::dyn_cast<mlir::FileLineColLoc>(loc))
    return std::to_string(file.getLine()) + ":" + std::to_string(file.getColumn());
  return "";
}

std::string typeText(mlir::Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  type.print(os);
  return text;
}

/// 12345678 -> "12,345,678".
std::string grouped(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

void printSummary(mlir::ModuleOp module, const nas::NetworkCost &cost, const std::string &dna) {
  std::printf("%-20s %-8s %-28s %12s %14s\n", "layer", "line:col", "output", "params", "flops");
  for (const nas::LayerCost &layer : cost.layers)
    std::printf("%-20s %-8s %-28s %12s %14s\n", layer.op->getName().getStringRef().str().c_str(),
                where(layer.op->getLoc()).c_str(), typeText(layer.op->getResult(0).getType()).c_str(),
                grouped(layer.params).c_str(), grouped(layer.flops).c_str());
  std::printf("total: %s params, %s FLOPs and %s bytes of activations per sample\n", grouped(cost.params).c_str(),
              grouped(cost.flops).c_str(), grouped(cost.activationBytes).c_str());
  if (auto hash = module->getAttrOfType<mlir::StringAttr>("nas.candidate_hash"))
    std::printf("candidate: %s\n", hash.str().c_str());
  std::printf("dna: %s\n", dna.c_str());
}

} // namespace

CommandRunner addMaterializeCommand(CLI::App &app, const GlobalOptions &global) {
  CLI::App *cmd = app.add_subcommand("materialize", "Turn a search space into one concrete network, given its DNA");
  cmd->footer("The DNA is JSON by decision name (what 'nasc sample' prints), or @FILE.\n"
              "Decisions on the DNA's path must all have values; values for decisions\n"
              "that are not part of the candidate are an error.\n\n"
              "Examples:\n"
              "  nasc materialize examples/nasbench201.nas --dna \"$(nasc sample examples/nasbench201.nas)\"\n"
              "  nasc materialize examples/fashion_mlp.nas --dna @dna.json --emit summary");
  struct Options {
    std::string file, dna, emit = "mlir";
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("file", options->file, "The .nas file")->required()->type_name("FILE");
  cmd->add_option("--dna", options->dna, "The DNA as JSON, or @FILE")->required()->type_name("JSON|@FILE");
  cmd->add_option("--emit", options->emit, "What to print: the network as MLIR, or a table of its layers")
      ->check(CLI::IsMember({"mlir", "summary"}))
      ->capture_default_str();
  return [options, &global]() {
    int status = 0;
    std::unique_ptr<LoadedSpace> space = loadSpace(options->file, global, status);
    if (!space)
      return status;
    std::string text = options->dna;
    if (!text.empty() && text[0] == '@') {
      std::string why;
      std::optional<std::string> content = nas::dsl::readFile(text.substr(1), why);
      if (!content) {
        std::cerr << "nasc: error: cannot read the DNA file '" << text.substr(1) << "': " << why << "\n";
        return 1;
      }
      text = *content;
    }
    std::string error;
    std::optional<nas::DNA> dna = nas::fromJSON(space->decisions, text, error);
    if (!dna) {
      std::cerr << "nasc: error: the DNA does not fit " << options->file << ": " << error << "\n";
      return 1;
    }
    mlir::ModuleOp module = *space->module;
    if (failed(nas::materializeCandidate(module, *dna)) || failed(mlir::verify(module)))
      return 1;
    module->setAttr("nas.dna", mlir::StringAttr::get(module.getContext(), nas::toJSON(space->decisions, *dna)));
    if (options->emit == "mlir") {
      module->print(llvm::outs());
      llvm::outs() << "\n";
      llvm::outs().flush();
      return 0;
    }
    for (auto func : module.getOps<mlir::func::FuncOp>()) {
      std::optional<nas::NetworkCost> cost = nas::analyzeCost(func);
      if (!cost)
        return 1;
      printSummary(module, *cost, nas::toJSON(space->decisions, *dna));
    }
    return 0;
  };
}

} // namespace nasc
