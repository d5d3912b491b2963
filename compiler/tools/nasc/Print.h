//===- Print.h - Numbers as nasc prints them --------------------*- C++ -*-===//
#ifndef NASC_TOOLS_PRINT_H
#define NASC_TOOLS_PRINT_H

#include <cstdint>
#include <string>

namespace nasc {

/// 12345678 -> "12,345,678".
inline std::string grouped(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0)
      out += ',';
    out += digits[i];
  }
  return out;
}

} // namespace nasc

#endif // NASC_TOOLS_PRINT_H
