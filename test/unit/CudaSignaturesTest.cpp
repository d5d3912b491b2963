//===- CudaSignaturesTest.cpp - Our CUDA declarations against NVIDIA's ----===//
//
// runtime/lib/CudaLibraries.h declares by hand the driver, cuBLAS and cuDNN
// entry points that nasc finds with dlsym, so that building nasc needs no
// CUDA header. Where the headers are installed (the CUDA toolkit), this
// checks at compile time that each of our function types takes what the
// real function takes: the same number of parameters, each real argument
// type acceptable where ours stands (a swapped pair of descriptors, a
// missing argument or a pointer for an integer fails to compile), and the
// enum values we copied.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "CudaLibraries.h"

#include <cublas_v2.h>
#include <cuda.h>
#include <cudnn.h>

#include <gtest/gtest.h>

#include <type_traits>

// cuda.h and cublas_v2.h rename versioned entry points with macros (cuMemAlloc is
// cuMemAlloc_v2); our fields keep the plain names.
#undef cuDevicePrimaryCtxRelease
#undef cuMemAlloc
#undef cuMemFree
#undef cuMemcpyHtoDAsync
#undef cuMemcpyDtoHAsync
#undef cuStreamDestroy
#undef cuStreamBeginCapture
#undef cublasCreate
#undef cublasDestroy
#undef cublasSetStream
#undef cublasSgemm

namespace {

template <typename F> struct Arity;
template <typename R, typename... A> struct Arity<R (*)(A...)> { static constexpr size_t value = sizeof...(A); };

/// Whether `Ours` (a function pointer type) can be called with exactly the
/// parameters of `real`.
template <typename Ours, typename R, typename... Args> constexpr bool takesTheSame(R (*)(Args...)) {
  return Arity<Ours>::value == sizeof...(Args) && std::is_invocable_v<Ours, Args...>;
}

using L = nas::cuda::Libraries;
#define SAME(field, real) static_assert(takesTheSame<decltype(L::field)>(&real), #field " differs from " #real)

// The real functions are named as dlsym looks them up.
SAME(cuInit, ::cuInit);
SAME(cuDeviceGet, ::cuDeviceGet);
SAME(cuDevicePrimaryCtxRetain, ::cuDevicePrimaryCtxRetain);
SAME(cuDevicePrimaryCtxRelease, ::cuDevicePrimaryCtxRelease_v2);
SAME(cuCtxSetCurrent, ::cuCtxSetCurrent);
SAME(cuGetErrorString, ::cuGetErrorString);
SAME(cuModuleLoadData, ::cuModuleLoadData);
SAME(cuModuleUnload, ::cuModuleUnload);
SAME(cuModuleGetFunction, ::cuModuleGetFunction);
SAME(cuMemAlloc, ::cuMemAlloc_v2);
SAME(cuMemFree, ::cuMemFree_v2);
SAME(cuMemcpyHtoDAsync, ::cuMemcpyHtoDAsync_v2);
SAME(cuMemcpyDtoHAsync, ::cuMemcpyDtoHAsync_v2);
SAME(cuStreamCreate, ::cuStreamCreate);
SAME(cuStreamDestroy, ::cuStreamDestroy_v2);
SAME(cuStreamSynchronize, ::cuStreamSynchronize);
SAME(cuStreamBeginCapture, ::cuStreamBeginCapture_v2);
SAME(cuStreamEndCapture, ::cuStreamEndCapture);
SAME(cuGraphInstantiateWithFlags, ::cuGraphInstantiateWithFlags);
SAME(cuGraphLaunch, ::cuGraphLaunch);
SAME(cuGraphExecDestroy, ::cuGraphExecDestroy);
SAME(cuGraphDestroy, ::cuGraphDestroy);
SAME(cuLaunchKernel, ::cuLaunchKernel);
SAME(cublasCreate, ::cublasCreate_v2);
SAME(cublasDestroy, ::cublasDestroy_v2);
SAME(cublasSetStream, ::cublasSetStream_v2);
SAME(cublasSgemm, ::cublasSgemm_v2);
SAME(cudnnCreate, ::cudnnCreate);
SAME(cudnnDestroy, ::cudnnDestroy);
SAME(cudnnSetStream, ::cudnnSetStream);
SAME(cudnnGetErrorString, ::cudnnGetErrorString);
SAME(cudnnCreateTensorDescriptor, ::cudnnCreateTensorDescriptor);
SAME(cudnnSetTensor4dDescriptor, ::cudnnSetTensor4dDescriptor);
SAME(cudnnDestroyTensorDescriptor, ::cudnnDestroyTensorDescriptor);
SAME(cudnnCreateFilterDescriptor, ::cudnnCreateFilterDescriptor);
SAME(cudnnSetFilter4dDescriptor, ::cudnnSetFilter4dDescriptor);
SAME(cudnnDestroyFilterDescriptor, ::cudnnDestroyFilterDescriptor);
SAME(cudnnCreateConvolutionDescriptor, ::cudnnCreateConvolutionDescriptor);
SAME(cudnnSetConvolution2dDescriptor, ::cudnnSetConvolution2dDescriptor);
SAME(cudnnSetConvolutionGroupCount, ::cudnnSetConvolutionGroupCount);
SAME(cudnnSetConvolutionMathType, ::cudnnSetConvolutionMathType);
SAME(cudnnDestroyConvolutionDescriptor, ::cudnnDestroyConvolutionDescriptor);
SAME(cudnnGetConvolutionForwardWorkspaceSize, ::cudnnGetConvolutionForwardWorkspaceSize);
SAME(cudnnGetConvolutionBackwardDataWorkspaceSize, ::cudnnGetConvolutionBackwardDataWorkspaceSize);
SAME(cudnnGetConvolutionBackwardFilterWorkspaceSize, ::cudnnGetConvolutionBackwardFilterWorkspaceSize);
SAME(cudnnConvolutionForward, ::cudnnConvolutionForward);
SAME(cudnnConvolutionBackwardData, ::cudnnConvolutionBackwardData);
SAME(cudnnConvolutionBackwardFilter, ::cudnnConvolutionBackwardFilter);

static_assert(nas::cuda::CUBLAS_OP_N == ::CUBLAS_OP_N && nas::cuda::CUBLAS_OP_T == ::CUBLAS_OP_T);
static_assert(nas::cuda::CUDNN_TENSOR_NCHW == ::CUDNN_TENSOR_NCHW && nas::cuda::CUDNN_DATA_FLOAT == ::CUDNN_DATA_FLOAT);
static_assert(nas::cuda::CUDNN_CROSS_CORRELATION == ::CUDNN_CROSS_CORRELATION);
static_assert(nas::cuda::CUDNN_FMA_MATH == ::CUDNN_FMA_MATH);
static_assert(nas::cuda::CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM ==
              ::CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM);
static_assert(nas::cuda::CUDNN_CONVOLUTION_BWD_DATA_ALGO_1 == ::CUDNN_CONVOLUTION_BWD_DATA_ALGO_1);
static_assert(nas::cuda::CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1 == ::CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1);
static_assert(nas::cuda::CU_STREAM_NON_BLOCKING == ::CU_STREAM_NON_BLOCKING);
static_assert(nas::cuda::CU_STREAM_CAPTURE_MODE_THREAD_LOCAL == ::CU_STREAM_CAPTURE_MODE_THREAD_LOCAL);

// The checks are the static_asserts above; a test keeps the file in the
// report.
TEST(CudaSignatures, MatchNVIDIAsHeaders) { SUCCEED(); }

} // namespace
