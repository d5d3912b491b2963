//===- DNATest.cpp - DNA of checked programs: validation, forms, enumeration ===//
//
// After the cases of PyGlove's geno tests (space_test.py, categorical_test.py,
// base_test.py): space sizes of nested and multi-choice spaces, the order of
// enumeration, validation messages, the JSON and vector forms, and seeded
// random DNA, written for the .nas language and nasc's DNA API.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Search/DNA.h"
#include "nas/DSL/Frontend.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace nas::dsl;
using nas::DecisionSpace;
using nas::DecisionValue;
using nas::DNA;

namespace {

/// A checked model whose body is `body` (blocks before it), and its space.
struct Space {
  FrontendResult result;
  const DecisionSpace &spec() const { return result.checked.decisions; }
  std::string tree() const { return nas::describeDecisions(spec()); }
};

Space space(const std::string &body, const std::string &blocks = "") {
  SourceFile file("t.nas", blocks + "\nmodel m(x: f32[N, 8]) -> f32[N, 4] {\n" + body + "\n}\n");
  DiagnosticEngine diags(file, nullptr);
  Space s{runFrontend(diags)};
  for (const Diagnostic &d : diags.diagnostics())
    if (d.severity == Severity::Error)
      ADD_FAILURE() << "unexpected error: " << d.message;
  return s;
}

// The spaces the tests share.
// m.width oneof(8, 16, 32), m.act oneof(relu, gelu, tanh): 9.
const char *kTwoLets = "let width = oneof(8, 16, 32)\nlet act = oneof(relu, gelu, tanh)\n"
                       "return dense(act(dense(x, width)), 4)";
// m.repeat int(1, 3), m.repeat[i].oneof oneof(relu, tanh): 2 + 4 + 8 = 14.
const char *kRepeat = "h = x\nrepeat int(1, 3) { h = oneof(relu, tanh)(h) }\nreturn dense(h, 4)";
// m.oneof oneof(x, <m.oneof[1].oneof of 3>, <m.oneof[2].int in [2, 4]>), then
// m.optional (2): (1 + 3 + 3) * 2 = 14.
const char *kNested = "h = oneof(x, oneof(relu, gelu, tanh)(x), dense(x, int(2, 4)))\n"
                      "return dense(optional(layernorm)(h), 4)";
// m.floatv linear in [0.1, 0.5], m.floatv2 log in [0.001, 0.1], m.act of 2.
const char *kFloats = "h = dropout(x, floatv(0.1, 0.5))\nh = dropout(h, floatv(0.001, 0.1, log))\n"
                      "return dense(oneof(relu, tanh, name: \"act\")(h), 4)";

std::string manyOfBody(int k, const std::string &candidates, const std::string &options) {
  return "h = x\nfor a in manyof(" + std::to_string(k) + ", " + candidates + (options.empty() ? "" : ", " + options) +
         ") { h = a(h) }\nreturn dense(h, 4)";
}

// Building DNA values.
DecisionValue C(int64_t index) { return DecisionValue{{index}, 0, 0}; }
DecisionValue M(std::vector<int64_t> indices) { return DecisionValue{std::move(indices), 0, 0}; }
DecisionValue I(int64_t value) { return DecisionValue{{}, value, 0}; }
DecisionValue F(double value) { return DecisionValue{{}, 0, value}; }

DNA dna(std::initializer_list<std::pair<const std::string, DecisionValue>> values) { return DNA{values}; }

/// Every DNA from firstDNA on, in order (at most `cap`).
std::vector<DNA> enumerate(const DecisionSpace &spec, size_t cap = 100000) {
  std::vector<DNA> all;
  for (std::optional<DNA> d = nas::firstDNA(spec); d && all.size() < cap; d = nas::nextDNA(spec, *d))
    all.push_back(*d);
  return all;
}

std::vector<std::vector<double>> vectors(const DecisionSpace &spec, const std::vector<DNA> &dnas) {
  std::vector<std::vector<double>> out;
  for (const DNA &d : dnas)
    out.push_back(nas::toVector(spec, d));
  return out;
}

/// Checks that the enumeration has exactly `size` distinct, valid DNAs.
void expectEnumeratesExactly(const Space &s, size_t size) {
  std::vector<DNA> all = enumerate(s.spec(), size + 10);
  EXPECT_EQ(all.size(), size) << s.tree();
  std::set<std::string> seen;
  for (const DNA &d : all) {
    EXPECT_EQ(nas::validate(s.spec(), d), "") << nas::toJSON(s.spec(), d);
    EXPECT_TRUE(seen.insert(nas::toJSON(s.spec(), d)).second) << "repeated: " << nas::toJSON(s.spec(), d);
  }
  EXPECT_EQ(nas::spaceSize(s.spec()).toString(), std::to_string(size)) << s.tree();
}

std::string pathsOf(const std::vector<const nas::DecisionPoint *> &points) {
  std::string out;
  for (const nas::DecisionPoint *p : points)
    out += (out.empty() ? "" : " ") + p->path;
  return out;
}

} // namespace

//===----------------------------------------------------------------------===//
// Space sizes, checked against enumeration.
//===----------------------------------------------------------------------===//

TEST(DNASpaceSize, EmptySpaceHasOneCandidate) {
  Space s = space("return dense(x, 4)");
  EXPECT_TRUE(s.spec().empty());
  EXPECT_EQ(nas::spaceSize(s.spec()).toString(), "1");
  std::optional<DNA> first = nas::firstDNA(s.spec());
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->values.empty());
  EXPECT_EQ(nas::validate(s.spec(), *first), "");
  EXPECT_EQ(nas::toJSON(s.spec(), *first), "{}");
  EXPECT_TRUE(nas::toVector(s.spec(), *first).empty());
  EXPECT_FALSE(nas::nextDNA(s.spec(), *first));
  EXPECT_TRUE(nas::randomDNA(s.spec(), 7).values.empty());
}

TEST(DNASpaceSize, IndependentDecisionsMultiply) { expectEnumeratesExactly(space(kTwoLets), 9); }

TEST(DNASpaceSize, ConditionalRepeatAdds) {
  Space s = space(kRepeat);
  EXPECT_EQ(nas::countDecisions(s.spec()), 4u);
  expectEnumeratesExactly(s, 14);
}

TEST(DNASpaceSize, RepeatCountFromOneOf) {
  // Depth 0 or 2: 1 + 3 * 3.
  expectEnumeratesExactly(space("h = x\nrepeat oneof(0, 2) { h = oneof(relu, tanh, gelu)(h) }\nreturn dense(h, 4)"),
                          10);
}

TEST(DNASpaceSize, NestedChoicesAddInsideAndMultiplyOutside) {
  Space s = space(kNested);
  ASSERT_TRUE(nas::findDecision(s.spec(), "m.oneof[1].oneof")) << s.tree();
  ASSERT_TRUE(nas::findDecision(s.spec(), "m.oneof[2].int")) << s.tree();
  EXPECT_EQ(nas::countDecisions(s.spec()), 4u);
  expectEnumeratesExactly(s, 14);
}

TEST(DNASpaceSize, BlockCallsEnumerateTheirOwnDecisions) {
  expectEnumeratesExactly(
      space("h = layer(x)\nh = layer(h)\nreturn dense(h, 4)", "block layer(x) { return oneof(relu, gelu, tanh)(x) }"),
      9);
}

TEST(DNASpaceSize, ManyOfVariantsMatchEnumeration) {
  // 2 of 4: sorted distinct C(4,2) = 6; distinct 4*3 = 12; sorted with
  // repeats C(5,2) = 10; neither 4^2 = 16. 3 of 4: 4, 24, 20, 64.
  struct Case {
    int k;
    const char *options;
    size_t size;
  } cases[] = {{2, "distinct = true, sorted = true", 6},
               {2, "", 12},
               {2, "distinct = false, sorted = true", 10},
               {2, "distinct = false", 16},
               {3, "sorted = true", 4},
               {3, "distinct = true", 24},
               {3, "distinct = false, sorted = true", 20},
               {3, "distinct = false, sorted = false", 64}};
  for (const Case &c : cases) {
    SCOPED_TRACE(std::to_string(c.k) + " " + c.options);
    expectEnumeratesExactly(space(manyOfBody(c.k, "relu, gelu, tanh, silu", c.options)), c.size);
  }
}

TEST(DNASpaceSize, ManyOfInsideACandidate) {
  // oneof(relu, pair) where pair chooses 2 of 3 ordered: 1 + 6.
  Space s = space("h = oneof(relu, pair)(x)\nreturn dense(h, 4)",
                  "block pair(x) {\n h = x\n for a in manyof(2, relu, gelu, tanh) { h = a(h) }\n return h\n}");
  ASSERT_TRUE(nas::findDecision(s.spec(), "m.oneof[1].pair.manyof")) << s.tree();
  expectEnumeratesExactly(s, 7);
}

TEST(DNASpaceSize, ContinuousSpaceIsNotEnumerable) {
  Space s = space(kFloats);
  EXPECT_EQ(nas::spaceSize(s.spec()).toString(), "infinite");
  EXPECT_FALSE(nas::firstDNA(s.spec()));
  DNA d = nas::randomDNA(s.spec(), 1);
  EXPECT_FALSE(nas::nextDNA(s.spec(), d));
}

//===----------------------------------------------------------------------===//
// Enumeration order.
//===----------------------------------------------------------------------===//

TEST(DNAEnumeration, FirstDNAHasEveryDecisionAtItsFirstValue) {
  Space s = space(kNested);
  std::optional<DNA> first = nas::firstDNA(s.spec());
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, dna({{"m.oneof", C(0)}, {"m.optional", C(0)}}));

  Space r = space(kRepeat);
  EXPECT_EQ(nas::firstDNA(r.spec()), dna({{"m.repeat", I(1)}, {"m.repeat[0].oneof", C(0)}}));

  Space m = space(manyOfBody(3, "relu, gelu, tanh, silu", "distinct = false"));
  EXPECT_EQ(nas::firstDNA(m.spec()), dna({{"m.manyof", M({0, 0, 0})}}));
  Space d = space(manyOfBody(3, "relu, gelu, tanh, silu", ""));
  EXPECT_EQ(nas::firstDNA(d.spec()), dna({{"m.manyof", M({0, 1, 2})}}));
}

TEST(DNAEnumeration, LastDecisionChangesFastest) {
  Space s = space(kTwoLets);
  // Depth-first order is source order: m.width, then m.act.
  std::vector<std::vector<double>> expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}};
  EXPECT_EQ(vectors(s.spec(), enumerate(s.spec())), expected);
  EXPECT_EQ(nas::nextDNA(s.spec(), dna({{"m.width", C(0)}, {"m.act", C(2)}})),
            dna({{"m.width", C(1)}, {"m.act", C(0)}}));
  EXPECT_FALSE(nas::nextDNA(s.spec(), dna({{"m.width", C(2)}, {"m.act", C(2)}})));
}

TEST(DNAEnumeration, RepeatCountResetsItsRepetitions) {
  Space s = space(kRepeat);
  std::vector<std::vector<double>> expected = {{1, 0},       {1, 1},       {2, 0, 0},    {2, 0, 1},    {2, 1, 0},
                                               {2, 1, 1},    {3, 0, 0, 0}, {3, 0, 0, 1}, {3, 0, 1, 0}, {3, 0, 1, 1},
                                               {3, 1, 0, 0}, {3, 1, 0, 1}, {3, 1, 1, 0}, {3, 1, 1, 1}};
  EXPECT_EQ(vectors(s.spec(), enumerate(s.spec())), expected);
  // From depth 1's last candidate to depth 2 with every repetition at 0.
  EXPECT_EQ(nas::nextDNA(s.spec(), dna({{"m.repeat", I(1)}, {"m.repeat[0].oneof", C(1)}})),
            dna({{"m.repeat", I(2)}, {"m.repeat[0].oneof", C(0)}, {"m.repeat[1].oneof", C(0)}}));
}

TEST(DNAEnumeration, ChangedChoiceResetsTheDecisionsAfterIt) {
  // m.oneof, then its chosen candidate's sub-space, then m.optional.
  Space s = space(kNested);
  std::vector<std::vector<double>> expected = {{0, 0},    {0, 1},    {1, 0, 0}, {1, 0, 1}, {1, 1, 0},
                                               {1, 1, 1}, {1, 2, 0}, {1, 2, 1}, {2, 2, 0}, {2, 2, 1},
                                               {2, 3, 0}, {2, 3, 1}, {2, 4, 0}, {2, 4, 1}};
  EXPECT_EQ(vectors(s.spec(), enumerate(s.spec())), expected);
  // The sub-space of the old candidate leaves with it.
  EXPECT_EQ(nas::nextDNA(s.spec(), dna({{"m.oneof", C(1)}, {"m.oneof[1].oneof", C(2)}, {"m.optional", C(1)}})),
            dna({{"m.oneof", C(2)}, {"m.oneof[2].int", I(2)}, {"m.optional", C(0)}}));
}

TEST(DNAEnumeration, ManyOfInLexicographicOrder) {
  // PyGlove's iter_dna case: oneof(a leaf, 2 distinct of 3).
  Space s = space("h = oneof(relu, pair)(x)\nreturn dense(h, 4)",
                  "block pair(x) {\n h = x\n for a in manyof(2, relu, gelu, tanh) { h = a(h) }\n return h\n}");
  std::vector<std::vector<double>> expected = {{0}, {1, 0, 1}, {1, 0, 2}, {1, 1, 0}, {1, 1, 2}, {1, 2, 0}, {1, 2, 1}};
  EXPECT_EQ(vectors(s.spec(), enumerate(s.spec())), expected);
  EXPECT_EQ(nas::nextDNA(s.spec(), dna({{"m.oneof", C(1)}, {"m.oneof[1].pair.manyof", M({0, 2})}})),
            dna({{"m.oneof", C(1)}, {"m.oneof[1].pair.manyof", M({1, 0})}}));
  EXPECT_FALSE(nas::nextDNA(s.spec(), dna({{"m.oneof", C(1)}, {"m.oneof[1].pair.manyof", M({2, 1})}})));
}

TEST(DNAEnumeration, ManyOfVariantsEnumerateOnlyValidTuples) {
  const std::string four = "relu, gelu, tanh, silu";
  Space sortedDistinct = space(manyOfBody(2, four, "sorted = true"));
  EXPECT_EQ(vectors(sortedDistinct.spec(), enumerate(sortedDistinct.spec())),
            (std::vector<std::vector<double>>{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}}));
  Space sortedRepeats = space(manyOfBody(2, "relu, gelu, tanh", "distinct = false, sorted = true"));
  EXPECT_EQ(vectors(sortedRepeats.spec(), enumerate(sortedRepeats.spec())),
            (std::vector<std::vector<double>>{{0, 0}, {0, 1}, {0, 2}, {1, 1}, {1, 2}, {2, 2}}));
  Space any = space(manyOfBody(2, "relu, gelu, tanh", "distinct = false"));
  EXPECT_EQ(vectors(any.spec(), enumerate(any.spec())),
            (std::vector<std::vector<double>>{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}}));
}

TEST(DNAEnumeration, ResumesFromAnyDNA) {
  // Enumerating on from the i-th DNA gives the rest of the sequence.
  Space s = space(kNested);
  std::vector<DNA> all = enumerate(s.spec());
  for (size_t i = 0; i + 1 < all.size(); ++i)
    EXPECT_EQ(nas::nextDNA(s.spec(), all[i]), all[i + 1]) << i;
  EXPECT_FALSE(nas::nextDNA(s.spec(), all.back()));
}

//===----------------------------------------------------------------------===//
// Validation: each problem names its decision.
//===----------------------------------------------------------------------===//

#define EXPECT_PROBLEM_NAMES(problem, path)                                                                            \
  do {                                                                                                                 \
    std::string p_ = (problem);                                                                                        \
    EXPECT_NE(p_, "");                                                                                                 \
    EXPECT_NE(p_.find(std::string("'") + (path) + "'"), std::string::npos) << p_;                                      \
  } while (0)

TEST(DNAValidate, AcceptsValidDNA) {
  Space s = space(kNested);
  EXPECT_EQ(nas::validate(s.spec(), dna({{"m.oneof", C(0)}, {"m.optional", C(1)}})), "");
  EXPECT_EQ(nas::validate(s.spec(), dna({{"m.oneof", C(2)}, {"m.oneof[2].int", I(4)}, {"m.optional", C(0)}})), "");
  Space f = space(kFloats);
  EXPECT_EQ(nas::validate(f.spec(), dna({{"m.floatv", F(0.1)}, {"m.floatv2", F(0.1)}, {"m.act", C(1)}})), "");
}

TEST(DNAValidate, ChoiceIndexOutOfRange) {
  Space s = space(kTwoLets);
  std::string p = nas::validate(s.spec(), dna({{"m.width", C(3)}, {"m.act", C(0)}}));
  EXPECT_PROBLEM_NAMES(p, "m.width");
  EXPECT_NE(p.find("3"), std::string::npos) << p;
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.width", C(0)}, {"m.act", C(-1)}})), "m.act");
  // A choice needs exactly one index.
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.width", M({0, 1})}, {"m.act", C(0)}})), "m.width");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.width", M({})}, {"m.act", C(0)}})), "m.width");
}

TEST(DNAValidate, IntOutOfRange) {
  Space s = space(kRepeat);
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.repeat", I(0)}})), "m.repeat");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.repeat", I(4)}})), "m.repeat");
  Space n = space(kNested);
  EXPECT_PROBLEM_NAMES(
      nas::validate(n.spec(), dna({{"m.oneof", C(2)}, {"m.oneof[2].int", I(5)}, {"m.optional", C(0)}})),
      "m.oneof[2].int");
}

TEST(DNAValidate, MissingValue) {
  Space s = space(kRepeat);
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.repeat", I(2)}, {"m.repeat[0].oneof", C(0)}})),
                       "m.repeat[1].oneof");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), DNA{}), "m.repeat");
  Space n = space(kNested);
  EXPECT_PROBLEM_NAMES(nas::validate(n.spec(), dna({{"m.oneof", C(1)}, {"m.optional", C(0)}})), "m.oneof[1].oneof");
  EXPECT_PROBLEM_NAMES(nas::validate(n.spec(), dna({{"m.oneof", C(0)}})), "m.optional");
}

TEST(DNAValidate, ValueForAnInactiveBranch) {
  Space s = space(kRepeat);
  EXPECT_PROBLEM_NAMES(
      nas::validate(s.spec(), dna({{"m.repeat", I(1)}, {"m.repeat[0].oneof", C(0)}, {"m.repeat[2].oneof", C(0)}})),
      "m.repeat[2].oneof");
  Space n = space(kNested);
  EXPECT_PROBLEM_NAMES(
      nas::validate(n.spec(), dna({{"m.oneof", C(0)}, {"m.oneof[2].int", I(3)}, {"m.optional", C(0)}})),
      "m.oneof[2].int");
  EXPECT_PROBLEM_NAMES(
      nas::validate(
          n.spec(),
          dna({{"m.oneof", C(1)}, {"m.oneof[1].oneof", C(0)}, {"m.oneof[2].int", I(3)}, {"m.optional", C(0)}})),
      "m.oneof[2].int");
}

TEST(DNAValidate, FloatOutOfBounds) {
  Space s = space(kFloats);
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.floatv", F(0.6)}, {"m.floatv2", F(0.01)}, {"m.act", C(0)}})),
                       "m.floatv");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.floatv", F(0.2)}, {"m.floatv2", F(0.0005)}, {"m.act", C(0)}})),
                       "m.floatv2");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.floatv", F(std::numeric_limits<double>::quiet_NaN())},
                                                    {"m.floatv2", F(0.01)},
                                                    {"m.act", C(0)}})),
                       "m.floatv");
}

TEST(DNAValidate, UnknownDecisionName) {
  Space s = space(kTwoLets);
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.width", C(0)}, {"m.act", C(0)}, {"m.depth", I(2)}})),
                       "m.depth");
}

TEST(DNAValidate, ManyOfDuplicatesWhenDistinct) {
  Space s = space(manyOfBody(2, "relu, gelu, tanh, silu", ""));
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.manyof", M({1, 1})}})), "m.manyof");
  EXPECT_EQ(nas::validate(s.spec(), dna({{"m.manyof", M({3, 1})}})), "");
  Space r = space(manyOfBody(2, "relu, gelu, tanh, silu", "distinct = false"));
  EXPECT_EQ(nas::validate(r.spec(), dna({{"m.manyof", M({1, 1})}})), "");
}

TEST(DNAValidate, ManyOfUnsortedWhenSorted) {
  Space s = space(manyOfBody(2, "relu, gelu, tanh, silu", "sorted = true"));
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.manyof", M({2, 1})}})), "m.manyof");
  EXPECT_EQ(nas::validate(s.spec(), dna({{"m.manyof", M({1, 2})}})), "");
  Space r = space(manyOfBody(2, "relu, gelu, tanh, silu", "distinct = false, sorted = true"));
  EXPECT_EQ(nas::validate(r.spec(), dna({{"m.manyof", M({2, 2})}})), "");
  EXPECT_PROBLEM_NAMES(nas::validate(r.spec(), dna({{"m.manyof", M({3, 2})}})), "m.manyof");
}

TEST(DNAValidate, ManyOfWrongCountOrIndex) {
  Space s = space(manyOfBody(2, "relu, gelu, tanh, silu", ""));
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.manyof", M({1})}})), "m.manyof");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.manyof", M({0, 1, 2})}})), "m.manyof");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.manyof", M({0, 4})}})), "m.manyof");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), dna({{"m.manyof", M({-1, 0})}})), "m.manyof");
}

TEST(DNAValidate, ActiveDecisionsInDepthFirstOrder) {
  Space n = space(kNested);
  EXPECT_EQ(
      pathsOf(nas::activeDecisions(n.spec(), dna({{"m.oneof", C(2)}, {"m.oneof[2].int", I(3)}, {"m.optional", C(0)}}))),
      "m.oneof m.oneof[2].int m.optional");
  Space r = space(kRepeat);
  EXPECT_EQ(pathsOf(nas::activeDecisions(r.spec(), dna({{"m.repeat", I(3)},
                                                        {"m.repeat[0].oneof", C(0)},
                                                        {"m.repeat[1].oneof", C(1)},
                                                        {"m.repeat[2].oneof", C(0)}}))),
            "m.repeat m.repeat[0].oneof m.repeat[1].oneof m.repeat[2].oneof");
}

//===----------------------------------------------------------------------===//
// JSON.
//===----------------------------------------------------------------------===//

TEST(DNAJSON, ExactText) {
  Space s = space(kTwoLets);
  EXPECT_EQ(nas::toJSON(s.spec(), dna({{"m.width", C(2)}, {"m.act", C(1)}})), R"({"m.act":1,"m.width":2})");
  Space r = space(kRepeat);
  EXPECT_EQ(nas::toJSON(r.spec(), dna({{"m.repeat", I(2)}, {"m.repeat[0].oneof", C(1)}, {"m.repeat[1].oneof", C(0)}})),
            R"({"m.repeat":2,"m.repeat[0].oneof":1,"m.repeat[1].oneof":0})");
  Space m = space(manyOfBody(2, "relu, gelu, tanh, silu", ""));
  EXPECT_EQ(nas::toJSON(m.spec(), dna({{"m.manyof", M({3, 0})}})), R"({"m.manyof":[3,0]})");
  Space f = space(kFloats);
  EXPECT_EQ(nas::toJSON(f.spec(), dna({{"m.floatv", F(0.25)}, {"m.floatv2", F(0.1)}, {"m.act", C(0)}})),
            R"({"m.act":0,"m.floatv":0.25,"m.floatv2":0.1})");
}

TEST(DNAJSON, RoundTripsEveryDNAOfDiscreteSpaces) {
  for (const std::string &body : {std::string(kTwoLets), std::string(kRepeat), std::string(kNested),
                                  manyOfBody(3, "relu, gelu, tanh, silu", "distinct = false")}) {
    Space s = space(body);
    for (const DNA &d : enumerate(s.spec())) {
      std::string json = nas::toJSON(s.spec(), d), error;
      std::optional<DNA> back = nas::fromJSON(s.spec(), json, error);
      ASSERT_TRUE(back) << json << ": " << error;
      EXPECT_EQ(*back, d) << json;
      EXPECT_EQ(error, "");
    }
  }
}

TEST(DNAJSON, RoundTripsFloatsExactly) {
  Space s = space(kFloats);
  for (uint64_t seed = 0; seed < 200; ++seed) {
    DNA d = nas::randomDNA(s.spec(), seed);
    std::string json = nas::toJSON(s.spec(), d), error;
    std::optional<DNA> back = nas::fromJSON(s.spec(), json, error);
    ASSERT_TRUE(back) << json << ": " << error;
    EXPECT_EQ(*back, d) << json;
  }
}

TEST(DNAJSON, ParsesWithWhitespaceAndLabels) {
  Space s = space(kTwoLets);
  std::string error;
  EXPECT_EQ(nas::fromJSON(s.spec(), " { \"m.width\" : 1 ,\n \"m.act\": 2 } ", error),
            dna({{"m.width", C(1)}, {"m.act", C(2)}}))
      << error;
  // A candidate may be named by its label.
  EXPECT_EQ(nas::fromJSON(s.spec(), R"({"m.width": 0, "m.act": "gelu"})", error),
            dna({{"m.width", C(0)}, {"m.act", C(1)}}))
      << error;
}

TEST(DNAJSON, RejectsWithAMessage) {
  Space s = space(kTwoLets);
  std::string error;
  EXPECT_FALSE(nas::fromJSON(s.spec(), "{\"m.width\": 1,", error));
  EXPECT_NE(error, "");
  error.clear();
  EXPECT_FALSE(nas::fromJSON(s.spec(), "[1, 2]", error));
  EXPECT_NE(error, "");
  error.clear();
  EXPECT_FALSE(nas::fromJSON(s.spec(), R"({"m.width": 1, "m.act": 0, "m.depth": 3})", error));
  EXPECT_PROBLEM_NAMES(error, "m.depth");
  error.clear();
  EXPECT_FALSE(nas::fromJSON(s.spec(), R"({"m.width": 5, "m.act": 0})", error));
  EXPECT_PROBLEM_NAMES(error, "m.width");
  error.clear();
  EXPECT_FALSE(nas::fromJSON(s.spec(), R"({"m.width": 1})", error));
  EXPECT_PROBLEM_NAMES(error, "m.act");
  error.clear();
  EXPECT_FALSE(nas::fromJSON(s.spec(), R"({"m.width": 1.5, "m.act": 0})", error));
  EXPECT_PROBLEM_NAMES(error, "m.width");
  error.clear();
  EXPECT_FALSE(nas::fromJSON(s.spec(), R"({"m.width": 1, "m.act": "swish"})", error));
  EXPECT_PROBLEM_NAMES(error, "m.act");

  Space r = space(kRepeat);
  error.clear();
  EXPECT_FALSE(nas::fromJSON(r.spec(), R"({"m.repeat": 1, "m.repeat[0].oneof": 0, "m.repeat[1].oneof": 1})", error));
  EXPECT_PROBLEM_NAMES(error, "m.repeat[1].oneof");
  Space m = space(manyOfBody(2, "relu, gelu, tanh, silu", "sorted = true"));
  error.clear();
  EXPECT_FALSE(nas::fromJSON(m.spec(), R"({"m.manyof": 2})", error));
  EXPECT_PROBLEM_NAMES(error, "m.manyof");
  error.clear();
  EXPECT_FALSE(nas::fromJSON(m.spec(), R"({"m.manyof": [2, 1]})", error));
  EXPECT_PROBLEM_NAMES(error, "m.manyof");
}

//===----------------------------------------------------------------------===//
// Flat vectors.
//===----------------------------------------------------------------------===//

TEST(DNAVector, DepthFirstOrderOfTheActivePath) {
  Space r = space(kRepeat);
  DNA d = dna({{"m.repeat", I(2)}, {"m.repeat[0].oneof", C(1)}, {"m.repeat[1].oneof", C(0)}});
  EXPECT_EQ(nas::toVector(r.spec(), d), (std::vector<double>{2, 1, 0}));
  Space n = space(kNested);
  EXPECT_EQ(nas::toVector(n.spec(), dna({{"m.oneof", C(2)}, {"m.oneof[2].int", I(4)}, {"m.optional", C(1)}})),
            (std::vector<double>{2, 4, 1}));
  Space m = space(manyOfBody(3, "relu, gelu, tanh, silu", ""));
  EXPECT_EQ(nas::toVector(m.spec(), dna({{"m.manyof", M({3, 0, 2})}})), (std::vector<double>{3, 0, 2}));
  Space f = space(kFloats);
  EXPECT_EQ(nas::toVector(f.spec(), dna({{"m.floatv", F(0.25)}, {"m.floatv2", F(0.01)}, {"m.act", C(1)}})),
            (std::vector<double>{0.25, 0.01, 1}));
}

TEST(DNAVector, RoundTrips) {
  for (const std::string &body : {std::string(kTwoLets), std::string(kRepeat), std::string(kNested),
                                  manyOfBody(2, "relu, gelu, tanh, silu", "sorted = true")}) {
    Space s = space(body);
    for (const DNA &d : enumerate(s.spec())) {
      std::string error;
      std::optional<DNA> back = nas::fromVector(s.spec(), nas::toVector(s.spec(), d), error);
      ASSERT_TRUE(back) << nas::toJSON(s.spec(), d) << ": " << error;
      EXPECT_EQ(*back, d);
    }
  }
  Space f = space(kFloats);
  for (uint64_t seed = 0; seed < 100; ++seed) {
    DNA d = nas::randomDNA(f.spec(), seed);
    std::string error;
    EXPECT_EQ(nas::fromVector(f.spec(), nas::toVector(f.spec(), d), error), d) << error;
  }
}

TEST(DNAVector, RejectsWithAMessage) {
  Space r = space(kRepeat);
  std::string error;
  EXPECT_FALSE(nas::fromVector(r.spec(), {2, 1}, error)); // repetition 1 has no value
  EXPECT_PROBLEM_NAMES(error, "m.repeat[1].oneof");
  error.clear();
  EXPECT_FALSE(nas::fromVector(r.spec(), {1, 0, 1}, error)); // one number too many
  EXPECT_NE(error, "");
  error.clear();
  EXPECT_FALSE(nas::fromVector(r.spec(), {4, 0, 0, 0, 0}, error));
  EXPECT_PROBLEM_NAMES(error, "m.repeat");
  error.clear();
  EXPECT_FALSE(nas::fromVector(r.spec(), {1, 0.5}, error));
  EXPECT_PROBLEM_NAMES(error, "m.repeat[0].oneof");
  error.clear();
  EXPECT_FALSE(nas::fromVector(r.spec(), {1, 2}, error));
  EXPECT_PROBLEM_NAMES(error, "m.repeat[0].oneof");
  error.clear();
  EXPECT_FALSE(nas::fromVector(r.spec(), {}, error));
  EXPECT_PROBLEM_NAMES(error, "m.repeat");
  Space m = space(manyOfBody(2, "relu, gelu, tanh, silu", ""));
  error.clear();
  EXPECT_FALSE(nas::fromVector(m.spec(), {1, 1}, error));
  EXPECT_PROBLEM_NAMES(error, "m.manyof");
}

//===----------------------------------------------------------------------===//
// Random DNA.
//===----------------------------------------------------------------------===//

TEST(DNARandom, SameSeedSameDNA) {
  for (const char *body : {kRepeat, kNested, kFloats}) {
    Space s = space(body);
    std::set<std::string> distinct;
    for (uint64_t seed = 0; seed < 50; ++seed) {
      DNA a = nas::randomDNA(s.spec(), seed);
      EXPECT_EQ(a, nas::randomDNA(s.spec(), seed));
      // The same space built again gives the same DNA too.
      Space again = space(body);
      EXPECT_EQ(a, nas::randomDNA(again.spec(), seed));
      distinct.insert(nas::toJSON(s.spec(), a));
    }
    EXPECT_GT(distinct.size(), 5u) << body; // seeds matter
  }
}

TEST(DNARandom, AlwaysValid) {
  for (const std::string &body :
       {std::string(kTwoLets), std::string(kRepeat), std::string(kNested), std::string(kFloats),
        manyOfBody(2, "relu, gelu, tanh, silu", "sorted = true"), manyOfBody(3, "relu, gelu, tanh, silu", ""),
        manyOfBody(3, "relu, gelu, tanh", "distinct = false, sorted = true"),
        manyOfBody(4, "relu, gelu, tanh, silu", "distinct = false"),
        std::string("h = x\nrepeat oneof(0, 2) { h = oneof(relu, tanh, gelu)(h) }\nreturn dense(h, 4)")}) {
    Space s = space(body);
    for (uint64_t seed = 0; seed < 1000; ++seed) {
      DNA d = nas::randomDNA(s.spec(), seed);
      ASSERT_EQ(nas::validate(s.spec(), d), "") << body << "\nseed " << seed << ": " << nas::toJSON(s.spec(), d);
    }
  }
}

TEST(DNARandom, CoversEveryCandidate) {
  // 1000 seeds reach all 14 DNAs of the conditional space (the rarest has
  // probability 1/24) and all 12 ordered pairs of a distinct manyof.
  struct Case {
    std::string body;
    size_t size;
  } cases[] = {{kRepeat, 14},
               {kNested, 14},
               {manyOfBody(2, "relu, gelu, tanh, silu", ""), 12},
               {manyOfBody(2, "relu, gelu, tanh, silu", "distinct = false, sorted = true"), 10}};
  for (const Case &c : cases) {
    Space s = space(c.body);
    std::set<std::string> seen;
    for (uint64_t seed = 0; seed < 1000; ++seed)
      seen.insert(nas::toJSON(s.spec(), nas::randomDNA(s.spec(), seed)));
    EXPECT_EQ(seen.size(), c.size) << c.body;
    for (const DNA &d : enumerate(s.spec()))
      EXPECT_TRUE(seen.count(nas::toJSON(s.spec(), d))) << "never drawn: " << nas::toJSON(s.spec(), d);
  }
}

TEST(DNARandom, UniformChoicesAndFloatsOnTheirScale) {
  Space s = space(kFloats);
  int belowLinearMiddle = 0, belowLogMiddle = 0, firstAct = 0;
  const int n = 2000;
  for (uint64_t seed = 0; seed < n; ++seed) {
    DNA d = nas::randomDNA(s.spec(), seed);
    double lin = d.values.at("m.floatv").number, lg = d.values.at("m.floatv2").number;
    ASSERT_GE(lin, 0.1);
    ASSERT_LE(lin, 0.5);
    ASSERT_GE(lg, 0.001);
    ASSERT_LE(lg, 0.1);
    belowLinearMiddle += lin < 0.3;
    belowLogMiddle += lg < 0.01; // the geometric middle of [0.001, 0.1]
    firstAct += d.values.at("m.act").indices.at(0) == 0;
  }
  EXPECT_NEAR(belowLinearMiddle, n / 2, n / 10);
  EXPECT_NEAR(belowLogMiddle, n / 2, n / 10);
  EXPECT_NEAR(firstAct, n / 2, n / 10);
}

TEST(DNARandom, RepeatDepthIsUniform) {
  // Each decision is drawn uniformly: the depth is 1, 2 or 3 about equally.
  Space s = space(kRepeat);
  int depth[4] = {0, 0, 0, 0};
  const int n = 3000;
  for (uint64_t seed = 0; seed < n; ++seed) {
    int64_t v = nas::randomDNA(s.spec(), seed).values.at("m.repeat").integer;
    ASSERT_GE(v, 1);
    ASSERT_LE(v, 3);
    ++depth[v];
  }
  for (int v = 1; v <= 3; ++v)
    EXPECT_NEAR(depth[v], n / 3, n / 15) << v;
}

TEST(DNARandom, SortedManyOfWithRepeatsIsUniform) {
  // "each active decision drawn uniformly": 2 of 3 sorted with repeats has 6
  // values ([0,0], [0,1], [0,2], [1,1], [1,2], [2,2]), each about 1/6.
  Space s = space(manyOfBody(2, "relu, gelu, tanh", "distinct = false, sorted = true"));
  std::map<std::vector<int64_t>, int> count;
  const int n = 6000;
  for (uint64_t seed = 0; seed < n; ++seed)
    ++count[nas::randomDNA(s.spec(), seed).values.at("m.manyof").indices];
  EXPECT_EQ(count.size(), 6u);
  for (const auto &[indices, c] : count)
    EXPECT_NEAR(c, n / 6, n / 30) << "[" << indices[0] << ", " << indices[1] << "]";
}

//===----------------------------------------------------------------------===//
// Larger conditional spaces: enumeration, random DNA and both forms agree.
//===----------------------------------------------------------------------===//

TEST(DNAConditional, SpacesOfKnownSize) {
  struct Case {
    const char *body, *blocks;
    size_t size;
  } cases[] = {
      // One count shared by two loops: 2*3 + (2*3)^2 + (2*3)^3.
      {"let d = int(1, 3)\nh = x\nrepeat d { h = oneof(relu, tanh)(h) }\nrepeat d { h = oneof(relu, gelu, tanh)(h) }\n"
       "return dense(h, 4)",
       "", 258},
      // A decided depth inside a candidate: 1 + (1 + 2 + 4).
      {"h = oneof(relu, deep)(x)\nreturn dense(h, 4)",
       "block deep(x) {\n h = x\n repeat int(0, 2) { h = oneof(relu, tanh)(h) }\n return h\n}", 8},
      // A decision in each iteration over a manyof: 6 * 2 * 2.
      {"h = x\nfor a in manyof(2, relu, gelu, tanh) { h = a(oneof(dense(h, 8), h)) }\nreturn dense(h, 4)", "", 24},
      // optional in each repetition: 3 + 9.
      {"h = x\nrepeat int(1, 2) { optional { h = oneof(relu, tanh)(h) } }\nreturn dense(h, 4)", "", 12},
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.body);
    Space s = space(c.body, c.blocks);
    expectEnumeratesExactly(s, c.size);
    std::set<std::string> all;
    for (const DNA &d : enumerate(s.spec())) {
      all.insert(nas::toJSON(s.spec(), d));
      std::string error;
      EXPECT_EQ(nas::fromVector(s.spec(), nas::toVector(s.spec(), d), error), d) << error;
      EXPECT_EQ(nas::fromJSON(s.spec(), nas::toJSON(s.spec(), d), error), d) << error;
    }
    for (uint64_t seed = 0; seed < 300; ++seed) {
      DNA d = nas::randomDNA(s.spec(), seed);
      EXPECT_TRUE(all.count(nas::toJSON(s.spec(), d))) << nas::toJSON(s.spec(), d);
    }
  }
}

TEST(DNAConditional, SharedCountActivatesBothLoops) {
  Space s = space("let d = int(1, 3)\nh = x\nrepeat d { h = oneof(relu, tanh)(h) }\n"
                  "repeat d { h = oneof(relu, gelu, tanh)(h) }\nreturn dense(h, 4)");
  DNA d = dna({{"m.d", I(2)},
               {"m.repeat[0].oneof", C(1)},
               {"m.repeat[1].oneof", C(0)},
               {"m.repeat2[0].oneof", C(2)},
               {"m.repeat2[1].oneof", C(1)}});
  EXPECT_EQ(nas::validate(s.spec(), d), "") << s.tree();
  d.values.erase("m.repeat2[1].oneof");
  EXPECT_PROBLEM_NAMES(nas::validate(s.spec(), d), "m.repeat2[1].oneof");
}
