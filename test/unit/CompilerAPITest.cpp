//===- CompilerAPITest.cpp - The embedding API, as an embedder uses it ----===//
//
// The test api-compiles-without-mlir compiles this file without MLIR's
// include paths: if nas/Compiler/Compiler.h pulled in an
// MLIR header, this file would not compile.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Compiler/Compiler.h"
#include "nas/Compiler/Search.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

namespace {

const char *kMLP = R"(model mlp(x: f32[N, 784]) -> f32[N, 10] {
  let width = oneof(64, 128)
  h = relu(dense(x, width))
  return dense(h, 10)
}
)";

TEST(CompilerAPI, DiagnosticsAsData) {
  std::vector<nas::Diagnostic> diagnostics;
  auto space =
      nas::Space::fromText("bad.nas", "model m(x: f32[N, 8]) -> f32[N, 4] {\n  return dense2(x, 4)\n}\n", diagnostics);
  EXPECT_EQ(space, nullptr);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].severity, nas::Diagnostic::Severity::Error);
  EXPECT_EQ(diagnostics[0].message, "unknown name 'dense2'");
  EXPECT_EQ(diagnostics[0].hint, "did you mean 'dense'?");
  EXPECT_EQ(diagnostics[0].line, 2u);
  EXPECT_EQ(diagnostics[0].column, 10u);
  EXPECT_EQ(diagnostics[0].str(), "bad.nas:2:10: error: unknown name 'dense2'");
}

TEST(CompilerAPI, UnreadableFile) {
  std::vector<nas::Diagnostic> diagnostics;
  EXPECT_EQ(nas::Space::fromFile("/nonexistent.nas", diagnostics), nullptr);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].message, "cannot read '/nonexistent.nas': No such file or directory");
}

TEST(CompilerAPI, SampleMaterializeAndCost) {
  std::vector<nas::Diagnostic> diagnostics;
  auto space = nas::Space::fromText("mlp.nas", kMLP, diagnostics);
  ASSERT_NE(space, nullptr);
  EXPECT_EQ(space->modelName(), "mlp");
  EXPECT_EQ(nas::spaceSize(space->decisions()).toString(), "2");
  std::string error;
  std::optional<nas::DNA> dna = space->parseDNA(R"({"mlp.width": 1})", error);
  ASSERT_TRUE(dna) << error;
  std::unique_ptr<nas::Candidate> candidate = space->materialize(*dna, error);
  ASSERT_NE(candidate, nullptr) << error;
  // 784*128+128 + 128*10+10
  EXPECT_EQ(candidate->params(), 101770);
  ASSERT_EQ(candidate->layers().size(), 3u);
  EXPECT_EQ(candidate->layers()[0].op, "nn.dense");
  EXPECT_EQ(candidate->layers()[0].outputType, "tensor<?x128xf32>");
  EXPECT_EQ(candidate->layers()[0].line, 3u);
  EXPECT_NE(candidate->mlir().find("units = 128"), std::string::npos);
  // A candidate outlives its space.
  space.reset();
  EXPECT_EQ(candidate->hash().size(), 16u);
}

TEST(CompilerAPI, EnumerateEveryCandidate) {
  std::vector<nas::Diagnostic> diagnostics;
  auto space = nas::Space::fromText("mlp.nas", kMLP, diagnostics);
  ASSERT_NE(space, nullptr);
  std::set<std::string> hashes;
  for (std::optional<nas::DNA> dna = space->first(); dna; dna = space->next(*dna)) {
    std::string error;
    auto candidate = space->materialize(*dna, error);
    ASSERT_NE(candidate, nullptr) << error;
    hashes.insert(candidate->hash());
  }
  EXPECT_EQ(hashes.size(), 2u);
}

TEST(CompilerAPI, BadDNAIsAnErrorValue) {
  std::vector<nas::Diagnostic> diagnostics;
  auto space = nas::Space::fromText("mlp.nas", kMLP, diagnostics);
  ASSERT_NE(space, nullptr);
  nas::DNA dna;
  dna.values["mlp.width"].indices = {5};
  std::string error;
  EXPECT_EQ(space->materialize(dna, error), nullptr);
  EXPECT_EQ(error, "decision 'mlp.width' has 2 candidates; index 5 is out of range");
}

TEST(CompilerAPI, SeparateSpacesOnSeparateThreads) {
  std::vector<int64_t> params(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      std::vector<nas::Diagnostic> diagnostics;
      auto space = nas::Space::fromText("mlp.nas", kMLP, diagnostics);
      std::string error;
      for (int i = 0; i < 20; ++i)
        if (auto c = space->materialize(space->sample(t * 100 + i), error))
          params[t] = std::max(params[t], c->params());
    });
  for (auto &thread : threads)
    thread.join();
  for (int64_t p : params)
    EXPECT_GT(p, 0);
}

// The sections as a candidate has them and as the space has them (read
// without materializing) agree; a spec's parameters left out take the
// language's defaults (adam's lr, successive_halving's min_epochs).
TEST(CompilerAPI, SettingsOfTheSections) {
  std::string text = std::string(kMLP) + R"(
train {
  epochs = 3
  optimizer = adam(beta1 = 0.8)
  schedule = cosine
}
search {
  minimize params
  maximize val_accuracy
  constraint params <= 200000
  algorithm = tpe(startup = 3)
  trials = 7
  early_stopping = successive_halving(reduction = 4)
  evaluator = table(file = "t.csv", column = "arch", key = "{mlp.width}")
}
)";
  std::vector<nas::Diagnostic> diagnostics;
  auto space = nas::Space::fromText("spaces/mlp.nas", text, diagnostics);
  ASSERT_NE(space, nullptr) << (diagnostics.empty() ? "" : diagnostics[0].str());
  std::string error;
  std::unique_ptr<nas::Candidate> candidate = space->materialize(*space->first(), error);
  ASSERT_NE(candidate, nullptr) << error;
  std::optional<nas::SearchSettings> search = nas::readSearchSettings(*space, error);
  ASSERT_TRUE(search) << error;
  for (const nas::SearchSettings *s : std::vector<const nas::SearchSettings *>{&*search, &candidate->search()}) {
    EXPECT_EQ(s->algorithm, "tpe");
    EXPECT_EQ(s->algorithmParams, (std::map<std::string, double>{{"startup", 3}}));
    EXPECT_EQ(s->trials, 7);
    ASSERT_EQ(s->objectives.size(), 2u);
    EXPECT_EQ(s->objectives[0].metric, "params");
    EXPECT_FALSE(s->objectives[0].maximize);
    EXPECT_EQ(s->objectives[1].metric, "val_accuracy");
    EXPECT_TRUE(s->objectives[1].maximize);
    ASSERT_EQ(s->constraints.size(), 1u);
    EXPECT_EQ(s->constraints[0].str(), "params <= 200000");
    EXPECT_TRUE(s->successiveHalving);
    EXPECT_EQ(s->minEpochs, 1);
    EXPECT_EQ(s->reduction, 4);
    EXPECT_EQ(s->evaluator, "table");
    EXPECT_EQ(s->tableFile, "spaces/t.csv");
    EXPECT_EQ(s->tableKey, "{mlp.width}");
  }
  nas::TrainOptions options = nas::trainerOptions(candidate->train());
  EXPECT_EQ(candidate->train().optimizer, "adam");
  EXPECT_DOUBLE_EQ(options.lr, 0.001);
  EXPECT_EQ(options.epochs, 3);
  EXPECT_EQ(options.schedule, "cosine");
  EXPECT_DOUBLE_EQ(options.validation, 0.1);
}

} // namespace
