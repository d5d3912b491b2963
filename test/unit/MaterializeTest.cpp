//===- MaterializeTest.cpp - Random candidates of the examples ------------===//
//
// The property of materialization: for 1,000 random DNAs of each example,
// it succeeds, leaves no nas op, and every tensor type is static but the
// batch; the same DNA always gives the same candidate hash.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Passes/Materialize.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "nas/Compiler/MLIRGen.h"
#include "nas/DSL/Frontend.h"
#include "nas/DSL/Parser.h"
#include "nas/Dialect/Nas/NasDialect.h"
#include "nas/Passes/Decisions.h"
#include "nas/Search/DNA.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

struct Space {
  std::unique_ptr<nas::dsl::SourceFile> file;
  nas::dsl::FrontendResult frontend;
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  nas::DecisionSpace decisions;
};

std::unique_ptr<Space> load(const std::string &name, const std::string &text) {
  auto space = std::make_unique<Space>();
  space->file = std::make_unique<nas::dsl::SourceFile>(name, text);
  nas::dsl::DiagnosticEngine diags(*space->file, stderr);
  space->frontend = nas::dsl::runFrontend(diags);
  EXPECT_TRUE(space->frontend.ok()) << name;
  space->module = nas::generateModule(space->context, space->frontend.ast, *space->file);
  EXPECT_TRUE(succeeded(mlir::verify(*space->module))) << name;
  space->decisions = nas::readDecisions(*space->module);
  return space;
}

std::unique_ptr<Space> loadExample(const std::string &name) {
  std::string path = std::string(NASC_SOURCE_DIR) + "/examples/" + name, why;
  std::optional<std::string> text = nas::dsl::readFile(path, why);
  EXPECT_TRUE(text) << path << ": " << why;
  return load(path, text.value_or(""));
}

/// Materializes a copy of the space; returns its hash, or "" on failure.
std::string materialize(Space &space, const nas::DNA &dna, std::string *problem = nullptr) {
  mlir::OwningOpRef<mlir::ModuleOp> copy = space.module->clone();
  if (failed(nas::materializeCandidate(*copy, dna)) || failed(mlir::verify(*copy)))
    return "";
  std::string bad;
  copy->walk([&](mlir::Operation *op) {
    if (mlir::isa<nas::space::NasDialect>(op->getDialect()))
      bad = "a nas op is left: " + op->getName().getStringRef().str();
    for (mlir::Type type : op->getResultTypes()) {
      auto tensor = mlir::dyn_cast<mlir::TensorType>(type);
      if (!tensor)
        continue;
      auto ranked = mlir::dyn_cast<mlir::RankedTensorType>(tensor);
      if (!ranked) {
        bad = "an unranked result of " + op->getName().getStringRef().str();
        continue;
      }
      for (int64_t d = 1; d < ranked.getRank(); ++d)
        if (ranked.isDynamicDim(d))
          bad = "a dynamic dimension in a result of " + op->getName().getStringRef().str();
    }
  });
  if (problem)
    *problem = bad;
  return bad.empty() ? nas::candidateHash(*copy) : "";
}

class RandomCandidates : public testing::TestWithParam<const char *> {};

TEST_P(RandomCandidates, MaterializeToStaticNNModules) {
  std::unique_ptr<Space> space = loadExample(GetParam());
  for (uint64_t seed = 0; seed < 1000; ++seed) {
    nas::DNA dna = nas::randomDNA(space->decisions, seed);
    ASSERT_EQ(nas::validate(space->decisions, dna), "") << "seed " << seed;
    std::string problem;
    std::string hash = materialize(*space, dna, &problem);
    ASSERT_FALSE(hash.empty()) << GetParam() << " seed " << seed << ": " << problem << "\n"
                               << nas::toJSON(space->decisions, dna);
    // Deterministic: the same DNA gives the same candidate.
    if (seed % 100 == 0) {
      ASSERT_EQ(materialize(*space, dna), hash);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, RandomCandidates,
                         testing::Values("fashion_mlp.nas", "fashion_cnn.nas", "nasbench201.nas", "resnet.nas"));

TEST(CandidateHash, SameNetworkSameHash) {
  std::unique_ptr<Space> space =
      load("t.nas", "model m(x: f32[N, 8]) -> f32[N, 4] {\n  return dense(oneof(relu, relu, tanh)(x), 4)\n}\n");
  auto hashOf = [&](int64_t index) {
    nas::DNA dna;
    dna.values["m.oneof"].indices = {index};
    return materialize(*space, dna);
  };
  EXPECT_EQ(hashOf(0), hashOf(1));
  EXPECT_NE(hashOf(0), hashOf(2));
}

TEST(Materialize, DNAForAnotherSpaceIsRefused) {
  std::unique_ptr<Space> space = loadExample("fashion_mlp.nas");
  std::string error;
  EXPECT_FALSE(nas::fromJSON(space->decisions, R"({"nasbench201.e1_0": 1})", error));
  EXPECT_EQ(error, "no decision named 'nasbench201.e1_0' in this space");
}

TEST(MLIRGen, ShapeInferenceThatDisagreesWithTheChecksIsAnInternalErrorAtTheOp) {
  // MLIRGen runs only on checked modules; this one skips the checks (which
  // reject dense on a rank-4 input), so the IR's shape inference is the
  // first to object, as it would if the checks and the dialect disagreed.
  nas::dsl::SourceFile file("bad.nas", "model m(x: f32[N, 1, 28, 28]) -> f32[N, 10] {\n  return dense(x, 10)\n}\n");
  nas::dsl::DiagnosticEngine diags(file, stderr);
  nas::dsl::Module ast = nas::dsl::parseModule(file, diags);
  mlir::MLIRContext context;
  std::vector<std::string> errors;
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &d) {
    std::string text;
    llvm::raw_string_ostream(text) << d.getLocation() << ": " << d.str();
    errors.push_back(text);
    return mlir::success();
  });
  mlir::OwningOpRef<mlir::ModuleOp> module = nas::generateModule(context, ast, file);
  EXPECT_FALSE(module);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.back(), "loc(\"bad.nas\":2:10): internal error: the checks accepted this dense but its shape "
                           "inference did not; please report it with the file");
}

} // namespace
