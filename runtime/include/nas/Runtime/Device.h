//===- Device.h - Which devices can run candidates --------------*- C++ -*-===//
//
// The CUDA driver is loaded with dlopen, never linked, so nasc builds and runs
// on machines without a driver and can say plainly why no GPU is usable.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_DEVICE_H
#define NAS_RUNTIME_DEVICE_H

#include <cstdint>
#include <string>
#include <vector>

namespace nas {

struct CudaDevice {
  int ordinal = 0;
  std::string name;
  uint64_t memoryBytes = 0;
  int computeMajor = 0, computeMinor = 0;
};

struct CudaAvailability {
  /// The usable devices; empty when none is.
  std::vector<CudaDevice> devices;
  /// Why no device is usable (no driver library, cuInit failed, ...), or "".
  std::string reason;
};

/// Loads libcuda.so.1 and lists its devices. Never throws or aborts.
CudaAvailability probeCuda();

} // namespace nas

#endif // NAS_RUNTIME_DEVICE_H
