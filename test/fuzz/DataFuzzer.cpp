//===- DataFuzzer.cpp - libFuzzer target over the data file parsers -------===//
//
// The first byte chooses the format: even, an IDX image file and label file
// (the second byte says where the input splits into the two); odd, a CSV file.
// Bad data must give an error, never a crash, a hang or a huge allocation.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/Dataset.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2)
    return 0;
  std::string error;
  if (data[0] % 2 == 0) {
    size_t split = 2 + (size - 2) * data[1] / 255;
    std::vector<uint8_t> images(data + 2, data + split), labels(data + split, data + size);
    (void)nas::parseIDX(images, labels, error);
  } else {
    (void)nas::parseCSV(std::string(reinterpret_cast<const char *>(data + 1), size - 1), error);
  }
  return 0;
}
