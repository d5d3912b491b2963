//===- CudaExecutor.cpp - A candidate's CUDA plan on the GPU --------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/CudaExecutor.h"

#include "CudaLibraries.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>

namespace nas {

using namespace cuda;

namespace {
constexpr unsigned kBlock = 256;

std::string driverError(const Libraries &l, CUresult r, const char *what) {
  const char *text = nullptr;
  l.cuGetErrorString(r, &text);
  return std::string(what) + " failed: " + (text ? text : "CUDA error " + std::to_string(r));
}

/// cuDNN's descriptors of one convolution step.
struct ConvDescriptors {
  cudnnTensorDescriptor_t x = nullptr, y = nullptr;
  cudnnFilterDescriptor_t w = nullptr;
  cudnnConvolutionDescriptor_t conv = nullptr;
};
} // namespace

struct CudaExecutor::Impl : PlanBackend {
  const Libraries *l = nullptr;
  CudaPlan plan;
  CUdevice device = 0;
  CUcontext context = nullptr;
  CUmodule module = nullptr;
  CUstream stream = nullptr;
  CUdeviceptr arena = 0, workspace = 0;
  size_t workspaceBytes = 0;
  cublasHandle_t blas = nullptr;
  cudnnHandle_t dnn = nullptr;
  std::map<std::string, CUfunction> functions;
  std::map<std::pair<const PlanStep *, int64_t>, ConvDescriptors> convs; // by step and rows
  std::map<std::pair<bool, int64_t>, CUgraphExec> graphs;                // by function and rows
  enum class Mode { FirstRun, Capture, Eager };
  std::map<std::pair<bool, int64_t>, Mode> modes; // by function and rows
  bool graphsEnabled = true;
  const PlanStep *current = nullptr; // the convolution step being enqueued
  struct Resident {
    CUdeviceptr images = 0, labels = 0;
  };
  std::map<const Dataset *, Resident> datasets; // data sets put on the device
  CUdeviceptr indices = 0;                      // a batch's sample indices

  bool check(CUresult r, const char *what, std::string &error) {
    if (r == 0)
      return true;
    error = driverError(*l, r, what);
    return false;
  }
  bool checkLibrary(int status, const char *what, bool isDnn, std::string &error) {
    if (status == 0)
      return true;
    error = std::string(what) + " failed: " +
            (isDnn ? std::string(l->cudnnGetErrorString(status)) : "cuBLAS status " + std::to_string(status));
    return false;
  }

  /// Launches `kernel` with one thread per unit of `threads`: `values`
  /// are its parameters (device pointers or integers), then the count.
  bool launchRaw(const std::string &kernel, std::vector<uint64_t> values, int64_t threads, std::string &error) {
    auto it = functions.find(kernel);
    if (it == functions.end()) {
      CUfunction f = nullptr;
      if (!check(l->cuModuleGetFunction(&f, module, kernel.c_str()), ("kernel " + kernel).c_str(), error))
        return false;
      it = functions.emplace(kernel, f).first;
    }
    if (threads <= 0)
      return true;
    values.push_back(static_cast<uint64_t>(threads));
    std::vector<void *> params;
    for (uint64_t &v : values)
      params.push_back(&v);
    unsigned blocks = static_cast<unsigned>((threads + kBlock - 1) / kBlock);
    return check(l->cuLaunchKernel(it->second, blocks, 1, 1, kBlock, 1, 1, 0, stream, params.data(), nullptr),
                 "cuLaunchKernel", error);
  }

  bool launch(const std::string &kernel, int64_t threads, const std::vector<int64_t> &args,
              const std::vector<bool> &isOffset, std::string &error) override {
    std::vector<uint64_t> values(args.size());
    for (size_t i = 0; i < args.size(); ++i)
      values[i] = isOffset[i] ? arena + static_cast<uint64_t>(args[i]) : static_cast<uint64_t>(args[i]);
    return launchRaw(kernel, std::move(values), threads, error);
  }

  bool gemm(bool transA, bool transB, int64_t m, int64_t n, int64_t k, int64_t a, int64_t lda, int64_t b, int64_t ldb,
            int64_t c, int64_t ldc, std::string &error) override {
    const float one = 1, zero = 0;
    auto at = [&](int64_t offset) { return reinterpret_cast<float *>(arena + offset); };
    return checkLibrary(l->cublasSgemm(blas, transA ? CUBLAS_OP_T : CUBLAS_OP_N, transB ? CUBLAS_OP_T : CUBLAS_OP_N,
                                       int(m), int(n), int(k), &one, at(a), int(lda), at(b), int(ldb), &zero, at(c),
                                       int(ldc)),
                        "cublasSgemm", false, error);
  }

  /// The descriptors of `step` for `n` rows (made once).
  bool descriptors(const PlanStep &step, int64_t n, ConvDescriptors &d, std::string &error) {
    auto key = std::make_pair(&step, n);
    if (auto it = convs.find(key); it != convs.end()) {
      d = it->second;
      return true;
    }
    const auto &s = step.shape; // C H W K OH OW R S stride padding dilation groups
    bool ok =
        checkLibrary(l->cudnnCreateTensorDescriptor(&d.x), "cudnnCreateTensorDescriptor", true, error) &&
        checkLibrary(l->cudnnCreateTensorDescriptor(&d.y), "cudnnCreateTensorDescriptor", true, error) &&
        checkLibrary(l->cudnnCreateFilterDescriptor(&d.w), "cudnnCreateFilterDescriptor", true, error) &&
        checkLibrary(l->cudnnCreateConvolutionDescriptor(&d.conv), "cudnnCreateConvolutionDescriptor", true, error) &&
        checkLibrary(l->cudnnSetTensor4dDescriptor(d.x, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, int(n), int(s[0]),
                                                   int(s[1]), int(s[2])),
                     "cudnnSetTensor4dDescriptor", true, error) &&
        checkLibrary(l->cudnnSetTensor4dDescriptor(d.y, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, int(n), int(s[3]),
                                                   int(s[4]), int(s[5])),
                     "cudnnSetTensor4dDescriptor", true, error) &&
        checkLibrary(l->cudnnSetFilter4dDescriptor(d.w, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, int(s[3]),
                                                   int(s[0] / s[11]), int(s[6]), int(s[7])),
                     "cudnnSetFilter4dDescriptor", true, error) &&
        checkLibrary(l->cudnnSetConvolution2dDescriptor(d.conv, int(s[9]), int(s[9]), int(s[8]), int(s[8]), int(s[10]),
                                                        int(s[10]), CUDNN_CROSS_CORRELATION, CUDNN_DATA_FLOAT),
                     "cudnnSetConvolution2dDescriptor", true, error) &&
        checkLibrary(l->cudnnSetConvolutionGroupCount(d.conv, int(s[11])), "cudnnSetConvolutionGroupCount", true,
                     error) &&
        // Plain FP32 arithmetic (no TF32), as on the CPU.
        checkLibrary(l->cudnnSetConvolutionMathType(d.conv, CUDNN_FMA_MATH), "cudnnSetConvolutionMathType", true,
                     error);
    if (ok)
      convs[key] = d;
    return ok;
  }

  bool conv(PlanStep::Kind kind, int64_t x, int64_t w, int64_t y, const std::array<int64_t, 12> &, int64_t n,
            std::string &error) override {
    ConvDescriptors d;
    if (!descriptors(*current, n, d, error))
      return false;
    const float one = 1, zero = 0;
    auto at = [&](int64_t offset) { return reinterpret_cast<void *>(arena + offset); };
    void *ws = reinterpret_cast<void *>(workspace);
    if (kind == PlanStep::Kind::ConvForward)
      return checkLibrary(l->cudnnConvolutionForward(dnn, &one, d.x, at(x), d.w, at(w), d.conv,
                                                     CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM, ws,
                                                     workspaceBytes, &zero, d.y, at(y)),
                          "cudnnConvolutionForward", true, error);
    if (kind == PlanStep::Kind::ConvBackwardData)
      return checkLibrary(l->cudnnConvolutionBackwardData(dnn, &one, d.w, at(w), d.y, at(y), d.conv,
                                                          CUDNN_CONVOLUTION_BWD_DATA_ALGO_1, ws, workspaceBytes, &zero,
                                                          d.x, at(x)),
                          "cudnnConvolutionBackwardData", true, error);
    return checkLibrary(l->cudnnConvolutionBackwardFilter(dnn, &one, d.x, at(x), d.y, at(y), d.conv,
                                                          CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1, ws, workspaceBytes,
                                                          &zero, d.w, at(w)),
                        "cudnnConvolutionBackwardFilter", true, error);
  }

  /// The workspace every convolution of `steps` needs for `n` rows, grown
  /// before any capture (no allocation may happen inside one).
  bool reserveWorkspace(const std::vector<PlanStep> &steps, int64_t n, std::string &error) {
    size_t need = workspaceBytes;
    for (const PlanStep &step : steps) {
      if (step.kind == PlanStep::Kind::Launch || step.kind == PlanStep::Kind::Gemm)
        continue;
      ConvDescriptors d;
      if (!descriptors(step, n, d, error))
        return false;
      size_t bytes = 0;
      int status = step.kind == PlanStep::Kind::ConvForward
                       ? l->cudnnGetConvolutionForwardWorkspaceSize(
                             dnn, d.x, d.w, d.conv, d.y, CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM, &bytes)
                   : step.kind == PlanStep::Kind::ConvBackwardData
                       ? l->cudnnGetConvolutionBackwardDataWorkspaceSize(dnn, d.w, d.y, d.conv, d.x,
                                                                         CUDNN_CONVOLUTION_BWD_DATA_ALGO_1, &bytes)
                       : l->cudnnGetConvolutionBackwardFilterWorkspaceSize(dnn, d.x, d.y, d.conv, d.w,
                                                                           CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1, &bytes);
      if (!checkLibrary(status, "cudnnGetConvolutionWorkspaceSize", true, error))
        return false;
      need = std::max(need, bytes);
    }
    if (need <= workspaceBytes)
      return true;
    if (workspace && !check(l->cuStreamSynchronize(stream), "cuStreamSynchronize", error))
      return false;
    if (workspace)
      l->cuMemFree(workspace);
    for (auto &[_, r] : datasets) {
      l->cuMemFree(r.images);
      l->cuMemFree(r.labels);
    }
    if (indices)
      l->cuMemFree(indices);
    workspace = 0;
    workspaceBytes = 0;
    if (!check(l->cuMemAlloc(&workspace, need), "cuMemAlloc (cuDNN workspace)", error))
      return false;
    workspaceBytes = need;
    return true;
  }

  /// Enqueues `steps`, remembering which step a convolution call is for.
  bool enqueue(const std::vector<PlanStep> &steps, int64_t n, std::string &error) {
    for (const PlanStep &step : steps) {
      current = &step;
      if (!runPlan({step}, n, *this, error))
        return false;
    }
    return true;
  }

  ~Impl() override {
    if (!l)
      return;
    l->cuCtxSetCurrent(context);
    if (stream)
      l->cuStreamSynchronize(stream);
    for (auto &[_, exec] : graphs)
      l->cuGraphExecDestroy(exec);
    for (auto &[_, d] : convs) {
      l->cudnnDestroyTensorDescriptor(d.x);
      l->cudnnDestroyTensorDescriptor(d.y);
      l->cudnnDestroyFilterDescriptor(d.w);
      l->cudnnDestroyConvolutionDescriptor(d.conv);
    }
    if (blas)
      l->cublasDestroy(blas);
    if (dnn)
      l->cudnnDestroy(dnn);
    if (workspace)
      l->cuMemFree(workspace);
    for (auto &[_, r] : datasets) {
      l->cuMemFree(r.images);
      l->cuMemFree(r.labels);
    }
    if (indices)
      l->cuMemFree(indices);
    if (arena)
      l->cuMemFree(arena);
    if (module)
      l->cuModuleUnload(module);
    if (stream)
      l->cuStreamDestroy(stream);
    if (context)
      l->cuDevicePrimaryCtxRelease(device);
  }
};

CudaExecutor::CudaExecutor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CudaExecutor::~CudaExecutor() = default;
const CudaPlan &CudaExecutor::plan() const { return impl_->plan; }

std::unique_ptr<CudaExecutor> CudaExecutor::load(CudaPlan plan, const std::string &ptx, std::string &error) {
  const Libraries *l = loadLibraries(error);
  if (!l)
    return nullptr;
  auto impl = std::make_unique<Impl>();
  impl->l = l;
  impl->plan = std::move(plan);
  Impl &x = *impl;
  if (!x.check(l->cuInit(0), "cuInit", error) || !x.check(l->cuDeviceGet(&x.device, 0), "cuDeviceGet", error) ||
      !x.check(l->cuDevicePrimaryCtxRetain(&x.context, x.device), "cuDevicePrimaryCtxRetain", error) ||
      !x.check(l->cuCtxSetCurrent(x.context), "cuCtxSetCurrent", error) ||
      !x.check(l->cuStreamCreate(&x.stream, CU_STREAM_NON_BLOCKING), "cuStreamCreate", error) ||
      !x.check(l->cuModuleLoadData(&x.module, ptx.c_str()), "loading the PTX (cuModuleLoadData)", error) ||
      !x.check(l->cuMemAlloc(&x.arena, static_cast<size_t>(x.plan.arenaBytes)), "cuMemAlloc (the arena)", error) ||
      !x.checkLibrary(l->cublasCreate(&x.blas), "cublasCreate", false, error) ||
      !x.checkLibrary(l->cublasSetStream(x.blas, x.stream), "cublasSetStream", false, error))
    return nullptr;
  auto convolutions = [](const std::vector<PlanStep> &steps) {
    return std::any_of(steps.begin(), steps.end(), [](const PlanStep &s) {
      return s.kind != PlanStep::Kind::Launch && s.kind != PlanStep::Kind::Gemm;
    });
  };
  if (convolutions(x.plan.trainStep) || convolutions(x.plan.infer)) {
    if (!l->cudnnMissing.empty()) {
      error = "the candidate has convolutions, but " + l->cudnnMissing;
      return nullptr;
    }
    if (!x.checkLibrary(l->cudnnCreate(&x.dnn), "cudnnCreate", true, error) ||
        !x.checkLibrary(l->cudnnSetStream(x.dnn, x.stream), "cudnnSetStream", true, error) ||
        // Room for the full batch's convolutions up front, so that graphs
        // never see the workspace move.
        !x.reserveWorkspace(x.plan.trainStep, x.plan.batch, error) ||
        !x.reserveWorkspace(x.plan.infer, x.plan.batch, error))
      return nullptr;
  }
  if (const char *graphs = std::getenv("NASC_CUDA_GRAPHS"))
    x.graphsEnabled = std::string(graphs) != "0";
  return std::unique_ptr<CudaExecutor>(new CudaExecutor(std::move(impl)));
}

bool CudaExecutor::upload(int64_t offset, const void *host, int64_t bytes, std::string &error) {
  impl_->l->cuCtxSetCurrent(impl_->context); // callers may be other threads (search workers)
  return impl_->check(impl_->l->cuMemcpyHtoDAsync(impl_->arena + offset, host, bytes, impl_->stream),
                      "cuMemcpyHtoDAsync", error);
}

bool CudaExecutor::download(int64_t offset, void *host, int64_t bytes, std::string &error) {
  impl_->l->cuCtxSetCurrent(impl_->context);
  return impl_->check(impl_->l->cuMemcpyDtoHAsync(host, impl_->arena + offset, bytes, impl_->stream),
                      "cuMemcpyDtoHAsync", error);
}

bool CudaExecutor::synchronize(std::string &error) {
  impl_->l->cuCtxSetCurrent(impl_->context);
  return impl_->check(impl_->l->cuStreamSynchronize(impl_->stream), "running the step (cuStreamSynchronize)", error);
}

bool CudaExecutor::gather(const Dataset &data, const std::vector<int64_t> &samples, size_t begin, size_t end,
                          std::string &error) {
  Impl &x = *impl_;
  x.l->cuCtxSetCurrent(x.context);
  const ProgramSlot *input = x.plan.find("input"), *labels = x.plan.find("labels");
  if (x.plan.gatherRows.empty() || !input || !labels) {
    error = "the plan cannot gather batches on the device";
    return false;
  }
  auto it = x.datasets.find(&data);
  if (it == x.datasets.end()) {
    Impl::Resident r;
    size_t imageBytes = data.images.size() * sizeof(float), labelBytes = data.labels.size() * sizeof(int32_t);
    if (!x.check(x.l->cuMemAlloc(&r.images, imageBytes), "cuMemAlloc (the data set)", error) ||
        !x.check(x.l->cuMemAlloc(&r.labels, labelBytes), "cuMemAlloc (the labels)", error) ||
        !x.check(x.l->cuMemcpyHtoDAsync(r.images, data.images.data(), imageBytes, x.stream), "uploading the data",
                 error) ||
        !x.check(x.l->cuMemcpyHtoDAsync(r.labels, data.labels.data(), labelBytes, x.stream), "uploading the labels",
                 error))
      return false;
    it = x.datasets.emplace(&data, r).first;
  }
  if (!x.indices &&
      !x.check(x.l->cuMemAlloc(&x.indices, x.plan.batch * sizeof(int64_t)), "cuMemAlloc (indices)", error))
    return false;
  int64_t n = static_cast<int64_t>(end - begin), rowFloats = data.sampleSize();
  if (n > x.plan.batch) {
    error = "a batch of " + std::to_string(n) + " rows is larger than the plan's " + std::to_string(x.plan.batch);
    return false;
  }
  // Pageable memory: the copy has taken the indices when it returns.
  if (!x.check(x.l->cuMemcpyHtoDAsync(x.indices, samples.data() + begin, n * sizeof(int64_t), x.stream),
               "uploading the batch's indices", error))
    return false;
  return x.launchRaw(x.plan.gatherRows,
                     {x.arena + uint64_t(input->offset), it->second.images, x.indices, uint64_t(rowFloats)},
                     n * rowFloats, error) &&
         x.launchRaw(x.plan.gatherLabels, {x.arena + uint64_t(labels->offset), it->second.labels, x.indices}, n, error);
}

bool CudaExecutor::run(bool train, int64_t n, std::string &error) {
  Impl &x = *impl_;
  x.l->cuCtxSetCurrent(x.context);
  const std::vector<PlanStep> &steps = train ? x.plan.trainStep : x.plan.infer;
  auto key = std::make_pair(train, n);
  if (auto it = x.graphs.find(key); it != x.graphs.end())
    return x.check(x.l->cuGraphLaunch(it->second, x.stream), "cuGraphLaunch", error);
  size_t workspace = x.workspaceBytes;
  if (!x.reserveWorkspace(steps, n, error))
    return false;
  if (x.workspaceBytes != workspace) {
    // Graphs captured before point at the old workspace: capture again.
    for (auto &[_, exec] : x.graphs)
      x.l->cuGraphExecDestroy(exec);
    x.graphs.clear();
    x.modes.clear();
  }
  // The first run is eager (cuBLAS and cuDNN set themselves up outside any
  // capture); the second is captured, and replayed from then on. Where a
  // capture fails, or NASC_CUDA_GRAPHS=0, the steps run eagerly.
  Impl::Mode &mode = x.modes[key];
  if (mode != Impl::Mode::Capture) {
    if (mode == Impl::Mode::FirstRun)
      mode = x.graphsEnabled ? Impl::Mode::Capture : Impl::Mode::Eager;
    return x.enqueue(steps, n, error);
  }
  CUgraph graph = nullptr;
  CUgraphExec exec = nullptr;
  if (!x.check(x.l->cuStreamBeginCapture(x.stream, CU_STREAM_CAPTURE_MODE_THREAD_LOCAL), "cuStreamBeginCapture", error))
    return false;
  std::string why;
  bool enqueued = x.enqueue(steps, n, why);
  CUresult ended = x.l->cuStreamEndCapture(x.stream, &graph);
  bool instantiated =
      enqueued && ended == 0 && x.check(x.l->cuGraphInstantiateWithFlags(&exec, graph, 0), "cuGraphInstantiate", why);
  if (graph)
    x.l->cuGraphDestroy(graph);
  if (!instantiated) {
    if (why.empty())
      why = driverError(*x.l, ended, "cuStreamEndCapture");
    std::fprintf(stderr, "nasc: note: the step could not be captured as a CUDA graph (%s); it runs eagerly\n",
                 why.c_str());
    mode = Impl::Mode::Eager;
    return x.enqueue(steps, n, error);
  }
  x.graphs[key] = exec;
  return x.check(x.l->cuGraphLaunch(exec, x.stream), "cuGraphLaunch", error);
}

Program cudaProgram(std::shared_ptr<CudaExecutor> executor) {
  const CudaPlan &plan = executor->plan();
  Program program;
  program.arenaBytes = plan.arenaBytes;
  program.batch = plan.batch;
  program.slots = plan.slots;
  auto slot = [&plan](const char *name) {
    const ProgramSlot *s = plan.find(name);
    if (!s)
      throw std::runtime_error(std::string("the CUDA plan has no '") + name + "' slot");
    return *s;
  };
  ProgramSlot input = slot("input"), labels = slot("labels"), lr = slot("lr"), step = slot("step"), loss = slot("loss"),
              logits = slot("logits");
  auto started = std::make_shared<bool>(false);
  auto must = [](bool ok, const std::string &error) {
    if (!ok)
      throw std::runtime_error(error);
  };
  // The first call takes the whole arena as the Model initialized it.
  auto start = [executor, started, must](char *arena) {
    std::string error;
    if (!*started)
      must(executor->upload(0, arena, executor->plan().arenaBytes, error), error);
    *started = true;
  };
  // A batch gathered on the device skips the upload of input and labels.
  auto gathered = std::make_shared<bool>(false);
  program.gather = [=](char *arena, const Dataset &data, const std::vector<int64_t> &samples, size_t begin,
                       size_t end) {
    std::string error;
    start(arena); // the parameters go up before the first batch lands
    must(executor->gather(data, samples, begin, end, error), error);
    *gathered = true;
  };
  program.trainStep = [=](char *arena, int64_t n) {
    std::string error;
    start(arena);
    bool onDevice = *gathered;
    *gathered = false;
    must((onDevice || (executor->upload(input.offset, arena + input.offset, input.elements(n) * 4, error) &&
                       executor->upload(labels.offset, arena + labels.offset, labels.elements(n) * 4, error))) &&
             executor->upload(lr.offset, arena + lr.offset, lr.bytes, error) &&
             executor->upload(step.offset, arena + step.offset, step.bytes, error) && executor->run(true, n, error) &&
             executor->download(loss.offset, arena + loss.offset, loss.bytes, error) && executor->synchronize(error),
         error);
  };
  program.infer = [=](char *arena, int64_t n) {
    std::string error;
    start(arena);
    must(executor->upload(input.offset, arena + input.offset, input.elements(n) * 4, error) &&
             executor->run(false, n, error) &&
             executor->download(logits.offset, arena + logits.offset, logits.elements(n) * 4, error) &&
             executor->synchronize(error),
         error);
  };
  program.fetch = [=](char *arena) {
    std::string error;
    if (!*started)
      return;
    for (const ProgramSlot &s : executor->plan().slots)
      if (s.role == "param" || s.role == "state" || s.role == "moment")
        must(executor->download(s.offset, arena + s.offset, s.bytes, error), error);
    must(executor->synchronize(error), error);
  };
  return program;
}

} // namespace nas
