//===- Device.cpp - Which devices can run candidates ----------------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/Device.h"

#include <dlfcn.h>
#include <string>

namespace nas {
namespace {
// The few driver API entry points used here, declared by hand so that building
// nasc needs no CUDA header.
using CUresult = int;
using CuInit = CUresult (*)(unsigned);
using CuDeviceGetCount = CUresult (*)(int *);
using CuDeviceGet = CUresult (*)(int *, int);
using CuDeviceGetName = CUresult (*)(char *, int, int);
using CuDeviceTotalMem = CUresult (*)(size_t *, int);
using CuDeviceGetAttribute = CUresult (*)(int *, int, int);
constexpr int kComputeCapabilityMajor = 75;
constexpr int kComputeCapabilityMinor = 76;
} // namespace

CudaAvailability probeCuda() {
  CudaAvailability result;
  void *lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    result.reason = "libcuda.so.1 could not be loaded: no CUDA driver on this machine";
    return result;
  }
  auto sym = [&](const char *name) { return dlsym(lib, name); };
  auto init = reinterpret_cast<CuInit>(sym("cuInit"));
  auto getCount = reinterpret_cast<CuDeviceGetCount>(sym("cuDeviceGetCount"));
  auto get = reinterpret_cast<CuDeviceGet>(sym("cuDeviceGet"));
  auto getName = reinterpret_cast<CuDeviceGetName>(sym("cuDeviceGetName"));
  auto totalMem = reinterpret_cast<CuDeviceTotalMem>(sym("cuDeviceTotalMem_v2"));
  auto getAttr = reinterpret_cast<CuDeviceGetAttribute>(sym("cuDeviceGetAttribute"));
  if (!init || !getCount || !get || !getName || !totalMem || !getAttr) {
    result.reason = "the CUDA driver library lacks the driver API entry points";
    return result;
  }
  if (CUresult err = init(0); err != 0) {
    result.reason = "cuInit failed with CUDA error " + std::to_string(err);
    return result;
  }
  int count = 0;
  if (getCount(&count) != 0 || count == 0) {
    result.reason = "the CUDA driver reports no device";
    return result;
  }
  for (int i = 0; i < count; ++i) {
    int handle = 0;
    if (get(&handle, i) != 0)
      continue;
    CudaDevice device;
    device.ordinal = i;
    char name[256] = {};
    getName(name, sizeof(name), handle);
    device.name = name;
    size_t bytes = 0;
    totalMem(&bytes, handle);
    device.memoryBytes = bytes;
    getAttr(&device.computeMajor, kComputeCapabilityMajor, handle);
    getAttr(&device.computeMinor, kComputeCapabilityMinor, handle);
    result.devices.push_back(device);
  }
  return result;
}

} // namespace nas
