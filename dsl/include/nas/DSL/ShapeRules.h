//===- ShapeRules.h - The size arithmetic of the built-in ops ---*- C++ -*-===//
//
// The one place where the sizes an op produces are computed: windows
// (conv2d, pools), same padding, flatten, concat and broadcasting. The
// semantic checks (on sizes that may not be known yet) and the `nn`
// dialect's shape inference (on MLIR types) both call these, and each words
// its own message when a rule says no.
//
// A size is std::optional<int64_t>: nullopt while it is not known (it
// depends on a decision, or on the batch).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_DSL_SHAPERULES_H
#define NAS_DSL_SHAPERULES_H

#include <cstdint>
#include <optional>
#include <vector>

namespace nas::shapes {

using Size = std::optional<int64_t>;

/// The output extent of a sliding window along one axis, as PyTorch's
/// conv2d and pools compute it: (size + 2 padding - dilation (kernel - 1) - 1)
/// / stride + 1. Unknown when any input is; negative when the window does not
/// fit the padded input.
inline Size windowOutput(Size size, Size kernel, Size stride, Size padding, Size dilation) {
  if (!size || !kernel || !stride || !padding || !dilation || *stride < 1)
    return std::nullopt;
  int64_t extent = *size + 2 * *padding - *dilation * (*kernel - 1) - 1;
  return extent < 0 ? -1 : extent / *stride + 1;
}

/// `same` padding keeps the extent at stride 1: dilation (kernel - 1) / 2.
/// It exists for odd kernels only (nullopt for an even one).
inline std::optional<int64_t> samePadding(int64_t kernel, int64_t dilation) {
  if (kernel % 2 == 0)
    return std::nullopt;
  return dilation * (kernel - 1) / 2;
}

/// flatten: the product of every dimension after the batch.
inline Size flattenedSize(const std::vector<Size> &trailing) {
  int64_t product = 1;
  for (Size s : trailing) {
    if (!s)
      return std::nullopt;
    product *= *s;
  }
  return product;
}

/// concat: the extent along the axis is the sum of the parts.
inline Size concatenatedSize(const std::vector<Size> &parts) {
  int64_t total = 0;
  for (Size s : parts) {
    if (!s)
      return std::nullopt;
    total += *s;
  }
  return total;
}

/// One dimension of two operands that must agree (add; concat off its
/// axis): the known size of the two, or `conflict` when both are known and
/// differ.
struct JoinedDim {
  bool conflict = false;
  Size size;
};
inline JoinedDim equalDim(Size a, Size b) {
  if (a && b && *a != *b)
    return {true, std::nullopt};
  return {false, a ? a : b};
}

/// Broadcasting as NumPy does it, one dimension: a size of 1 stretches to
/// the other; two known sizes other than 1 must agree. Unknown stays unknown
/// unless the other side decides (a known size above 1 is the result
/// whatever the unknown one is, if they fit at all).
inline JoinedDim broadcastDim(Size a, Size b) {
  if (a && *a == 1)
    return {false, b};
  if (b && *b == 1)
    return {false, a};
  if (a && b)
    return *a == *b ? JoinedDim{false, a} : JoinedDim{true, std::nullopt};
  return {false, a ? a : b};
}

/// Broadcasts two shapes, aligned at their last dimension. `conflictAt` is
/// the dimension of the result that cannot be broadcast, or -1.
inline std::vector<Size> broadcastShapes(const std::vector<Size> &a, const std::vector<Size> &b, int64_t &conflictAt) {
  size_t rank = a.size() > b.size() ? a.size() : b.size();
  std::vector<Size> out(rank);
  conflictAt = -1;
  for (size_t i = 0; i < rank; ++i) {
    Size x = i < rank - a.size() ? Size(1) : a[i - (rank - a.size())];
    Size y = i < rank - b.size() ? Size(1) : b[i - (rank - b.size())];
    JoinedDim d = broadcastDim(x, y);
    if (d.conflict && conflictAt < 0)
      conflictAt = static_cast<int64_t>(i);
    out[i] = d.size;
  }
  return out;
}

} // namespace nas::shapes

#endif // NAS_DSL_SHAPERULES_H
