//===- Kernels.cpp - The CPU kernels that compiled training steps call ----===//
//
// Dense layers are one sgemm each. A convolution goes through im2col over a
// chunk of samples at a time: the chunk's patch matrix [C/g*KH*KW, B*OH*OW]
// makes one large sgemm per group, whose [O/g, B*OH*OW] product the epilogue
// scatters back to NCHW with the bias and activation applied. Everything else
// is plain loops, split over a small thread pool when large enough.
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/Kernels.h"

#include <cblas.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <limits>
#include <mutex>
#include <numbers>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

// Says that a loop carries no dependence (an output may be its input
// exactly), so GCC vectorizes it without a runtime overlap check. Clang's
// equivalent also forces vectorization, and warns where it cannot.
#if defined(__GNUC__) && !defined(__clang__)
#define NASC_IVDEP _Pragma("GCC ivdep")
#else
#define NASC_IVDEP
#endif

namespace {

//===----------------------------------------------------------------------===//
// Threads
//===----------------------------------------------------------------------===//

/// Workers that run the parts of one parallel loop at a time; the calling
/// thread runs part 0 itself.
class ThreadPool {
public:
  ~ThreadPool() { resize(0); }

  int64_t threads() const { return static_cast<int64_t>(workers_.size()) + 1; }

  /// Only while no loop runs.
  void resize(int64_t workers) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    wake_.notify_all();
    for (std::thread &t : workers_)
      t.join();
    workers_.clear();
    stop_ = false;
    for (int64_t i = 0; i < workers; ++i)
      workers_.emplace_back([this, i, start = generation_] { work(i + 1, start); });
  }

  /// Runs call(ctx, part) for every part in [0, parts), parts <= threads().
  void run(int64_t parts, void (*call)(void *, int64_t), void *ctx) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      call_ = call;
      ctx_ = ctx;
      parts_ = parts;
      pending_ = parts - 1;
      ++generation_;
    }
    wake_.notify_all();
    call(ctx, 0);
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [&] { return pending_ == 0; });
  }

private:
  void work(int64_t part, uint64_t seen) {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_)
        return;
      seen = generation_;
      if (part >= parts_)
        continue;
      lock.unlock();
      call_(ctx_, part);
      lock.lock();
      if (--pending_ == 0)
        done_.notify_one();
    }
  }

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable wake_, done_;
  void (*call_)(void *, int64_t) = nullptr;
  void *ctx_ = nullptr;
  int64_t parts_ = 0, pending_ = 0;
  uint64_t generation_ = 0;
  bool stop_ = false;
};

std::atomic<int64_t> requestedThreads{0}; // 0: all cores
std::mutex poolUse;                       // one parallel loop at a time
thread_local bool insideLoop = false;

int64_t threadCount() {
  int64_t t = requestedThreads.load(std::memory_order_relaxed);
  return t > 0 ? t : std::max<int64_t>(1, std::thread::hardware_concurrency());
}

ThreadPool &pool() {
  static ThreadPool instance;
  return instance;
}

/// Floats of simple work below which waking a thread costs more than it
/// saves.
constexpr int64_t kGrain = 1 << 16;

/// Items per part so that each part has about kGrain floats of work.
int64_t grainFor(int64_t floatsPerItem) { return std::max<int64_t>(1, kGrain / std::max<int64_t>(1, floatsPerItem)); }

/// fn(begin, end) over contiguous parts of [0, n) of at least `grain` items.
/// Nested loops, and loops of other threads while one runs, run serially.
template <class F> void parallelFor(int64_t n, int64_t grain, F &&fn) {
  const int64_t threads = threadCount(), parts = std::min(threads, (n + grain - 1) / grain);
  if (parts <= 1 || insideLoop) {
    if (n > 0)
      fn(int64_t(0), n);
    return;
  }
  std::unique_lock<std::mutex> lock(poolUse, std::try_to_lock);
  if (!lock.owns_lock()) {
    fn(int64_t(0), n);
    return;
  }
  if (pool().threads() != threads)
    pool().resize(threads - 1);
  auto part = [&](int64_t k) {
    insideLoop = true;
    fn(n * k / parts, n * (k + 1) / parts);
    insideLoop = false;
  };
  pool().run(
      parts, [](void *ctx, int64_t k) { (*static_cast<decltype(part) *>(ctx))(k); }, &part);
}

/// fn(i) for every i of [0, count) of a simple elementwise loop.
template <class F> void parallelElements(int64_t count, F &&fn) {
  parallelFor(count, kGrain, [&](int64_t lo, int64_t hi) {
    NASC_IVDEP
    for (int64_t i = lo; i < hi; ++i)
      fn(i);
  });
}

//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

/// C[M, N] = A[M, K] * B[K, N] + beta * C (either operand transposed), all
/// row-major; an empty K gives beta * C, which cblas may not.
void gemm(bool transA, bool transB, int64_t M, int64_t N, int64_t K, const float *A, int64_t lda, const float *B,
          int64_t ldb, float beta, float *C, int64_t ldc) {
  if (M <= 0 || N <= 0)
    return;
  if (K <= 0) {
    if (beta == 0)
      for (int64_t i = 0; i < M; ++i)
        std::fill_n(C + i * ldc, N, 0.f);
    return;
  }
  // OpenBLAS runs single-threaded (see nasc_set_threads); the pool splits
  // C into column (or row) blocks, one sgemm each.
  auto block = [&](int64_t m0, int64_t m1, int64_t n0, int64_t n1) {
    const float *a = transA ? A + m0 : A + m0 * lda;
    const float *b = transB ? B + n0 * ldb : B + n0;
    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                static_cast<blasint>(m1 - m0), static_cast<blasint>(n1 - n0), static_cast<blasint>(K), 1.f, a,
                static_cast<blasint>(lda), b, static_cast<blasint>(ldb), beta, C + m0 * ldc + n0,
                static_cast<blasint>(ldc));
  };
  constexpr int64_t kMinBlockWork = 1 << 20; // multiply-adds worth a thread
  if (N >= M)
    parallelFor(N, std::max<int64_t>(16, kMinBlockWork / std::max<int64_t>(1, M * K)),
                [&](int64_t lo, int64_t hi) { block(0, M, lo, hi); });
  else
    parallelFor(M, std::max<int64_t>(16, kMinBlockWork / std::max<int64_t>(1, N * K)),
                [&](int64_t lo, int64_t hi) { block(lo, hi, 0, N); });
}

/// Sum of term(i) for i in [0, len): float lanes (so that it vectorizes)
/// added up in double.
template <class F> double sumOf(int64_t len, F &&term) {
  constexpr int kLanes = 8;
  float lane[kLanes] = {};
  int64_t i = 0;
  for (; i + kLanes <= len; i += kLanes)
    for (int j = 0; j < kLanes; ++j)
      lane[j] += term(i + j);
  double sum = 0;
  for (; i < len; ++i)
    sum += term(i);
  for (float l : lane)
    sum += l;
  return sum;
}

constexpr float kInvSqrt2 = 1 / std::numbers::sqrt2_v<float>;

/// Calls g(f) with f the activation `kind` as a float function.
template <class G> void withActivation(int64_t kind, G &&g) {
  switch (kind) {
  case NASC_ACT_RELU: return g([](float x) { return x < 0 ? 0.f : x; });
  case NASC_ACT_GELU: return g([](float x) { return 0.5f * x * (1 + std::erf(x * kInvSqrt2)); });
  case NASC_ACT_TANH: return g([](float x) { return std::tanh(x); });
  case NASC_ACT_SIGMOID: return g([](float x) { return 1 / (1 + std::exp(-x)); });
  case NASC_ACT_SILU: return g([](float x) { return x / (1 + std::exp(-x)); });
  default: return g([](float x) { return x; });
  }
}

/// The epilogue of a product: dst[i] = act(src[i] + bias) over len floats,
/// where the bias is none, one value (*bias) or one per element (bias[i]).
/// dst may be src.
void biasActivation(const float *src, float *dst, int64_t len, const float *bias, bool biasPerElement, int64_t act) {
  withActivation(act, [&](auto f) {
    if (!bias) {
      NASC_IVDEP
      for (int64_t i = 0; i < len; ++i)
        dst[i] = f(src[i]);
    } else if (biasPerElement) {
      NASC_IVDEP
      for (int64_t i = 0; i < len; ++i)
        dst[i] = f(src[i] + bias[i]);
    } else {
      const float b = *bias;
      NASC_IVDEP
      for (int64_t i = 0; i < len; ++i)
        dst[i] = f(src[i] + b);
    }
  });
}

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

/// Sizes of one group of a convolution. im2col reads a zero-padded copy of
/// each image (PH x PW per channel), so that it needs no bounds checks.
struct ConvGeom {
  explicit ConvGeom(const nasc_conv_shape &s)
      : s(s), Cg(s.C / s.groups), Og(s.O / s.groups), Kg(Cg * s.KH * s.KW), OHW(s.OH * s.OW), PH(s.H + 2 * s.pad),
        PW(s.W + 2 * s.pad), padded(Cg * PH * PW) {}
  const nasc_conv_shape &s;
  int64_t Cg, Og, Kg, OHW, PH, PW, padded;
};

/// Floats of scratch that one chunk of samples may use: big enough for
/// sgemm to run at full speed, small enough to stay in cache.
constexpr int64_t kChunkFloats = 1 << 20;

/// A sample's patch matrix [Kg, OHW], product [Og, OHW] and padded image.
int64_t scratchPerSample(const ConvGeom &g) { return (g.Kg + g.Og) * g.OHW + g.padded; }

/// Chunks of samples that run at once, each on a thread with its own part
/// of the scratch: fixed per machine, so that the compiler (which sizes the
/// scratch) and the run agree.
int64_t chunkLanes() { return std::clamp<int64_t>(std::thread::hardware_concurrency(), 1, 8); }

/// Samples per chunk: enough chunks for every lane, none too big; never
/// more for a smaller n, so that scratch sized for a batch serves every
/// smaller n.
int64_t chunkSamples(const ConvGeom &g, int64_t n) {
  const int64_t perLane = (std::max<int64_t>(1, n) + chunkLanes() - 1) / chunkLanes();
  return std::clamp<int64_t>(std::min(kChunkFloats / std::max<int64_t>(1, scratchPerSample(g)), perLane), 1,
                             std::max<int64_t>(1, n));
}

/// Floats of one lane's scratch: its chunk's buffers and a partial weight
/// gradient.
int64_t laneFloats(const ConvGeom &g, int64_t n) { return chunkSamples(g, n) * scratchPerSample(g) + g.s.O * g.Kg; }

/// Copies group `grp` of sample `b` between x (NCHW) and the middle of a
/// padded image; ToPadded zeroes the padding first.
template <bool ToPadded>
void padImage(std::conditional_t<ToPadded, const float *, float *> x,
              std::conditional_t<ToPadded, float *, const float *> padded, const ConvGeom &g, int64_t b, int64_t grp) {
  const nasc_conv_shape &s = g.s;
  if constexpr (ToPadded)
    std::fill_n(padded, g.padded, 0.f);
  for (int64_t c = 0; c < g.Cg; ++c)
    for (int64_t h = 0; h < s.H; ++h) {
      auto *image = x + ((b * s.C + grp * g.Cg + c) * s.H + h) * s.W;
      auto *middle = padded + (c * g.PH + h + s.pad) * g.PW + s.pad;
      if constexpr (ToPadded)
        std::copy_n(image, s.W, middle);
      else
        std::copy_n(middle, s.W, image);
    }
}

/// Walks the patch matrix of one padded image: rows (c, kh, kw), columns
/// (oh, ow), row stride ldcol. Gather (im2col) copies the image into col;
/// scatter (col2im) adds col back into the image.
template <bool Gather>
void patches(std::conditional_t<Gather, const float *, float *> padded,
             std::conditional_t<Gather, float *, const float *> col, int64_t ldcol, const ConvGeom &g) {
  const nasc_conv_shape &s = g.s;
  auto transfer = [](auto *image, auto *row, int64_t i, int64_t j) {
    if constexpr (Gather)
      row[i] = image[j];
    else
      image[j] += row[i];
  };
  for (int64_t c = 0; c < g.Cg; ++c)
    for (int64_t kh = 0; kh < s.KH; ++kh)
      for (int64_t kw = 0; kw < s.KW; ++kw)
        for (int64_t oh = 0; oh < s.OH; ++oh) {
          auto *row = col + ((c * s.KH + kh) * s.KW + kw) * ldcol + oh * s.OW;
          auto *image = padded + (c * g.PH + oh * s.stride + kh * s.dilation) * g.PW + kw * s.dilation;
          if (s.stride == 1)
            for (int64_t ow = 0; ow < s.OW; ++ow)
              transfer(image, row, ow, ow);
          else
            for (int64_t ow = 0; ow < s.OW; ++ow)
              transfer(image, row, ow, ow * s.stride);
        }
}

/// fn(b, padded) for each sample b of a chunk, with a padded image of its own.
template <class F> void forEachSample(const ConvGeom &g, int64_t B, float *images, F &&fn) {
  parallelFor(B, grainFor(g.Kg * g.OHW), [&](int64_t lo, int64_t hi) {
    for (int64_t b = lo; b < hi; ++b)
      fn(b, images + b * g.padded);
  });
}

/// The patch matrix [Kg, B*OHW] of group `grp` of samples [b0, b0+B) of x.
void im2colChunk(const float *x, float *col, float *images, const ConvGeom &g, int64_t b0, int64_t B, int64_t grp) {
  forEachSample(g, B, images, [&](int64_t b, float *padded) {
    padImage<true>(x, padded, g, b0 + b, grp);
    patches<true>(padded, col + b * g.OHW, B * g.OHW, g);
  });
}

/// Calls f(nchw, chunk, channel) for each OHW-float plane of the outputs of
/// group `grp` and samples [b0, b0+B): its offset in an NCHW [n, O, OH, OW]
/// tensor and in the chunk's product [Og, B*OHW].
template <class F> void forEachOutputPlane(const ConvGeom &g, int64_t b0, int64_t B, int64_t grp, F &&f) {
  parallelFor(B, grainFor(g.Og * g.OHW), [&](int64_t lo, int64_t hi) {
    for (int64_t b = lo; b < hi; ++b)
      for (int64_t o = 0; o < g.Og; ++o) {
        const int64_t channel = grp * g.Og + o;
        f(((b0 + b) * g.s.O + channel) * g.OHW, (o * B + b) * g.OHW, channel);
      }
  });
}

/// Copies the output gradient of a chunk and group into product layout.
void gatherOutputs(const float *dy, float *out, const ConvGeom &g, int64_t b0, int64_t B, int64_t grp) {
  forEachOutputPlane(g, b0, B, grp,
                     [&](int64_t nchw, int64_t chunk, int64_t) { std::copy_n(dy + nchw, g.OHW, out + chunk); });
}

/// Calls f(b0, B, col, out, images) for each chunk of samples, with the
/// scratch split into the chunk's patch matrix, product and padded images.
/// f(b0, B, col, out, images, lane) for each chunk of samples [b0, b0 + B),
/// the lanes' chunks in parallel; `lane` says whose scratch it uses.
template <class F> void forEachChunk(const ConvGeom &g, int64_t n, float *scratch, F &&f) {
  const int64_t chunk = chunkSamples(g, n), chunks = (n + chunk - 1) / chunk;
  const int64_t lanes = std::min({chunkLanes(), threadCount(), std::max<int64_t>(1, chunks)});
  parallelFor(lanes, 1, [&](int64_t first, int64_t last) {
    for (int64_t lane = first; lane < last; ++lane) {
      float *col = scratch + lane * laneFloats(g, n), *out = col + chunk * g.Kg * g.OHW,
            *images = out + chunk * g.Og * g.OHW;
      for (int64_t c = lane; c < chunks; c += lanes)
        f(c * chunk, std::min(chunk, n - c * chunk), col, out, images, lane);
    }
  });
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

struct PoolGeom {
  int64_t H, W, OH, OW, K, stride, pad;
};

/// The outputs o in [0, outSize) whose input o*stride + offset lies in [0, size).
std::pair<int64_t, int64_t> insideRange(int64_t offset, int64_t stride, int64_t size, int64_t outSize) {
  int64_t lo = offset < 0 ? (-offset + stride - 1) / stride : 0;
  int64_t hi = offset < size ? std::min(outSize, (size - offset + stride - 1) / stride) : 0;
  return {std::min(lo, outSize), std::max(std::min(lo, outSize), hi)};
}

/// Calls f(lo, hi, in) for each tap (kh, kw) of the windows of output row oh
/// of a plane, in row-major window order: the outputs ow in [lo, hi) read the
/// input in + ow*stride (taps on padding are skipped).
template <class F> void forEachTap(const PoolGeom &p, int64_t oh, F &&f) {
  for (int64_t kh = 0; kh < p.K; ++kh) {
    const int64_t h = oh * p.stride - p.pad + kh;
    if (h < 0 || h >= p.H)
      continue;
    for (int64_t kw = 0; kw < p.K; ++kw) {
      const auto [lo, hi] = insideRange(kw - p.pad, p.stride, p.W, p.OW);
      f(lo, hi, h * p.W + kw - p.pad);
    }
  }
}

/// best[ow] = the maximum of window ow of output row oh (NaN wins; -inf for
/// an empty window) and, when arg is not null, arg[ow] its index in the
/// plane, the first maximum in window order (-1 for an empty window). The
/// index is 32-bit, as wide as a float, so that the loop vectorizes.
void rowMax(const float *plane, const PoolGeom &p, int64_t oh, float *best, int32_t *arg) {
  std::fill_n(best, p.OW, -std::numeric_limits<float>::infinity());
  if (arg)
    std::fill_n(arg, p.OW, -1);
  forEachTap(p, oh, [&](int64_t lo, int64_t hi, int64_t in) {
    if (!arg) {
      for (int64_t ow = lo; ow < hi; ++ow) {
        const float v = plane[in + ow * p.stride];
        best[ow] = v > best[ow] || v != v ? v : best[ow];
      }
      return;
    }
    for (int64_t ow = lo; ow < hi; ++ow) {
      const float v = plane[in + ow * p.stride];
      const bool take = v > best[ow] || v != v || arg[ow] < 0;
      best[ow] = take ? v : best[ow];
      arg[ow] = take ? static_cast<int32_t>(in + ow * p.stride) : arg[ow];
    }
  });
}

/// The 2x2, stride 2, unpadded windows of output row oh (the common case)
/// without the general loop's index arithmetic: best[ow] as rowMax gives
/// it, arg[ow] the first maximum in window order.
bool isPlain2x2(const PoolGeom &p) { return p.K == 2 && p.stride == 2 && p.pad == 0; }

void rowMax2x2(const float *plane, const PoolGeom &p, int64_t oh, float *best, int32_t *arg) {
  const float *r0 = plane + 2 * oh * p.W, *r1 = r0 + p.W;
  const int32_t top = static_cast<int32_t>(2 * oh * p.W), bottom = static_cast<int32_t>(top + p.W);
  // Branch-free selects, so that the loops vectorize.
  if (!arg) {
    NASC_IVDEP
    for (int64_t ow = 0; ow < p.OW; ++ow) {
      const int64_t c = 2 * ow;
      float b = r0[c];
      b = r0[c + 1] > b || r0[c + 1] != r0[c + 1] ? r0[c + 1] : b;
      b = r1[c] > b || r1[c] != r1[c] ? r1[c] : b;
      b = r1[c + 1] > b || r1[c + 1] != r1[c + 1] ? r1[c + 1] : b;
      best[ow] = b;
    }
    return;
  }
  NASC_IVDEP
  for (int64_t ow = 0; ow < p.OW; ++ow) {
    const int64_t c = 2 * ow;
    const int32_t c32 = static_cast<int32_t>(c);
    float b = r0[c];
    int32_t at = top + c32;
    bool t = r0[c + 1] > b || r0[c + 1] != r0[c + 1];
    b = t ? r0[c + 1] : b;
    at = t ? top + c32 + 1 : at;
    t = r1[c] > b || r1[c] != r1[c];
    b = t ? r1[c] : b;
    at = t ? bottom + c32 : at;
    t = r1[c + 1] > b || r1[c + 1] != r1[c + 1];
    b = t ? r1[c + 1] : b;
    at = t ? bottom + c32 + 1 : at;
    best[ow] = b;
    arg[ow] = at;
  }
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

/// The mean and biased variance of `rows` rows of `len` floats at stride
/// `ld` (two passes, for accuracy).
std::pair<float, float> moments(const float *x, int64_t rows, int64_t len, int64_t ld) {
  const double count = static_cast<double>(rows * len);
  double sum = 0;
  for (int64_t r = 0; r < rows; ++r)
    sum += sumOf(len, [p = x + r * ld](int64_t i) { return p[i]; });
  const float mean = static_cast<float>(sum / count);
  double squares = 0;
  for (int64_t r = 0; r < rows; ++r)
    squares += sumOf(len, [p = x + r * ld, mean](int64_t i) { return (p[i] - mean) * (p[i] - mean); });
  return {mean, static_cast<float>(squares / count)};
}

} // namespace

//===----------------------------------------------------------------------===//
// The kernels
//===----------------------------------------------------------------------===//

extern "C" {

void nasc_set_threads(int64_t threads) {
  requestedThreads.store(std::max<int64_t>(0, threads), std::memory_order_relaxed);
  // One pool of threads, ours: OpenBLAS's own threads spin (sched_yield)
  // after each call and starve the pool's work on a small machine.
  openblas_set_num_threads(1);
}

// --- Dense ------------------------------------------------------------------

void nasc_linear(const float *x, const float *w, const float *b, float *y, int64_t n, int64_t K, int64_t M,
                 int64_t act) {
  gemm(false, true, n, M, K, x, K, w, K, 0, y, M);
  if (b || act != NASC_ACT_NONE)
    parallelFor(n, grainFor(M), [&](int64_t lo, int64_t hi) {
      for (int64_t r = lo; r < hi; ++r)
        biasActivation(y + r * M, y + r * M, M, b, true, act);
    });
}

void nasc_linear_grad_input(const float *dy, const float *w, float *dx, int64_t n, int64_t K, int64_t M) {
  gemm(false, false, n, K, M, dy, M, w, K, 0, dx, K);
}

void nasc_linear_grad_weight(const float *dy, const float *x, float *dw, int64_t n, int64_t K, int64_t M) {
  gemm(true, false, M, K, n, dy, M, x, K, 0, dw, K);
}

void nasc_bias_grad(const float *dy, float *db, int64_t n, int64_t C, int64_t inner) {
  parallelFor(C, grainFor(n * inner), [&](int64_t lo, int64_t hi) {
    for (int64_t c = lo; c < hi; ++c) {
      double sum = 0;
      for (int64_t i = 0; i < n; ++i) {
        const float *row = dy + (i * C + c) * inner;
        sum += sumOf(inner, [row](int64_t k) { return row[k]; });
      }
      db[c] = static_cast<float>(sum);
    }
  });
}

// --- Convolution ------------------------------------------------------------

int64_t nasc_conv_scratch_floats(const nasc_conv_shape *s, int64_t n) {
  ConvGeom g(*s);
  return chunkLanes() * laneFloats(g, n);
}

void nasc_conv2d(const float *x, const float *w, const float *b, float *y, float *scratch, const nasc_conv_shape *s,
                 int64_t n, int64_t act) {
  ConvGeom g(*s);
  forEachChunk(g, n, scratch, [&](int64_t b0, int64_t B, float *col, float *out, float *images, int64_t) {
    for (int64_t grp = 0; grp < s->groups; ++grp) {
      im2colChunk(x, col, images, g, b0, B, grp);
      gemm(false, false, g.Og, B * g.OHW, g.Kg, w + grp * g.Og * g.Kg, g.Kg, col, B * g.OHW, 0, out, B * g.OHW);
      forEachOutputPlane(g, b0, B, grp, [&](int64_t nchw, int64_t chunk, int64_t channel) {
        biasActivation(out + chunk, y + nchw, g.OHW, b ? b + channel : nullptr, false, act);
      });
    }
  });
}

void nasc_conv2d_grad_input(const float *dy, const float *w, float *dx, float *scratch, const nasc_conv_shape *s,
                            int64_t n) {
  ConvGeom g(*s);
  forEachChunk(g, n, scratch, [&](int64_t b0, int64_t B, float *col, float *out, float *images, int64_t) {
    for (int64_t grp = 0; grp < s->groups; ++grp) {
      gatherOutputs(dy, out, g, b0, B, grp);
      // The patch matrix's gradient, W_g^T * dy_g, then summed back into dx.
      gemm(true, false, g.Kg, B * g.OHW, g.Og, w + grp * g.Og * g.Kg, g.Kg, out, B * g.OHW, 0, col, B * g.OHW);
      forEachSample(g, B, images, [&](int64_t b, float *padded) {
        std::fill_n(padded, g.padded, 0.f);
        patches<false>(padded, col + b * g.OHW, B * g.OHW, g);
        padImage<false>(dx, padded, g, b0 + b, grp);
      });
    }
  });
}

void nasc_conv2d_grad_weight(const float *dy, const float *x, float *dw, float *scratch, const nasc_conv_shape *s,
                             int64_t n) {
  ConvGeom g(*s);
  // Each lane sums its chunks into its own partial gradient; then the
  // partials are added up.
  const int64_t size = s->O * g.Kg, lane0 = laneFloats(g, n) - size;
  for (int64_t lane = 0; lane < chunkLanes(); ++lane)
    std::fill_n(scratch + lane * laneFloats(g, n) + lane0, size, 0.f);
  forEachChunk(g, n, scratch, [&](int64_t b0, int64_t B, float *col, float *out, float *images, int64_t lane) {
    float *partial = scratch + lane * laneFloats(g, n) + lane0;
    for (int64_t grp = 0; grp < s->groups; ++grp) {
      im2colChunk(x, col, images, g, b0, B, grp);
      gatherOutputs(dy, out, g, b0, B, grp);
      gemm(false, true, g.Og, g.Kg, B * g.OHW, out, B * g.OHW, col, B * g.OHW, 1.f, partial + grp * g.Og * g.Kg, g.Kg);
    }
  });
  std::fill_n(dw, size, 0.f);
  for (int64_t lane = 0; lane < chunkLanes(); ++lane) {
    const float *partial = scratch + lane * laneFloats(g, n) + lane0;
    for (int64_t i = 0; i < size; ++i)
      dw[i] += partial[i];
  }
}

// --- Pooling ----------------------------------------------------------------

void nasc_pool2d(const float *x, float *y, int64_t n, int64_t C, int64_t H, int64_t W, int64_t OH, int64_t OW,
                 int64_t K, int64_t stride, int64_t pad, int64_t kind) {
  const PoolGeom p{H, W, OH, OW, K, stride, pad};
  const float inv = 1.f / static_cast<float>(K * K);
  parallelFor(n * C, grainFor(H * W), [&](int64_t first, int64_t last) {
    for (int64_t plane = first; plane < last; ++plane)
      for (int64_t oh = 0; oh < OH; ++oh) {
        const float *in = x + plane * H * W;
        float *out = y + (plane * OH + oh) * OW;
        if (kind == 0) {
          (isPlain2x2(p) ? rowMax2x2 : rowMax)(in, p, oh, out, nullptr);
          continue;
        }
        std::fill_n(out, OW, 0.f);
        forEachTap(p, oh, [&](int64_t lo, int64_t hi, int64_t at) {
          for (int64_t ow = lo; ow < hi; ++ow)
            out[ow] += in[at + ow * stride];
        });
        for (int64_t ow = 0; ow < OW; ++ow)
          out[ow] *= inv;
      }
  });
}

void nasc_pool2d_grad(const float *dy, const float *x, float *dx, int64_t n, int64_t C, int64_t H, int64_t W,
                      int64_t OH, int64_t OW, int64_t K, int64_t stride, int64_t pad, int64_t kind) {
  const PoolGeom p{H, W, OH, OW, K, stride, pad};
  const float inv = 1.f / static_cast<float>(K * K);
  parallelFor(n * C, grainFor(H * W), [&](int64_t first, int64_t last) {
    std::vector<float> best(kind == 0 ? OW : 0);
    std::vector<int32_t> arg(best.size());
    for (int64_t plane = first; plane < last; ++plane) {
      float *out = dx + plane * H * W;
      std::fill_n(out, H * W, 0.f);
      for (int64_t oh = 0; oh < OH; ++oh) {
        const float *grad = dy + (plane * OH + oh) * OW;
        if (kind == 0) {
          (isPlain2x2(p) ? rowMax2x2 : rowMax)(x + plane * H * W, p, oh, best.data(), arg.data());
          for (int64_t ow = 0; ow < OW; ++ow)
            if (arg[ow] >= 0)
              out[arg[ow]] += grad[ow];
          continue;
        }
        forEachTap(p, oh, [&](int64_t lo, int64_t hi, int64_t at) {
          for (int64_t ow = lo; ow < hi; ++ow)
            out[at + ow * stride] += grad[ow] * inv;
        });
      }
    }
  });
}

void nasc_global_avgpool(const float *x, float *y, int64_t n, int64_t C, int64_t HW) {
  parallelFor(n * C, grainFor(HW), [&](int64_t first, int64_t last) {
    for (int64_t plane = first; plane < last; ++plane) {
      const float *in = x + plane * HW;
      y[plane] = static_cast<float>(sumOf(HW, [in](int64_t i) { return in[i]; }) / static_cast<double>(HW));
    }
  });
}

void nasc_global_avgpool_grad(const float *dy, float *dx, int64_t n, int64_t C, int64_t HW) {
  const float inv = 1.f / static_cast<float>(HW);
  parallelFor(n * C, grainFor(HW), [&](int64_t first, int64_t last) {
    for (int64_t plane = first; plane < last; ++plane)
      std::fill_n(dx + plane * HW, HW, dy[plane] * inv);
  });
}

// --- Elementwise ------------------------------------------------------------

void nasc_activation(const float *x, float *y, int64_t count, int64_t kind) {
  parallelFor(count, kGrain,
              [&](int64_t lo, int64_t hi) { biasActivation(x + lo, y + lo, hi - lo, nullptr, false, kind); });
}

void nasc_activation_grad(const float *dy, const float *x, const float *y, float *dx, int64_t count, int64_t kind) {
  // grad(dy, v): v is y for relu, sigmoid and tanh, x for the others.
  auto run = [&](const float *v, auto grad) { parallelElements(count, [&](int64_t i) { dx[i] = grad(dy[i], v[i]); }); };
  switch (kind) {
  case NASC_ACT_RELU: return run(y, [](float d, float v) { return v > 0 ? d : 0.f; });
  case NASC_ACT_SIGMOID: return run(y, [](float d, float v) { return d * v * (1 - v); });
  case NASC_ACT_TANH: return run(y, [](float d, float v) { return d * (1 - v * v); });
  case NASC_ACT_GELU:
    return run(x, [](float d, float v) {
      const float cdf = 0.5f * (1 + std::erf(v * kInvSqrt2));
      const float pdf = std::exp(-0.5f * v * v) * std::numbers::inv_sqrtpi_v<float> * kInvSqrt2;
      return d * (cdf + v * pdf);
    });
  case NASC_ACT_SILU:
    return run(x, [](float d, float v) {
      const float sig = 1 / (1 + std::exp(-v));
      return d * sig * (1 + v * (1 - sig));
    });
  default: return run(dy, [](float d, float) { return d; });
  }
}

void nasc_add(const float *a, const float *b, float *y, int64_t count) {
  parallelElements(count, [&](int64_t i) { y[i] = a[i] + b[i]; });
}

void nasc_mul(const float *a, const float *b, float *y, int64_t count) {
  parallelElements(count, [&](int64_t i) { y[i] = a[i] * b[i]; });
}

void nasc_fill_zero(float *y, int64_t count) {
  parallelFor(count, kGrain, [&](int64_t lo, int64_t hi) { std::fill(y + lo, y + hi, 0.f); });
}

void nasc_copy_rows(const float *src, float *dst, int64_t outer, int64_t inner, int64_t src_stride,
                    int64_t dst_stride) {
  parallelFor(outer, grainFor(inner), [&](int64_t lo, int64_t hi) {
    for (int64_t r = lo; r < hi; ++r)
      std::memcpy(dst + r * dst_stride, src + r * src_stride, static_cast<size_t>(inner) * sizeof(float));
  });
}

// --- Normalization and dropout ----------------------------------------------

void nasc_batchnorm_train(const float *x, const float *gamma, const float *beta, float *y, float *mean, float *invstd,
                          float *running_mean, float *running_var, int64_t n, int64_t C, int64_t inner, float eps,
                          float momentum) {
  const int64_t count = n * inner;
  // PyTorch's running variance is unbiased; with one value per channel
  // (which PyTorch refuses) the biased one stands in.
  const float unbias = static_cast<float>(count) / static_cast<float>(std::max<int64_t>(1, count - 1));
  parallelFor(C, grainFor(3 * count), [&](int64_t lo, int64_t hi) {
    for (int64_t c = lo; c < hi; ++c) {
      const auto [m, var] = moments(x + c * inner, n, inner, C * inner);
      const float inv = 1 / std::sqrt(var + eps);
      mean[c] = m;
      invstd[c] = inv;
      const float scale = gamma[c] * inv, shift = beta[c] - m * scale;
      for (int64_t i = 0; i < n; ++i) {
        const float *in = x + (i * C + c) * inner;
        float *out = y + (i * C + c) * inner;
        for (int64_t k = 0; k < inner; ++k)
          out[k] = in[k] * scale + shift;
      }
      running_mean[c] = (1 - momentum) * running_mean[c] + momentum * m;
      running_var[c] = (1 - momentum) * running_var[c] + momentum * var * unbias;
    }
  });
}

void nasc_batchnorm_infer(const float *x, const float *gamma, const float *beta, const float *running_mean,
                          const float *running_var, float *y, int64_t n, int64_t C, int64_t inner, float eps) {
  parallelFor(n * C, grainFor(inner), [&](int64_t lo, int64_t hi) {
    for (int64_t row = lo; row < hi; ++row) {
      const int64_t c = row % C;
      const float scale = gamma[c] / std::sqrt(running_var[c] + eps), shift = beta[c] - running_mean[c] * scale;
      const float *in = x + row * inner;
      float *out = y + row * inner;
      for (int64_t k = 0; k < inner; ++k)
        out[k] = in[k] * scale + shift;
    }
  });
}

void nasc_batchnorm_grad(const float *dy, const float *x, const float *gamma, const float *mean, const float *invstd,
                         float *dx, float *dgamma, float *dbeta, int64_t n, int64_t C, int64_t inner) {
  const double count = static_cast<double>(n * inner);
  parallelFor(C, grainFor(3 * n * inner), [&](int64_t lo, int64_t hi) {
    for (int64_t c = lo; c < hi; ++c) {
      const float m = mean[c], inv = invstd[c];
      double sumDy = 0, sumDyXhat = 0;
      for (int64_t i = 0; i < n; ++i) {
        const float *g = dy + (i * C + c) * inner, *in = x + (i * C + c) * inner;
        sumDy += sumOf(inner, [g](int64_t k) { return g[k]; });
        sumDyXhat += sumOf(inner, [g, in, m, inv](int64_t k) { return g[k] * (in[k] - m) * inv; });
      }
      dbeta[c] = static_cast<float>(sumDy);
      dgamma[c] = static_cast<float>(sumDyXhat);
      // dx = gamma * invstd * (dy - mean(dy) - xhat * mean(dy * xhat)).
      const float k = gamma[c] * inv, meanDy = static_cast<float>(sumDy / count),
                  meanDyXhat = static_cast<float>(sumDyXhat / count);
      for (int64_t i = 0; i < n; ++i) {
        const float *g = dy + (i * C + c) * inner, *in = x + (i * C + c) * inner;
        float *out = dx + (i * C + c) * inner;
        for (int64_t j = 0; j < inner; ++j)
          out[j] = k * (g[j] - meanDy - (in[j] - m) * inv * meanDyXhat);
      }
    }
  });
}

void nasc_layernorm(const float *x, const float *gamma, const float *beta, float *y, float *mean, float *invstd,
                    int64_t n, int64_t D, float eps) {
  parallelFor(n, grainFor(3 * D), [&](int64_t lo, int64_t hi) {
    for (int64_t r = lo; r < hi; ++r) {
      const auto [m, var] = moments(x + r * D, 1, D, D);
      const float inv = 1 / std::sqrt(var + eps);
      mean[r] = m;
      invstd[r] = inv;
      const float *in = x + r * D;
      float *out = y + r * D;
      for (int64_t d = 0; d < D; ++d)
        out[d] = (in[d] - m) * inv * gamma[d] + beta[d];
    }
  });
}

void nasc_layernorm_grad(const float *dy, const float *x, const float *gamma, const float *mean, const float *invstd,
                         float *dx, float *dgamma, float *dbeta, int64_t n, int64_t D) {
  parallelFor(n, grainFor(3 * D), [&](int64_t lo, int64_t hi) {
    for (int64_t r = lo; r < hi; ++r) {
      const float *g = dy + r * D, *in = x + r * D;
      const float m = mean[r], inv = invstd[r];
      // dx = invstd * (g - mean(g) - xhat * mean(g * xhat)) with g = dy * gamma.
      const float meanG = static_cast<float>(sumOf(D, [&](int64_t d) { return g[d] * gamma[d]; }) / D);
      const float meanGXhat =
          static_cast<float>(sumOf(D, [&](int64_t d) { return g[d] * gamma[d] * (in[d] - m) * inv; }) / D);
      float *out = dx + r * D;
      for (int64_t d = 0; d < D; ++d)
        out[d] = inv * (g[d] * gamma[d] - meanG - (in[d] - m) * inv * meanGXhat);
    }
  });
  // The parameters' gradients sum over rows: split over features instead.
  parallelFor(D, grainFor(2 * n), [&](int64_t lo, int64_t hi) {
    std::fill(dgamma + lo, dgamma + hi, 0.f);
    std::fill(dbeta + lo, dbeta + hi, 0.f);
    for (int64_t r = 0; r < n; ++r) {
      const float *g = dy + r * D, *in = x + r * D;
      const float m = mean[r], inv = invstd[r];
      for (int64_t d = lo; d < hi; ++d) {
        dgamma[d] += g[d] * (in[d] - m) * inv;
        dbeta[d] += g[d];
      }
    }
  });
}

void nasc_dropout(const float *x, float *y, float *mask, int64_t count, float rate, uint64_t seed) {
  const float scale = rate < 1 ? 1 / (1 - rate) : 0.f;
  parallelElements(count, [&](int64_t i) {
    // splitmix64 of the seed and the index: the same mask for any split.
    uint64_t z = seed ^ (static_cast<uint64_t>(i) * 0x9E3779B97F4A7C15ull);
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    const float u = static_cast<float>(z >> 40) * 0x1p-24f;
    mask[i] = u >= rate ? scale : 0.f;
    y[i] = x[i] * mask[i];
  });
}

// --- Loss -------------------------------------------------------------------

void nasc_softmax_cross_entropy(const float *logits, const int32_t *labels, float *loss, float *dlogits, int64_t n,
                                int64_t K) {
  double total = 0;
  const float invN = 1.f / static_cast<float>(n);
  for (int64_t i = 0; i < n; ++i) {
    const float *row = logits + i * K;
    const float max = *std::max_element(row, row + K);
    const double sum = sumOf(K, [row, max](int64_t k) { return std::exp(row[k] - max); });
    const int32_t label = labels[i];
    const bool valid = label >= 0 && label < K;
    total += valid ? max + std::log(sum) - row[label] : std::numeric_limits<double>::quiet_NaN();
    if (!dlogits)
      continue;
    float *d = dlogits + i * K;
    if (!valid) {
      std::fill_n(d, K, std::numeric_limits<float>::quiet_NaN());
      continue;
    }
    const float scale = static_cast<float>(1 / sum) * invN;
    for (int64_t k = 0; k < K; ++k)
      d[k] = std::exp(row[k] - max) * scale;
    d[label] -= invN;
  }
  *loss = static_cast<float>(total / static_cast<double>(n));
}

// --- Optimizers -------------------------------------------------------------

void nasc_sgd(float *p, const float *g, float *m, int64_t count, float lr, float momentum, float weight_decay,
              int64_t nesterov, int64_t first) {
  if (momentum == 0 || !m) {
    parallelElements(count, [&](int64_t i) { p[i] -= lr * (g[i] + weight_decay * p[i]); });
    return;
  }
  parallelElements(count, [&](int64_t i) {
    const float d = g[i] + weight_decay * p[i];
    m[i] = first ? d : momentum * m[i] + d;
    p[i] -= lr * (nesterov ? d + momentum * m[i] : m[i]);
  });
}

void nasc_adam(float *p, const float *g, float *m, float *v, int64_t count, float lr, float beta1, float beta2,
               float eps, float weight_decay, int64_t adamw, int64_t step) {
  const double t = static_cast<double>(std::max<int64_t>(1, step));
  const float stepSize = static_cast<float>(lr / (1 - std::pow(double(beta1), t)));
  const float invSqrtBias2 = static_cast<float>(1 / std::sqrt(1 - std::pow(double(beta2), t)));
  const float decay = adamw ? 1 - lr * weight_decay : 1.f, l2 = adamw ? 0.f : weight_decay;
  parallelElements(count, [&](int64_t i) {
    const float d = g[i] + l2 * p[i];
    m[i] = beta1 * m[i] + (1 - beta1) * d;
    v[i] = beta2 * v[i] + (1 - beta2) * d * d;
    p[i] = p[i] * decay - stepSize * m[i] / (std::sqrt(v[i]) * invSqrtBias2 + eps);
  });
}

} // extern "C"
