//===- KeyFormat.h - A text made from a DNA's decisions ---------*- C++ -*-===//
//
// A key format names a candidate the way a table or a benchmark does:
// literal text with `{decision}` placeholders, each replaced by the value
// that the DNA gives that decision. NAS-Bench-201's cell string is
//   |{e1_0}~0|+|{e2_0}~0|{e2_1}~1|+|{e3_0}~0|{e3_1}~1|{e3_2}~2|
// A placeholder is a decision's full path (`nasbench201.e1_0`) or the end
// of exactly one path after a dot (`e1_0`). `{{` and `}}` are literal
// braces. A one-of renders its candidate's label, an int its value, a float
// its shortest text, an optional `true` or `false`, a many-of its labels
// joined by commas; a decision that the DNA leaves inactive renders as "".
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_KEYFORMAT_H
#define NAS_SEARCH_KEYFORMAT_H

#include "nas/Search/DNA.h"

#include <optional>
#include <string>
#include <vector>

namespace nas {

class KeyFormat {
public:
  /// Parses `text` against `space`; nullopt and `error` (with `errorOffset`,
  /// the byte in `text` where the problem starts) when a placeholder is
  /// unclosed, empty, unknown or ambiguous.
  static std::optional<KeyFormat> parse(const std::string &text, const DecisionSpace &space, std::string &error,
                                        size_t *errorOffset = nullptr);

  /// The key of `dna`, which must fit the space the format was parsed with.
  std::string render(const DNA &dna) const;
  /// The format as written.
  const std::string &text() const { return text_; }

private:
  struct Piece {
    std::string literal;                     // text before the placeholder
    const DecisionPoint *decision = nullptr; // null for the trailing text
  };
  std::string text_;
  std::vector<Piece> pieces_;
};

} // namespace nas

#endif // NAS_SEARCH_KEYFORMAT_H
