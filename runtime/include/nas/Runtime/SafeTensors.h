//===- SafeTensors.h - The safetensors file format --------------*- C++ -*-===//
//
// Reads and writes https://github.com/huggingface/safetensors files: an
// 8-byte little-endian header size N, N bytes of JSON
//   {"__metadata__": {"key": "value", ...},
//    "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}, ...}
// then the tensors' bytes (little-endian, row-major), the offsets relative to
// the start of that buffer.
//
// The reader is as strict as the reference implementation: the tensors must
// tile the buffer exactly, with no gap, overlap or trailing byte, and each
// one's byte count must be its element count times its dtype's size. Every
// malformed input gives an error that names the problem and the tensor.
//
// The writer lays files out as the reference (the Python `safetensors`
// package) does: tensors sorted by descending dtype alignment, then by name;
// "__metadata__" first in the header, then the tensors in buffer order;
// compact JSON padded with spaces to a multiple of 8 bytes. The only freedom
// left is the order of the metadata entries, which the reference takes from a
// hash map; here they are sorted by key.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_SAFETENSORS_H
#define NAS_RUNTIME_SAFETENSORS_H

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nas {

/// One tensor: its bytes as stored in the file (little-endian, row-major).
struct Tensor {
  std::string name;
  std::string dtype; // "F32", "I32", "I64", "F64", ... (see dtypeBits)
  std::vector<int64_t> shape;
  std::vector<uint8_t> bytes;

  /// The product of the shape (1 for a scalar, shape []).
  int64_t elementCount() const;
  bool operator==(const Tensor &) const = default;
};

struct TensorFile {
  /// In buffer order when parsed; any order when written.
  std::vector<Tensor> tensors;
  std::map<std::string, std::string> metadata;

  /// The tensor called `name`, or null.
  const Tensor *find(std::string_view name) const;
};

/// The width of one element of `dtype` in bits (BOOL is a byte; F4 is 4 and
/// the F6 types 6 bits), or nullopt for a name the format does not define.
std::optional<int> dtypeBits(std::string_view dtype);

/// Parses a whole safetensors file. On failure returns nullopt and says in
/// `error` what is wrong, naming the tensor where one is at fault.
std::optional<TensorFile> parseSafeTensors(const std::vector<uint8_t> &file, std::string &error);

/// Reads and parses the file at `path`; errors start with the path.
std::optional<TensorFile> readSafeTensors(const std::string &path, std::string &error);

/// Whether `file` can be written: unique, valid UTF-8 names other than
/// "__metadata__", known dtypes, non-negative shapes and byte counts that
/// match them, UTF-8 metadata. Says in `error` what is wrong otherwise.
bool checkTensorFile(const TensorFile &file, std::string &error);

/// The file's bytes, laid out as the reference writer lays them out. For a
/// file that fails checkTensorFile the result is unspecified (but the call
/// is safe).
std::vector<uint8_t> serializeSafeTensors(const TensorFile &file);

/// Checks and serializes `file` and writes it to `path` atomically: to a
/// temporary file beside it, then renamed over it.
bool writeSafeTensors(const std::string &path, const TensorFile &file, std::string &error);

/// An F32 tensor of `shape` holding `values` (whose size must be the product
/// of the shape).
Tensor makeF32Tensor(std::string name, std::vector<int64_t> shape, const std::vector<float> &values);
/// An I32 tensor of `shape` holding `values`.
Tensor makeI32Tensor(std::string name, std::vector<int64_t> shape, const std::vector<int32_t> &values);

/// The values of an F32 tensor; nullopt and `error` for another dtype or a
/// byte count that is not the shape's.
std::optional<std::vector<float>> tensorAsFloats(const Tensor &tensor, std::string &error);
/// The values of an I32 tensor; nullopt and `error` otherwise.
std::optional<std::vector<int32_t>> tensorAsInt32(const Tensor &tensor, std::string &error);

} // namespace nas

#endif // NAS_RUNTIME_SAFETENSORS_H
