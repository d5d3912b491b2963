//===- Format.h - Numbers and lists as people read them ---------*- C++ -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_SEARCH_FORMAT_H
#define NAS_SEARCH_FORMAT_H

#include <string>
#include <vector>

namespace nas {

/// 0.1, 1e-05, 300000: the shortest text that reads back as `x`.
std::string formatNumber(double x);
/// "a, b, c".
std::string joinNames(const std::vector<std::string> &names);

} // namespace nas

#endif // NAS_SEARCH_FORMAT_H
