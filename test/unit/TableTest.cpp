//===- TableTest.cpp - Key formats and metric tables ----------------------===//
//
// The pieces of the table evaluator: a key rendered from a DNA's decisions
// (NAS-Bench-201's cell string among them) and a CSV table of metrics, with
// the errors each gives for bad input.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/DSL/Frontend.h"
#include "nas/Search/KeyFormat.h"
#include "nas/Search/MetricTable.h"

#include <gtest/gtest.h>

#include <set>

namespace {

struct Parsed {
  std::unique_ptr<nas::dsl::SourceFile> file;
  nas::dsl::FrontendResult result;
  const nas::DecisionSpace &space() const { return result.checked.decisions; }
};

Parsed parseBody(const std::string &body) {
  Parsed p;
  p.file = std::make_unique<nas::dsl::SourceFile>("t.nas", "model m(x: f32[N, 8]) -> f32[N, 4] {\n" + body + "\n}\n");
  nas::dsl::DiagnosticEngine diags(*p.file, stderr);
  p.result = nas::dsl::runFrontend(diags);
  EXPECT_TRUE(p.result.ok());
  return p;
}

const char *kSpace = "let act = oneof(relu, tanh)\n"
                     "h = dense(x, int(4, 9, name: \"width\"))\n"
                     "h = act(h)\n"
                     "h = optional(relu)(h)\n"
                     "return dense(h, 4)";

TEST(KeyFormat, RendersEachKindOfDecision) {
  Parsed p = parseBody(kSpace);
  std::string error;
  auto key = nas::KeyFormat::parse("{act}-{width}-{{x}}-{m.optional}", p.space(), error);
  ASSERT_TRUE(key) << error;
  nas::DNA dna;
  for (const auto &d : p.space())
    dna.values[d->path] =
        d->kind == nas::DecisionPoint::Kind::Int ? nas::DecisionValue{{}, 7, 0} : nas::DecisionValue{{1}, 0, 0};
  EXPECT_EQ(nas::validate(p.space(), dna), "");
  EXPECT_EQ(key->render(dna), "tanh-7-{x}-true");
}

TEST(KeyFormat, ErrorsSayWhereAndWhy) {
  Parsed p = parseBody(kSpace);
  std::string error;
  size_t at = 99;
  EXPECT_FALSE(nas::KeyFormat::parse("ab{widht}", p.space(), error, &at));
  EXPECT_EQ(at, 3u);
  EXPECT_NE(error.find("no decision is named 'widht'"), std::string::npos) << error;
  EXPECT_NE(error.find("m.width"), std::string::npos) << error; // the decisions are listed
  EXPECT_FALSE(nas::KeyFormat::parse("x{act", p.space(), error, &at));
  EXPECT_EQ(at, 1u);
  EXPECT_NE(error.find("without its '}'"), std::string::npos) << error;
  EXPECT_FALSE(nas::KeyFormat::parse("x}", p.space(), error, &at));
  EXPECT_EQ(at, 1u);
  EXPECT_FALSE(nas::KeyFormat::parse("{}", p.space(), error, &at));
  EXPECT_NE(error.find("empty placeholder"), std::string::npos) << error;
}

TEST(KeyFormat, AShortNameMustBeUnique) {
  Parsed p = parseBody(
      "h = dense(x, oneof(4, 8, name: \"a.size\"))\nh = dense(h, oneof(4, 8, name: \"b.size\"))\nreturn dense(h, 4)");
  std::string error;
  EXPECT_FALSE(nas::KeyFormat::parse("{size}", p.space(), error));
  EXPECT_NE(error.find("could be any of"), std::string::npos) << error;
  EXPECT_TRUE(nas::KeyFormat::parse("{a.size}", p.space(), error)) << error;
}

TEST(MetricTable, ReadsKeysAndNumericColumns) {
  std::string error;
  auto table = nas::MetricTable::parse("t.csv",
                                       "key,acc,note,ms\n"
                                       "\"a,b\",0.5,fine,3\n"
                                       "\n"
                                       "\"say \"\"hi\"\"\",0.25,,x\r\n",
                                       "key", error);
  ASSERT_TRUE(table) << error;
  EXPECT_EQ(table->rows(), 2u);
  EXPECT_EQ(table->metricColumns(), (std::vector<std::string>{"acc", "note", "ms"}));
  ASSERT_TRUE(table->find("a,b"));
  EXPECT_EQ(table->find("a,b")->at("acc"), 0.5);
  EXPECT_EQ(table->find("a,b")->count("note"), 0u); // not a number: left out
  ASSERT_TRUE(table->find("say \"hi\""));
  EXPECT_EQ(table->find("say \"hi\"")->count("ms"), 0u);
  EXPECT_FALSE(table->find("c"));
}

TEST(MetricTable, ErrorsNameTheFileAndLine) {
  std::string error;
  auto fails = [&](const std::string &text, const std::string &column = "key") {
    error.clear();
    return !nas::MetricTable::parse("t.csv", text, column, error);
  };
  EXPECT_TRUE(fails("", "key"));
  EXPECT_EQ(error, "t.csv:1: the table is empty: its first line should name the columns");
  EXPECT_TRUE(fails("arch,acc\na,1\n"));
  EXPECT_EQ(error, "t.csv:1: no column is named 'key'; the columns: arch, acc");
  EXPECT_TRUE(fails("key,acc\na,1\nb,2,3\n"));
  EXPECT_EQ(error, "t.csv:3: expected 2 fields as in the header, found 3");
  EXPECT_TRUE(fails("key,acc\n\"multi\nline\",1\na,1\na,2\n"));
  EXPECT_EQ(error, "t.csv:5: the key 'a' is also on line 4");
  EXPECT_TRUE(fails("key,acc\n\"open,1\n"));
  EXPECT_EQ(error, "t.csv:2: a quoted field is not closed");
  EXPECT_TRUE(fails("key,acc,acc\n"));
  EXPECT_EQ(error, "t.csv:1: the column 'acc' appears twice");
  EXPECT_FALSE(nas::MetricTable::load("/nonexistent/t.csv", "key", error));
  EXPECT_EQ(error, "cannot read the table '/nonexistent/t.csv': No such file or directory");
}

TEST(MetricTable, TheNASBench201KeyFindsEveryCell) {
  std::string path = std::string(NASC_SOURCE_DIR) + "/data/nb201/nb201-12epoch.csv";
  std::string error;
  auto table = nas::MetricTable::load(path, "arch", error);
  ASSERT_TRUE(table) << error;
  EXPECT_EQ(table->rows(), 15625u);
  // The example's key format, over every DNA of the space: each renders a
  // row, and no two DNAs the same one.
  Parsed p;
  p.file = std::make_unique<nas::dsl::SourceFile>(
      "t.nas", "model m(x: f32[N, 8]) -> f32[N, 8] {\n"
               "  let e1_0 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)\n"
               "  let e2_0 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)\n"
               "  let e2_1 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)\n"
               "  let e3_0 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)\n"
               "  let e3_1 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)\n"
               "  let e3_2 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)\n"
               "  return e1_0(e2_0(e2_1(e3_0(e3_1(e3_2(x))))))\n}\n"
               "block none(x) { return zero(x) }\nblock skip_connect(x) { return identity(x) }\n"
               "block nor_conv_1x1(x) { return relu(x) }\nblock nor_conv_3x3(x) { return tanh(x) }\n"
               "block avg_pool_3x3(x) { return sigmoid(x) }\n");
  nas::dsl::DiagnosticEngine diags(*p.file, stderr);
  p.result = nas::dsl::runFrontend(diags);
  ASSERT_TRUE(p.result.ok());
  auto key = nas::KeyFormat::parse("|{e1_0}~0|+|{e2_0}~0|{e2_1}~1|+|{e3_0}~0|{e3_1}~1|{e3_2}~2|", p.space(), error);
  ASSERT_TRUE(key) << error;
  std::set<std::string> rendered;
  for (std::optional<nas::DNA> dna = nas::firstDNA(p.space()); dna; dna = nas::nextDNA(p.space(), *dna)) {
    std::string k = key->render(*dna);
    EXPECT_TRUE(table->find(k)) << k;
    rendered.insert(k);
  }
  EXPECT_EQ(rendered.size(), 15625u);
}

} // namespace
