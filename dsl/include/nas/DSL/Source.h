//===- Source.h - A .nas file and positions in it ---------------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_SOURCE_H
#define NAS_DSL_SOURCE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nas::dsl {

/// A 1-based line and column (columns count bytes).
struct Position {
  uint32_t line = 0, column = 0;
};

/// A half-open byte range [begin, end) of one source file.
struct SourceRange {
  uint32_t begin = 0, end = 0;
  static SourceRange cover(SourceRange a, SourceRange b) {
    return {a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
  }
};

class SourceFile {
public:
  SourceFile(std::string name, std::string text);

  const std::string &name() const { return name_; }
  std::string_view text() const { return text_; }
  Position position(uint32_t offset) const;
  /// The text of a 1-based line, without its line break.
  std::string_view lineText(uint32_t line) const;
  std::string_view slice(SourceRange range) const;

private:
  std::string name_, text_;
  std::vector<uint32_t> lineStarts_;
};

} // namespace nas::dsl

#endif // NAS_DSL_SOURCE_H
