//===- SafeTensors.cpp - The safetensors file format ----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/SafeTensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <set>
#include <tuple>
#include <unistd.h>

namespace nas {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

/// The reference reader's limit on the header size.
constexpr uint64_t kMaxHeaderSize = 100'000'000;

struct DtypeInfo {
  std::string_view name;
  int bits;
};

/// Every dtype the format defines, in the reference implementation's order:
/// its writer sorts tensors by descending position in this list, which puts
/// the widest (most aligned) types first.
constexpr std::array<DtypeInfo, 22> kDtypes = {{
    {"BOOL", 8},    {"F4", 4},      {"F6_E2M3", 6}, {"F6_E3M2", 6},     {"U8", 8},          {"I8", 8},
    {"F8_E5M2", 8}, {"F8_E4M3", 8}, {"F8_E8M0", 8}, {"F8_E4M3FNUZ", 8}, {"F8_E5M2FNUZ", 8}, {"I16", 16},
    {"U16", 16},    {"F16", 16},    {"BF16", 16},   {"I32", 32},        {"U32", 32},        {"F32", 32},
    {"C64", 64},    {"F64", 64},    {"I64", 64},    {"U64", 64},
}};

/// The dtype's position in kDtypes, or -1.
int dtypeRank(std::string_view dtype) {
  for (size_t i = 0; i < kDtypes.size(); ++i)
    if (kDtypes[i].name == dtype)
      return static_cast<int>(i);
  return -1;
}

/// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or
/// code points past U+10FFFF), which JSON strings must be.
bool isUTF8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
    uint8_t lead = byte(i);
    size_t length;
    uint32_t min, code;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if ((lead & 0xE0) == 0xC0) {
      length = 2, min = 0x80, code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, min = 0x800, code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, min = 0x10000, code = lead & 0x07;
    } else {
      return false;
    }
    if (text.size() - i < length)
      return false;
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80)
        return false;
      code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
      return false;
    i += length;
  }
  return true;
}

std::string quote(std::string_view name) { return "'" + std::string(name) + "'"; }

std::string shapeText(const std::vector<int64_t> &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

/// The byte count of `elements` elements of `bits` bits, or nullopt when it
/// overflows or is not a whole number of bytes (`misaligned` then says so).
std::optional<uint64_t> byteCount(uint64_t elements, int bits, bool &misaligned) {
  misaligned = false;
  uint64_t totalBits;
  if (__builtin_mul_overflow(elements, static_cast<uint64_t>(bits), &totalBits))
    return std::nullopt;
  if (totalBits % 8 != 0) {
    misaligned = true;
    return std::nullopt;
  }
  return totalBits / 8;
}

/// Strips nlohmann's "[json.exception.parse_error.101] " prefix.
std::string jsonMessage(const char *what) {
  std::string text = what;
  if (text.rfind("[json.exception.", 0) == 0) {
    size_t close = text.find("] ");
    if (close != std::string::npos)
      text.erase(0, close + 2);
  }
  return text;
}

void putLittleEndian(std::vector<uint8_t> &out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<uint8_t>(value >> (8 * i)));
}

uint64_t getLittleEndian(const uint8_t *in, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value |= uint64_t(in[i]) << (8 * i);
  return value;
}

/// Checks that `tensor` is `dtype` and its byte count is its shape's.
bool checkElements(const Tensor &tensor, std::string_view dtype, size_t elementSize, std::string &error) {
  if (tensor.dtype != dtype) {
    error = "tensor " + quote(tensor.name) + " is " + tensor.dtype + ", not " + std::string(dtype);
    return false;
  }
  int64_t count = tensor.elementCount();
  if (count < 0 || uint64_t(count) > std::numeric_limits<size_t>::max() / elementSize ||
      tensor.bytes.size() != size_t(count) * elementSize) {
    error = "tensor " + quote(tensor.name) + " has " + std::to_string(tensor.bytes.size()) +
            " bytes, which do not match its shape " + shapeText(tensor.shape);
    return false;
  }
  return true;
}

} // namespace

int64_t Tensor::elementCount() const {
  int64_t count = 1;
  for (int64_t d : shape)
    if (d < 0 || __builtin_mul_overflow(count, d, &count))
      return -1;
  return count;
}

const Tensor *TensorFile::find(std::string_view name) const {
  for (const Tensor &t : tensors)
    if (t.name == name)
      return &t;
  return nullptr;
}

std::optional<int> dtypeBits(std::string_view dtype) {
  int rank = dtypeRank(dtype);
  if (rank < 0)
    return std::nullopt;
  return kDtypes[rank].bits;
}

std::optional<TensorFile> parseSafeTensors(const std::vector<uint8_t> &file, std::string &error) {
  if (file.size() < 8) {
    error = "the file is too short for a safetensors header (" + std::to_string(file.size()) +
            " bytes; the header size alone takes 8)";
    return std::nullopt;
  }
  uint64_t headerSize = getLittleEndian(file.data(), 8);
  if (headerSize > kMaxHeaderSize) {
    error = "the header size " + std::to_string(headerSize) + " exceeds the limit of " +
            std::to_string(kMaxHeaderSize) + " bytes";
    return std::nullopt;
  }
  if (headerSize > file.size() - 8) {
    error = "the header size " + std::to_string(headerSize) + " runs past the end of the file (" +
            std::to_string(file.size() - 8) + " bytes follow the size)";
    return std::nullopt;
  }
  auto headerBegin = file.begin() + 8, headerEnd = headerBegin + static_cast<ptrdiff_t>(headerSize);
  if (headerSize == 0 || *headerBegin != '{') {
    error = "the header is not a JSON object (it must start with '{')";
    return std::nullopt;
  }

  // nlohmann's lexer takes a NUL byte for the end of the input; JSON allows
  // none anywhere (not even in strings, where control characters are escaped).
  if (const void *nul = std::memchr(&*headerBegin, 0, headerSize)) {
    error = "the header is not valid JSON: it has a NUL byte at offset " +
            std::to_string(static_cast<const uint8_t *>(nul) - &*headerBegin);
    return std::nullopt;
  }

  // Parse, noting the first top-level key that appears twice (the DOM keeps
  // only the last of them).
  std::set<std::string> keys;
  std::optional<std::string> duplicate;
  json::parser_callback_t noteKeys = [&](int depth, json::parse_event_t event, json &parsed) {
    if (depth == 1 && event == json::parse_event_t::key && !duplicate && parsed.is_string() &&
        !keys.insert(parsed.get_ref<const std::string &>()).second)
      duplicate = parsed.get<std::string>();
    return true;
  };
  json header;
  try {
    header = json::parse(headerBegin, headerEnd, noteKeys);
  } catch (const json::exception &e) {
    error = "the header is not valid JSON: " + jsonMessage(e.what());
    return std::nullopt;
  }
  if (!header.is_object()) {
    error = "the header is not a JSON object";
    return std::nullopt;
  }
  if (duplicate) {
    error = "the header names " + quote(*duplicate) + " twice";
    return std::nullopt;
  }

  uint64_t bufferSize = file.size() - 8 - headerSize;
  struct Placed {
    Tensor tensor;
    uint64_t begin, end;
  };
  std::vector<Placed> placed;
  TensorFile result;
  for (auto &[key, value] : header.items()) {
    if (key == "__metadata__") {
      if (!value.is_object()) {
        error = "__metadata__ is not an object of strings";
        return std::nullopt;
      }
      for (auto &[name, text] : value.items()) {
        if (!text.is_string()) {
          error = "__metadata__ entry " + quote(name) + " is not a string";
          return std::nullopt;
        }
        result.metadata[name] = text.get<std::string>();
      }
      continue;
    }
    std::string where = "tensor " + quote(key);
    if (!value.is_object()) {
      error = where + " is not an object with dtype, shape and data_offsets";
      return std::nullopt;
    }
    Tensor tensor;
    tensor.name = key;

    auto dtype = value.find("dtype");
    if (dtype == value.end()) {
      error = where + " has no dtype";
      return std::nullopt;
    }
    if (!dtype->is_string()) {
      error = where + ": dtype is not a string";
      return std::nullopt;
    }
    tensor.dtype = dtype->get<std::string>();
    std::optional<int> bits = dtypeBits(tensor.dtype);
    if (!bits) {
      error = where + ": unknown dtype " + quote(tensor.dtype);
      return std::nullopt;
    }

    auto shape = value.find("shape");
    if (shape == value.end()) {
      error = where + " has no shape";
      return std::nullopt;
    }
    if (!shape->is_array()) {
      error = where + ": shape is not an array";
      return std::nullopt;
    }
    uint64_t elements = 1;
    bool overflow = false;
    for (size_t i = 0; i < shape->size(); ++i) {
      const json &dim = (*shape)[i];
      if (!dim.is_number_unsigned()) {
        error = where + ": shape[" + std::to_string(i) + "] is not a non-negative integer";
        return std::nullopt;
      }
      uint64_t d = dim.get<uint64_t>();
      if (d > uint64_t(std::numeric_limits<int64_t>::max())) {
        error = where + ": shape[" + std::to_string(i) + "] = " + std::to_string(d) + " is too large";
        return std::nullopt;
      }
      tensor.shape.push_back(static_cast<int64_t>(d));
      overflow = overflow || __builtin_mul_overflow(elements, d, &elements);
    }
    bool misaligned = false;
    std::optional<uint64_t> size = overflow ? std::nullopt : byteCount(elements, *bits, misaligned);
    if (misaligned) {
      error =
          where + ": " + std::to_string(elements) + " elements of " + tensor.dtype + " are not a whole number of bytes";
      return std::nullopt;
    }
    if (!size) {
      error = where + ": the byte count of shape " + shapeText(tensor.shape) + " of " + tensor.dtype + " overflows";
      return std::nullopt;
    }

    auto offsets = value.find("data_offsets");
    if (offsets == value.end()) {
      error = where + " has no data_offsets";
      return std::nullopt;
    }
    if (!offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() ||
        !(*offsets)[1].is_number_unsigned()) {
      error = where + ": data_offsets is not a pair of non-negative integers";
      return std::nullopt;
    }
    uint64_t begin = (*offsets)[0].get<uint64_t>(), end = (*offsets)[1].get<uint64_t>();
    std::string range = "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) + "]";
    if (end < begin) {
      error = where + ": " + range + " end before they begin";
      return std::nullopt;
    }
    if (end > bufferSize) {
      error = where + ": " + range + " lie outside the " + std::to_string(bufferSize) + "-byte data buffer";
      return std::nullopt;
    }
    if (end - begin != *size) {
      error = where + ": " + range + " span " + std::to_string(end - begin) + " bytes but shape " +
              shapeText(tensor.shape) + " of " + tensor.dtype + " needs " + std::to_string(*size);
      return std::nullopt;
    }
    placed.push_back({std::move(tensor), begin, end});
  }

  // The tensors must tile the buffer: no overlap, no gap, nothing after.
  std::stable_sort(placed.begin(), placed.end(), [](const Placed &a, const Placed &b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
  uint64_t position = 0;
  const std::string *previous = nullptr;
  for (const Placed &p : placed) {
    std::string where = "tensor " + quote(p.tensor.name);
    if (p.begin < position) {
      error = where + " overlaps tensor " + quote(*previous);
      return std::nullopt;
    }
    if (p.begin > position) {
      error = "the " + std::to_string(p.begin - position) + " bytes before " + where +
              (previous ? " (after tensor " + quote(*previous) + ")" : std::string()) + " belong to no tensor";
      return std::nullopt;
    }
    position = p.end;
    previous = &p.tensor.name;
  }
  if (position != bufferSize) {
    error = "the last " + std::to_string(bufferSize - position) + " bytes of the data buffer belong to no tensor";
    return std::nullopt;
  }

  const uint8_t *buffer = file.data() + 8 + headerSize;
  result.tensors.reserve(placed.size());
  for (Placed &p : placed) {
    p.tensor.bytes.assign(buffer + p.begin, buffer + p.end);
    result.tensors.push_back(std::move(p.tensor));
  }
  return result;
}

std::optional<TensorFile> readSafeTensors(const std::string &path, std::string &error) {
  FILE *in = std::fopen(path.c_str(), "rb");
  if (!in) {
    error = "cannot open '" + path + "': " + std::strerror(errno);
    return std::nullopt;
  }
  std::vector<uint8_t> bytes;
  uint8_t chunk[1 << 16];
  while (true) {
    size_t n = std::fread(chunk, 1, sizeof chunk, in);
    bytes.insert(bytes.end(), chunk, chunk + n);
    if (n < sizeof chunk)
      break;
  }
  bool failed = std::ferror(in);
  int savedErrno = errno;
  std::fclose(in);
  if (failed) {
    error = "cannot read '" + path + "': " + std::strerror(savedErrno);
    return std::nullopt;
  }
  std::optional<TensorFile> result = parseSafeTensors(bytes, error);
  if (!result)
    error = path + ": " + error;
  return result;
}

bool checkTensorFile(const TensorFile &file, std::string &error) {
  std::set<std::string_view> names;
  for (const Tensor &t : file.tensors) {
    std::string where = "tensor " + quote(t.name);
    if (!isUTF8(t.name)) {
      error = where + ": the name is not valid UTF-8";
      return false;
    }
    if (t.name == "__metadata__") {
      error = "a tensor cannot be called '__metadata__'";
      return false;
    }
    if (!names.insert(t.name).second) {
      error = "two tensors are called " + quote(t.name);
      return false;
    }
    std::optional<int> bits = dtypeBits(t.dtype);
    if (!bits) {
      error = where + ": unknown dtype " + quote(t.dtype);
      return false;
    }
    int64_t count = t.elementCount();
    if (count < 0) {
      error = where + ": shape " + shapeText(t.shape) + " has a negative dimension or too many elements";
      return false;
    }
    bool misaligned = false;
    std::optional<uint64_t> size = byteCount(uint64_t(count), *bits, misaligned);
    if (!size || *size != t.bytes.size()) {
      error = where + " has " + std::to_string(t.bytes.size()) + " bytes but shape " + shapeText(t.shape) + " of " +
              t.dtype + (size ? " needs " + std::to_string(*size) : std::string(" is not a whole number of bytes"));
      return false;
    }
  }
  for (auto &[key, value] : file.metadata)
    if (!isUTF8(key) || !isUTF8(value)) {
      error = "metadata entry " + quote(key) + " is not valid UTF-8";
      return false;
    }
  return true;
}

std::vector<uint8_t> serializeSafeTensors(const TensorFile &file) {
  std::vector<const Tensor *> order;
  for (const Tensor &t : file.tensors)
    order.push_back(&t);
  std::stable_sort(order.begin(), order.end(), [](const Tensor *a, const Tensor *b) {
    int ra = dtypeRank(a->dtype), rb = dtypeRank(b->dtype);
    if (ra != rb)
      return ra > rb;
    return a->name < b->name;
  });

  ordered_json header = ordered_json::object();
  if (!file.metadata.empty()) {
    ordered_json metadata = ordered_json::object();
    for (auto &[key, value] : file.metadata)
      metadata[key] = value;
    header["__metadata__"] = std::move(metadata);
  }
  uint64_t offset = 0;
  for (const Tensor *t : order) {
    ordered_json info = ordered_json::object();
    info["dtype"] = t->dtype;
    info["shape"] = t->shape;
    info["data_offsets"] = ordered_json::array({offset, offset + t->bytes.size()});
    offset += t->bytes.size();
    header[t->name] = std::move(info);
  }
  std::string text = header.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  // Pad with spaces so that the data starts 8-byte aligned.
  text.append((8 - text.size() % 8) % 8, ' ');

  std::vector<uint8_t> out;
  out.reserve(8 + text.size() + offset);
  putLittleEndian(out, text.size(), 8);
  out.insert(out.end(), text.begin(), text.end());
  for (const Tensor *t : order)
    out.insert(out.end(), t->bytes.begin(), t->bytes.end());
  return out;
}

bool writeSafeTensors(const std::string &path, const TensorFile &file, std::string &error) {
  if (!checkTensorFile(file, error)) {
    error = "cannot write '" + path + "': " + error;
    return false;
  }
  std::vector<uint8_t> bytes = serializeSafeTensors(file);
  static std::atomic<unsigned> counter{0};
  std::string temporary = path + ".tmp." + std::to_string(getpid()) + "." + std::to_string(counter++);
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = "cannot create '" + temporary + "': " + std::strerror(errno);
    return false;
  }
  auto fail = [&](const char *what) {
    error = std::string("cannot ") + what + " '" + temporary + "': " + std::strerror(errno);
    if (fd >= 0)
      close(fd);
    unlink(temporary.c_str());
    return false;
  };
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return fail("write");
    written += static_cast<size_t>(n);
  }
  if (fsync(fd) != 0)
    return fail("sync");
  int closed = close(fd);
  fd = -1;
  if (closed != 0)
    return fail("close");
  if (rename(temporary.c_str(), path.c_str()) != 0) {
    error = "cannot rename '" + temporary + "' to '" + path + "': " + std::strerror(errno);
    unlink(temporary.c_str());
    return false;
  }
  return true;
}

Tensor makeF32Tensor(std::string name, std::vector<int64_t> shape, const std::vector<float> &values) {
  Tensor t{std::move(name), "F32", std::move(shape), {}};
  t.bytes.reserve(values.size() * 4);
  for (float v : values)
    putLittleEndian(t.bytes, std::bit_cast<uint32_t>(v), 4);
  return t;
}

Tensor makeI32Tensor(std::string name, std::vector<int64_t> shape, const std::vector<int32_t> &values) {
  Tensor t{std::move(name), "I32", std::move(shape), {}};
  t.bytes.reserve(values.size() * 4);
  for (int32_t v : values)
    putLittleEndian(t.bytes, static_cast<uint32_t>(v), 4);
  return t;
}

std::optional<std::vector<float>> tensorAsFloats(const Tensor &tensor, std::string &error) {
  if (!checkElements(tensor, "F32", 4, error))
    return std::nullopt;
  std::vector<float> values(tensor.bytes.size() / 4);
  for (size_t i = 0; i < values.size(); ++i)
    values[i] = std::bit_cast<float>(static_cast<uint32_t>(getLittleEndian(tensor.bytes.data() + 4 * i, 4)));
  return values;
}

std::optional<std::vector<int32_t>> tensorAsInt32(const Tensor &tensor, std::string &error) {
  if (!checkElements(tensor, "I32", 4, error))
    return std::nullopt;
  std::vector<int32_t> values(tensor.bytes.size() / 4);
  for (size_t i = 0; i < values.size(); ++i)
    values[i] = static_cast<int32_t>(static_cast<uint32_t>(getLittleEndian(tensor.bytes.data() + 4 * i, 4)));
  return values;
}

} // namespace nas
