//===- Dataset.cpp - Training data in memory ------------------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/Dataset.h"

#include "nas/Search/Random.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <sstream>
#include <sys/stat.h>

namespace nas {
namespace {

uint32_t bigEndian(const std::vector<uint8_t> &bytes, size_t offset) {
  return (uint32_t(bytes[offset]) << 24) | (uint32_t(bytes[offset + 1]) << 16) | (uint32_t(bytes[offset + 2]) << 8) |
         uint32_t(bytes[offset + 3]);
}

bool exists(const std::string &path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0;
}

} // namespace

std::optional<Dataset> parseIDX(const std::vector<uint8_t> &images, const std::vector<uint8_t> &labels,
                                std::string &error) {
  if (images.size() < 16) {
    error = "the image file is too short for an IDX header (" + std::to_string(images.size()) + " bytes)";
    return std::nullopt;
  }
  if (labels.size() < 8) {
    error = "the label file is too short for an IDX header (" + std::to_string(labels.size()) + " bytes)";
    return std::nullopt;
  }
  if (bigEndian(images, 0) != 0x00000803) {
    error = "the image file is not an IDX image file (magic 0x00000803 expected)";
    return std::nullopt;
  }
  if (bigEndian(labels, 0) != 0x00000801) {
    error = "the label file is not an IDX label file (magic 0x00000801 expected)";
    return std::nullopt;
  }
  Dataset data;
  data.count = bigEndian(images, 4);
  data.height = bigEndian(images, 8);
  data.width = bigEndian(images, 12);
  int64_t labelCount = bigEndian(labels, 4);
  if (labelCount != data.count) {
    error = "the image file has " + std::to_string(data.count) + " images but the label file " +
            std::to_string(labelCount) + " labels";
    return std::nullopt;
  }
  // Three 32-bit fields multiply to up to 96 bits.
  unsigned __int128 wanted = static_cast<unsigned __int128>(data.count) * data.height * data.width;
  if (wanted > images.size() - 16) {
    error = "the image file is truncated: " + std::to_string(data.count) + " images of " + std::to_string(data.height) +
            "x" + std::to_string(data.width) + " pixels need more than the " + std::to_string(images.size() - 16) +
            " bytes present";
    return std::nullopt;
  }
  uint64_t pixels = static_cast<uint64_t>(wanted);
  if (labels.size() - 8 < uint64_t(data.count)) {
    error = "the label file is truncated: " + std::to_string(data.count) + " labels expected, " +
            std::to_string(labels.size() - 8) + " present";
    return std::nullopt;
  }
  data.images.resize(pixels);
  for (uint64_t i = 0; i < pixels; ++i)
    data.images[i] = images[16 + i] / 255.0f;
  data.labels.resize(data.count);
  for (int64_t i = 0; i < data.count; ++i) {
    data.labels[i] = labels[8 + i];
    data.classes = std::max(data.classes, data.labels[i] + 1);
  }
  return data;
}

std::optional<std::vector<uint8_t>> readMaybeGzip(const std::string &path, std::string &error) {
  // gzread passes plain files through unchanged.
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) {
    error = "cannot open '" + path + "': " + std::strerror(errno ? errno : ENOENT);
    return std::nullopt;
  }
  std::vector<uint8_t> bytes;
  uint8_t buffer[1 << 16];
  while (true) {
    int n = gzread(file, buffer, sizeof buffer);
    if (n < 0) {
      int code = 0;
      error = "cannot read '" + path + "': " + gzerror(file, &code);
      gzclose(file);
      return std::nullopt;
    }
    if (n == 0)
      break;
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  gzclose(file);
  return bytes;
}

std::optional<Dataset> loadIDXDirectory(const std::string &directory, bool train, std::string &error) {
  struct stat info;
  if (stat(directory.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    error = "'" + directory + "' is not a directory";
    return std::nullopt;
  }
  std::string prefix = directory + "/" + (train ? "train" : "t10k");
  auto find = [&](const std::string &stem) {
    for (const char *suffix : {".gz", ""})
      if (exists(prefix + stem + suffix))
        return prefix + stem + suffix;
    return std::string();
  };
  std::string imagesPath = find("-images-idx3-ubyte"), labelsPath = find("-labels-idx1-ubyte");
  if (imagesPath.empty() || labelsPath.empty()) {
    error = "'" + directory + "' has no " + (train ? "train" : "t10k") + "-images-idx3-ubyte(.gz) and " +
            (train ? "train" : "t10k") + "-labels-idx1-ubyte(.gz)";
    return std::nullopt;
  }
  std::optional<std::vector<uint8_t>> images = readMaybeGzip(imagesPath, error);
  if (!images)
    return std::nullopt;
  std::optional<std::vector<uint8_t>> labels = readMaybeGzip(labelsPath, error);
  if (!labels)
    return std::nullopt;
  std::optional<Dataset> data = parseIDX(*images, *labels, error);
  if (!data)
    error = imagesPath + ": " + error;
  return data;
}

std::optional<Dataset> parseCSV(const std::string &text, std::string &error) {
  Dataset data;
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line)) {
    error = "the CSV file is empty";
    return std::nullopt;
  }
  int64_t columns = std::count(line.begin(), line.end(), ',') + 1;
  if (columns < 2) {
    error = "the CSV header has no pixel columns (label first, then one column per pixel)";
    return std::nullopt;
  }
  int64_t pixels = columns - 1;
  int64_t side = static_cast<int64_t>(std::llround(std::sqrt(double(pixels))));
  data.height = side * side == pixels ? side : 1;
  data.width = side * side == pixels ? side : pixels;
  int64_t lineNumber = 1;
  while (std::getline(in, line)) {
    ++lineNumber;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.empty())
      continue;
    std::istringstream fields(line);
    std::string field;
    int64_t column = 0;
    while (std::getline(fields, field, ',')) {
      char *end = nullptr;
      errno = 0;
      double value = std::strtod(field.c_str(), &end);
      if (field.empty() || *end != '\0' || errno || !std::isfinite(value)) {
        error = "line " + std::to_string(lineNumber) + ", column " + std::to_string(column + 1) + ": '" + field +
                "' is not a number";
        return std::nullopt;
      }
      if (column == 0) {
        if (value < 0 || value != std::floor(value) || value > 1e6) {
          error = "line " + std::to_string(lineNumber) + ": the label '" + field + "' is not a class number";
          return std::nullopt;
        }
        data.labels.push_back(static_cast<int32_t>(value));
        data.classes = std::max(data.classes, data.labels.back() + 1);
      } else if (column <= pixels) {
        data.images.push_back(static_cast<float>(value / 255.0));
      }
      ++column;
    }
    if (column != columns) {
      error = "line " + std::to_string(lineNumber) + " has " + std::to_string(column) + " columns, the header " +
              std::to_string(columns);
      return std::nullopt;
    }
    ++data.count;
  }
  return data;
}

Split splitIndices(int64_t count, double validationFraction, uint64_t seed) {
  std::vector<int64_t> all(count);
  for (int64_t i = 0; i < count; ++i)
    all[i] = i;
  Random random(seed ^ 0x5EED5EED5EED5EEDull);
  random.shuffle(all);
  auto held = static_cast<int64_t>(std::llround(validationFraction * count));
  Split split;
  split.train.assign(all.begin(), all.end() - held);
  split.validation.assign(all.end() - held, all.end());
  // Sorted validation indices read the data in order; training is
  // shuffled per epoch anyway.
  std::sort(split.validation.begin(), split.validation.end());
  return split;
}

void shuffleIndices(std::vector<int64_t> &indices, uint64_t seed, uint64_t epoch) {
  Random random(seed * 0x100000001B3ull + epoch);
  random.shuffle(indices);
}

void gatherBatch(const Dataset &data, const std::vector<int64_t> &indices, size_t begin, size_t end, float *images,
                 int32_t *labels) {
  const int64_t size = data.sampleSize();
  for (size_t i = begin; i < end; ++i) {
    int64_t sample = indices[i];
    std::memcpy(images + (i - begin) * size, data.images.data() + sample * size, size * sizeof(float));
    labels[i - begin] = data.labels[sample];
  }
}

std::string datasetDirectory(const std::string &data) {
  if (data == "fashion_mnist")
    return "/usr/share/datasets/fashion-mnist";
  if (data == "mnist")
    return "/usr/share/datasets/mnist";
  return data;
}

} // namespace nas
