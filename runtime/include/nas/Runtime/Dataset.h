//===- Dataset.h - Training data in memory ----------------------*- C++ -*-===//
//
// Images as one contiguous float array (N x C x H x W, scaled to [0, 1]) and
// integer labels, loaded from IDX files (the MNIST family, gzip or plain) or
// CSV, with a seeded train/validation split and per-epoch shuffling. Batches
// are gathered into caller-owned buffers: no allocation per sample.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_DATASET_H
#define NAS_RUNTIME_DATASET_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nas {

struct Dataset {
  int64_t count = 0, channels = 1, height = 0, width = 0;
  int32_t classes = 0; // one more than the largest label
  std::vector<float> images;
  std::vector<int32_t> labels;
  int64_t sampleSize() const { return channels * height * width; }
};

/// Parses an IDX image file (magic 0x00000803: count, rows, columns, then
/// bytes) and its IDX label file (magic 0x00000801: count, then bytes).
/// On failure returns nullopt and says what is wrong with which file.
std::optional<Dataset> parseIDX(const std::vector<uint8_t> &images, const std::vector<uint8_t> &labels,
                                std::string &error);

/// Reads a file, gunzipping it when it is gzip. nullopt and `error` on failure.
std::optional<std::vector<uint8_t>> readMaybeGzip(const std::string &path, std::string &error);

/// The MNIST-family layout: DIR/train-images-idx3-ubyte(.gz) and friends, or
/// t10k-* for the test set.
std::optional<Dataset> loadIDXDirectory(const std::string &directory, bool train, std::string &error);

/// A CSV file with a header line, the label in the first column and one
/// pixel value (0-255) per further column; images are 1 x side x side when
/// the pixel count is a square, else 1 x 1 x count.
std::optional<Dataset> parseCSV(const std::string &text, std::string &error);

/// Where the data a train section names lives: fashion_mnist and mnist are
/// Debian's packages (/usr/share/datasets/...); anything else is a directory.
std::string datasetDirectory(const std::string &data);

/// Splits [0, count) into training and validation indices: a seeded
/// permutation, the last `validationFraction` of it held out.
struct Split {
  std::vector<int64_t> train, validation;
};
Split splitIndices(int64_t count, double validationFraction, uint64_t seed);

/// Shuffles `indices` in place, the same way for the same seed and epoch on
/// every machine.
void shuffleIndices(std::vector<int64_t> &indices, uint64_t seed, uint64_t epoch);

/// Copies the samples indices[begin, end) into `images` (count x sampleSize)
/// and `labels`.
void gatherBatch(const Dataset &data, const std::vector<int64_t> &indices, size_t begin, size_t end, float *images,
                 int32_t *labels);

} // namespace nas

#endif // NAS_RUNTIME_DATASET_H
