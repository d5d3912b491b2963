//===- CudaLibraries.cpp - The CUDA entry points nasc uses, by dlopen -----===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "CudaLibraries.h"

#include <dlfcn.h>
#include <mutex>

namespace nas::cuda {
namespace {

void *openFirst(std::initializer_list<const char *> names, std::string &tried) {
  for (const char *name : names) {
    if (void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL))
      return lib;
    const char *why = dlerror(); // names a missing dependency, not just the library
    tried += (tried.empty() ? "" : "; ") + std::string(why ? why : name);
  }
  return nullptr;
}

template <typename F> bool find(void *lib, const char *name, F &out, std::string &missing) {
  out = reinterpret_cast<F>(dlsym(lib, name));
  if (!out)
    missing += (missing.empty() ? "" : ", ") + std::string(name);
  return out != nullptr;
}

} // namespace

const Libraries *loadLibraries(std::string &error) {
  static Libraries libraries;
  static std::string failure;
  static std::once_flag once;
  std::call_once(once, [] {
    std::string tried;
    void *driver = openFirst({"libcuda.so.1"}, tried);
    if (!driver) {
      failure = "libcuda.so.1 could not be loaded: no CUDA driver on this machine";
      return;
    }
    tried.clear();
    void *blas = openFirst({"libcublas.so.13", "libcublas.so.12", "libcublas.so"}, tried);
    if (!blas) {
      failure = "the CUDA driver is there but not cuBLAS (" + tried + ")";
      return;
    }
    tried.clear();
    // cuDNN only matters to candidates with convolutions.
    void *dnn = openFirst({"libcudnn.so.9", "libcudnn.so"}, tried);
    if (!dnn)
      libraries.cudnnMissing = "cuDNN 9 was not found (" + tried + ")";
    std::string missing;
    Libraries &l = libraries;
    find(driver, "cuInit", l.cuInit, missing);
    find(driver, "cuDeviceGet", l.cuDeviceGet, missing);
    find(driver, "cuDevicePrimaryCtxRetain", l.cuDevicePrimaryCtxRetain, missing);
    find(driver, "cuDevicePrimaryCtxRelease_v2", l.cuDevicePrimaryCtxRelease, missing);
    find(driver, "cuCtxSetCurrent", l.cuCtxSetCurrent, missing);
    find(driver, "cuGetErrorString", l.cuGetErrorString, missing);
    find(driver, "cuModuleLoadData", l.cuModuleLoadData, missing);
    find(driver, "cuModuleUnload", l.cuModuleUnload, missing);
    find(driver, "cuModuleGetFunction", l.cuModuleGetFunction, missing);
    find(driver, "cuMemAlloc_v2", l.cuMemAlloc, missing);
    find(driver, "cuMemFree_v2", l.cuMemFree, missing);
    find(driver, "cuMemcpyHtoDAsync_v2", l.cuMemcpyHtoDAsync, missing);
    find(driver, "cuMemcpyDtoHAsync_v2", l.cuMemcpyDtoHAsync, missing);
    find(driver, "cuStreamCreate", l.cuStreamCreate, missing);
    find(driver, "cuStreamDestroy_v2", l.cuStreamDestroy, missing);
    find(driver, "cuStreamSynchronize", l.cuStreamSynchronize, missing);
    find(driver, "cuStreamBeginCapture_v2", l.cuStreamBeginCapture, missing);
    find(driver, "cuStreamEndCapture", l.cuStreamEndCapture, missing);
    find(driver, "cuGraphInstantiateWithFlags", l.cuGraphInstantiateWithFlags, missing);
    find(driver, "cuGraphLaunch", l.cuGraphLaunch, missing);
    find(driver, "cuGraphExecDestroy", l.cuGraphExecDestroy, missing);
    find(driver, "cuGraphDestroy", l.cuGraphDestroy, missing);
    find(driver, "cuLaunchKernel", l.cuLaunchKernel, missing);
    find(blas, "cublasCreate_v2", l.cublasCreate, missing);
    find(blas, "cublasDestroy_v2", l.cublasDestroy, missing);
    find(blas, "cublasSetStream_v2", l.cublasSetStream, missing);
    find(blas, "cublasSgemm_v2", l.cublasSgemm, missing);
    if (dnn) {
      find(dnn, "cudnnCreate", l.cudnnCreate, missing);
      find(dnn, "cudnnDestroy", l.cudnnDestroy, missing);
      find(dnn, "cudnnSetStream", l.cudnnSetStream, missing);
      find(dnn, "cudnnGetErrorString", l.cudnnGetErrorString, missing);
      find(dnn, "cudnnCreateTensorDescriptor", l.cudnnCreateTensorDescriptor, missing);
      find(dnn, "cudnnSetTensor4dDescriptor", l.cudnnSetTensor4dDescriptor, missing);
      find(dnn, "cudnnDestroyTensorDescriptor", l.cudnnDestroyTensorDescriptor, missing);
      find(dnn, "cudnnCreateFilterDescriptor", l.cudnnCreateFilterDescriptor, missing);
      find(dnn, "cudnnSetFilter4dDescriptor", l.cudnnSetFilter4dDescriptor, missing);
      find(dnn, "cudnnDestroyFilterDescriptor", l.cudnnDestroyFilterDescriptor, missing);
      find(dnn, "cudnnCreateConvolutionDescriptor", l.cudnnCreateConvolutionDescriptor, missing);
      find(dnn, "cudnnSetConvolution2dDescriptor", l.cudnnSetConvolution2dDescriptor, missing);
      find(dnn, "cudnnSetConvolutionGroupCount", l.cudnnSetConvolutionGroupCount, missing);
      find(dnn, "cudnnSetConvolutionMathType", l.cudnnSetConvolutionMathType, missing);
      find(dnn, "cudnnDestroyConvolutionDescriptor", l.cudnnDestroyConvolutionDescriptor, missing);
      find(dnn, "cudnnGetConvolutionForwardWorkspaceSize", l.cudnnGetConvolutionForwardWorkspaceSize, missing);
      find(dnn, "cudnnGetConvolutionBackwardDataWorkspaceSize", l.cudnnGetConvolutionBackwardDataWorkspaceSize,
           missing);
      find(dnn, "cudnnGetConvolutionBackwardFilterWorkspaceSize", l.cudnnGetConvolutionBackwardFilterWorkspaceSize,
           missing);
      find(dnn, "cudnnConvolutionForward", l.cudnnConvolutionForward, missing);
      find(dnn, "cudnnConvolutionBackwardData", l.cudnnConvolutionBackwardData, missing);
      find(dnn, "cudnnConvolutionBackwardFilter", l.cudnnConvolutionBackwardFilter, missing);
    }
    if (!missing.empty())
      failure = "the CUDA libraries lack " + missing;
  });
  if (!failure.empty()) {
    error = failure;
    return nullptr;
  }
  return &libraries;
}

} // namespace nas::cuda
