//===- Format.cpp - Numbers and lists as people read them -----------------===//
#include "nas/Search/Format.h"

#include <cstdio>
#include <cstdlib>

namespace nas {

std::string formatNumber(double x) {
  char buffer[32];
  for (int precision = 1; precision < 18; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, x);
    if (std::strtod(buffer, nullptr) == x)
      break;
  }
  return buffer;
}

std::string joinNames(const std::vector<std::string> &names) {
  std::string out;
  for (const std::string &n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

} // namespace nas
