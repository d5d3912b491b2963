//===- SafeTensorsFuzzer.cpp - libFuzzer target over the safetensors reader ===//
//
// The input is a whole safetensors file. Parsing must give a file or an
// error, never a crash, a hang or a huge allocation; a file that parses must
// serialize to one that parses to the same tensors and metadata, and
// serializing that again must give the same bytes (the layout is canonical).
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/SafeTensors.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

bool sameContents(const nas::TensorFile &a, const nas::TensorFile &b) {
  if (a.tensors.size() != b.tensors.size() || a.metadata != b.metadata)
    return false;
  for (const nas::Tensor &t : a.tensors) {
    const nas::Tensor *other = b.find(t.name);
    if (!other || !(*other == t))
      return false;
  }
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::vector<uint8_t> file(data, data + size);
  std::string error;
  std::optional<nas::TensorFile> parsed = nas::parseSafeTensors(file, error);
  if (!parsed) {
    if (error.empty())
      std::abort(); // every failure says why
    return 0;
  }
  if (!nas::checkTensorFile(*parsed, error))
    std::abort(); // what parses can be written
  std::vector<uint8_t> bytes = nas::serializeSafeTensors(*parsed);
  std::optional<nas::TensorFile> again = nas::parseSafeTensors(bytes, error);
  if (!again || !sameContents(*parsed, *again))
    std::abort();
  if (nas::serializeSafeTensors(*again) != bytes)
    std::abort();
  return 0;
}
