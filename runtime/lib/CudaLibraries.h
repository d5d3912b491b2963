//===- CudaLibraries.h - The CUDA entry points nasc uses, by dlopen -*- C++ -*-===//
//
// Declared by hand (no CUDA header is needed to build nasc) and found with
// dlsym in libcuda.so.1, libcublas.so and libcudnn.so.9, so nasc builds and
// runs where there is no GPU and says why none can be used. Private to
// runtime/lib.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_RUNTIME_LIB_CUDALIBRARIES_H
#define NAS_RUNTIME_LIB_CUDALIBRARIES_H

#include <cstddef>
#include <cstdint>
#include <string>

// The opaque types, with NVIDIA's names in the global namespace (as in
// their headers, so that test/unit/CudaSignaturesTest.cpp can compare).
struct CUctx_st;
struct CUmod_st;
struct CUfunc_st;
struct CUstream_st;
struct CUgraph_st;
struct CUgraphExec_st;
struct cublasContext;
struct cudnnContext;
struct cudnnTensorStruct;
struct cudnnFilterStruct;
struct cudnnConvolutionStruct;

namespace nas::cuda {

using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = ::CUctx_st *;
using CUmodule = ::CUmod_st *;
using CUfunction = ::CUfunc_st *;
using CUstream = ::CUstream_st *;
using CUgraph = ::CUgraph_st *;
using CUgraphExec = ::CUgraphExec_st *;
using cublasHandle_t = ::cublasContext *;
using cudnnHandle_t = ::cudnnContext *;
using cudnnTensorDescriptor_t = ::cudnnTensorStruct *;
using cudnnFilterDescriptor_t = ::cudnnFilterStruct *;
using cudnnConvolutionDescriptor_t = ::cudnnConvolutionStruct *;

constexpr int CUBLAS_OP_N = 0, CUBLAS_OP_T = 1;
constexpr int CUDNN_TENSOR_NCHW = 0, CUDNN_DATA_FLOAT = 0, CUDNN_CROSS_CORRELATION = 1, CUDNN_FMA_MATH = 3;
constexpr int CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM = 1, CUDNN_CONVOLUTION_BWD_DATA_ALGO_1 = 1,
              CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1 = 1;
constexpr int CU_STREAM_NON_BLOCKING = 1, CU_STREAM_CAPTURE_MODE_THREAD_LOCAL = 1;

struct Libraries {
  // libcuda.so.1 (the driver API)
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuDevicePrimaryCtxRelease)(CUdevice);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuGetErrorString)(CUresult, const char **);
  CUresult (*cuModuleLoadData)(CUmodule *, const void *);
  CUresult (*cuModuleUnload)(CUmodule);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuMemAlloc)(CUdeviceptr *, size_t);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemcpyHtoDAsync)(CUdeviceptr, const void *, size_t, CUstream);
  CUresult (*cuMemcpyDtoHAsync)(void *, CUdeviceptr, size_t, CUstream);
  CUresult (*cuStreamCreate)(CUstream *, unsigned);
  CUresult (*cuStreamDestroy)(CUstream);
  CUresult (*cuStreamSynchronize)(CUstream);
  CUresult (*cuStreamBeginCapture)(CUstream, int);
  CUresult (*cuStreamEndCapture)(CUstream, CUgraph *);
  CUresult (*cuGraphInstantiateWithFlags)(CUgraphExec *, CUgraph, unsigned long long);
  CUresult (*cuGraphLaunch)(CUgraphExec, CUstream);
  CUresult (*cuGraphExecDestroy)(CUgraphExec);
  CUresult (*cuGraphDestroy)(CUgraph);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, CUstream,
                             void **, void **);
  // libcublas
  int (*cublasCreate)(cublasHandle_t *);
  int (*cublasDestroy)(cublasHandle_t);
  int (*cublasSetStream)(cublasHandle_t, CUstream);
  int (*cublasSgemm)(cublasHandle_t, int, int, int, int, int, const float *, const float *, int, const float *, int,
                     const float *, float *, int);
  // libcudnn.so.9 (null when it is missing: cudnnMissing says why)
  std::string cudnnMissing;
  int (*cudnnCreate)(cudnnHandle_t *);
  int (*cudnnDestroy)(cudnnHandle_t);
  int (*cudnnSetStream)(cudnnHandle_t, CUstream);
  const char *(*cudnnGetErrorString)(int);
  int (*cudnnCreateTensorDescriptor)(cudnnTensorDescriptor_t *);
  int (*cudnnSetTensor4dDescriptor)(cudnnTensorDescriptor_t, int, int, int, int, int, int);
  int (*cudnnDestroyTensorDescriptor)(cudnnTensorDescriptor_t);
  int (*cudnnCreateFilterDescriptor)(cudnnFilterDescriptor_t *);
  int (*cudnnSetFilter4dDescriptor)(cudnnFilterDescriptor_t, int, int, int, int, int, int);
  int (*cudnnDestroyFilterDescriptor)(cudnnFilterDescriptor_t);
  int (*cudnnCreateConvolutionDescriptor)(cudnnConvolutionDescriptor_t *);
  int (*cudnnSetConvolution2dDescriptor)(cudnnConvolutionDescriptor_t, int, int, int, int, int, int, int, int);
  int (*cudnnSetConvolutionGroupCount)(cudnnConvolutionDescriptor_t, int);
  int (*cudnnSetConvolutionMathType)(cudnnConvolutionDescriptor_t, int);
  int (*cudnnDestroyConvolutionDescriptor)(cudnnConvolutionDescriptor_t);
  int (*cudnnGetConvolutionForwardWorkspaceSize)(cudnnHandle_t, cudnnTensorDescriptor_t, cudnnFilterDescriptor_t,
                                                 cudnnConvolutionDescriptor_t, cudnnTensorDescriptor_t, int, size_t *);
  int (*cudnnGetConvolutionBackwardDataWorkspaceSize)(cudnnHandle_t, cudnnFilterDescriptor_t, cudnnTensorDescriptor_t,
                                                      cudnnConvolutionDescriptor_t, cudnnTensorDescriptor_t, int,
                                                      size_t *);
  int (*cudnnGetConvolutionBackwardFilterWorkspaceSize)(cudnnHandle_t, cudnnTensorDescriptor_t, cudnnTensorDescriptor_t,
                                                        cudnnConvolutionDescriptor_t, cudnnFilterDescriptor_t, int,
                                                        size_t *);
  int (*cudnnConvolutionForward)(cudnnHandle_t, const void *, cudnnTensorDescriptor_t, const void *,
                                 cudnnFilterDescriptor_t, const void *, cudnnConvolutionDescriptor_t, int, void *,
                                 size_t, const void *, cudnnTensorDescriptor_t, void *);
  int (*cudnnConvolutionBackwardData)(cudnnHandle_t, const void *, cudnnFilterDescriptor_t, const void *,
                                      cudnnTensorDescriptor_t, const void *, cudnnConvolutionDescriptor_t, int, void *,
                                      size_t, const void *, cudnnTensorDescriptor_t, void *);
  int (*cudnnConvolutionBackwardFilter)(cudnnHandle_t, const void *, cudnnTensorDescriptor_t, const void *,
                                        cudnnTensorDescriptor_t, const void *, cudnnConvolutionDescriptor_t, int,
                                        void *, size_t, const void *, cudnnFilterDescriptor_t, void *);
};

/// The libraries, loaded once per process; null and `error` (which library
/// or entry point is missing) when they cannot be.
const Libraries *loadLibraries(std::string &error);

} // namespace nas::cuda

#endif // NAS_RUNTIME_LIB_CUDALIBRARIES_H
