// RUN: nas-opt %s --nn-autodiff --nn-lower-cuda=batch=32 --split-input-file --verify-diagnostics | FileCheck %s

// Two branches meet in an add that a gelu follows. The products go to
// cuBLAS (column-major: the weight read transposed), each layer's bias and
// epilogue activation run in one kernel, add and gelu run in one kernel
// that stores both (the gelu's gradient reads its input), and the gelu and
// tanh gradients in another. The loss and its gradient come from one
// kernel after the loss slot is zeroed; SGD reads lr and step from the
// arena. Kernels are made once: the three bias gradients share one.
module attributes {nas.train = {batch = 32 : i64, data = "fashion_mnist", epochs = 1 : i64, optimizer = "sgd", optimizer.lr = 5.000000e-02 : f64, optimizer.momentum = 9.000000e-01 : f64}} {
  func.func @net(%x: tensor<?x784xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %h1 = nn.dense %x {units = 64 : i64} : tensor<?x784xf32> -> tensor<?x64xf32>
    %a1 = nn.relu %h1 : tensor<?x64xf32> -> tensor<?x64xf32>
    %h2 = nn.dense %x {units = 64 : i64} : tensor<?x784xf32> -> tensor<?x64xf32>
    %a2 = nn.tanh %h2 : tensor<?x64xf32> -> tensor<?x64xf32>
    %s = nn.add %a1, %a2 : tensor<?x64xf32>, tensor<?x64xf32> -> tensor<?x64xf32>
    %g = nn.gelu %s : tensor<?x64xf32> -> tensor<?x64xf32>
    %y = nn.dense %g {units = 10 : i64} : tensor<?x64xf32> -> tensor<?x10xf32>
    return %y : tensor<?x10xf32>
  }
}
// CHECK: module attributes {gpu.container_module
// CHECK-SAME: nn.arena_bytes = {{[0-9]+}} : i64, nn.batch = 32 : i64, nn.cuda_plan = {gather_labels = "{{k[0-9]+}}_gather_labels", gather_rows = "{{k[0-9]+}}_gather_rows", infer = [
// CHECK-SAME: train_step = [
// CHECK-SAME: {a = "@[[W0:[0-9]+]]", b = "@[[X:[0-9]+]]", c = "@[[H1:[0-9]+]]", k = "#784", kind = "gemm", lda = "#784", ldb = "#784", ldc = "#64", m = "#64", n = "n", transa = "T", transb = "N"},
// CHECK-SAME: {args = ["@[[H1]]", "@[[B0:[0-9]+]]", "#64", "#1"], kernel = "[[RELU:k[0-9]+_bias_act1]]", kind = "launch", threads = "n*64"}
// CHECK-SAME: kernel = "{{k[0-9]+}}_bias_act3"
// CHECK-SAME: {args = ["@[[H1]]", "@[[H2:[0-9]+]]", "@[[S:[0-9]+]]", "@[[G:[0-9]+]]"], kernel = "[[ADDGELU:k[0-9]+_ew_add_i0_i1_gelu_r0_o0_o1]]", kind = "launch", threads = "n*64"}
// CHECK-SAME: b = "@[[G]]"
// CHECK-SAME: {args = ["@[[LOSS:[0-9]+]]"], kernel = "{{k[0-9]+}}_zero1", kind = "launch", threads = "#1"}
// CHECK-SAME: {args = ["@{{[0-9]+}}", "@[[LABELS:[0-9]+]]", "@[[LOSS]]", "@{{[0-9]+}}", "n", "#10"], kernel = "{{k[0-9]+}}_softmax_ce_grad", kind = "launch", threads = "n"}
// The gradient of the last layer's weight: dW^T = g^T dY, k = the rows.
// CHECK-SAME: {a = "@[[G]]", b = "@{{[0-9]+}}", c = "@{{[0-9]+}}", k = "n", kind = "gemm", lda = "#64", ldb = "#10", ldc = "#64", m = "#64", n = "#10", transa = "N", transb = "T"}
// CHECK-SAME: kernel = "[[BIASGRAD:k[0-9]+_bias_grad]]", kind = "launch", threads = "#10"
// CHECK-SAME: kernel = "{{k[0-9]+}}_ew_activation_gradgelu_i0_i1_activation_gradt
// CHECK-SAME: kernel = "[[BIASGRAD]]", kind = "launch", threads = "#64"
// CHECK-SAME: kernel = "{{k[0-9]+}}_ew_activation_gradrelu_i0_i1_o0"
// CHECK-SAME: kernel = "[[BIASGRAD]]", kind = "launch", threads = "#64"
// CHECK-SAME: {args = ["@[[W0]]", "@{{[0-9]+}}", "@{{[0-9]+}}", "@[[LR:[0-9]+]]", "@[[STEP:[0-9]+]]"], kernel = "[[SGD:k[0-9]+_sgd_m0_9_wd0]]", kind = "launch", threads = "#50176"}
// The offsets are the slots'.
// CHECK-SAME: nn.layout = [{bytes = {{[0-9]+}} : i64, name = "input", offset = [[X]] : i64
// CHECK-SAME: name = "labels", offset = [[LABELS]] : i64
// CHECK-SAME: name = "lr", offset = [[LR]] : i64
// CHECK-SAME: name = "step", offset = [[STEP]] : i64
// CHECK-SAME: name = "dense0.weight", offset = [[W0]] : i64
// CHECK-SAME: name = "dense0.bias", offset = [[B0]] : i64
// CHECK-SAME: name = "loss", offset = [[LOSS]] : i64
// CHECK-NOT: func.func
// CHECK: gpu.module @kernels {
// CHECK: gpu.func @[[RELU]](%{{.*}}: !llvm.ptr<1>, %{{.*}}: !llvm.ptr<1>, %{{.*}}: i64, %{{.*}}: i64, %[[COUNT:.*]]: i64) kernel {
// CHECK: gpu.block_id x
// CHECK: arith.cmpi slt, %{{.*}}, %[[COUNT]] : i64
// CHECK: scf.if
// CHECK: arith.remsi
// CHECK: arith.cmpf olt
// CHECK: gpu.func @[[ADDGELU]](
// CHECK: %[[A:.*]] = llvm.load %{{.*}} : !llvm.ptr<1> -> f32
// CHECK: %[[B:.*]] = llvm.load %{{.*}} : !llvm.ptr<1> -> f32
// CHECK: %[[SUM:.*]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: math.erf
// CHECK: arith.mulf
// CHECK: %[[GELU:.*]] = arith.mulf
// CHECK-NOT: llvm.load
// CHECK: llvm.store %[[SUM]]
// CHECK: llvm.store %[[GELU]]
// CHECK: gpu.func @{{k[0-9]+}}_softmax_ce_grad(
// CHECK: scf.for
// CHECK: arith.maximumf
// CHECK: math.exp
// CHECK: llvm.atomicrmw fadd
// CHECK: gpu.func @[[SGD]](
// CHECK: %[[STEP:.*]] = llvm.load %{{.*}} : !llvm.ptr<1> -> i64
// CHECK: arith.cmpi eq, %[[STEP]]

// -----

// A conv layer and max pooling: cuDNN steps with their shapes (C H W K OH
// OW R S stride padding dilation groups), the pooling and its gradient in
// kernels of one thread per output and per input.
module attributes {nas.train = {batch = 8 : i64, data = "fashion_mnist", epochs = 1 : i64, optimizer = "sgd", optimizer.lr = 5.000000e-02 : f64}} {
  func.func @cnn(%x: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %c = nn.conv2d %x {channels = 4 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<?x1x28x28xf32> -> tensor<?x4x28x28xf32>
    %r = nn.relu %c : tensor<?x4x28x28xf32> -> tensor<?x4x28x28xf32>
    %p = nn.maxpool %r {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<?x4x28x28xf32> -> tensor<?x4x14x14xf32>
    %f = nn.flatten %p : tensor<?x4x14x14xf32> -> tensor<?x784xf32>
    %y = nn.dense %f {units = 10 : i64} : tensor<?x784xf32> -> tensor<?x10xf32>
    return %y : tensor<?x10xf32>
  }
}
// CHECK: nn.cuda_plan = {gather_labels = {{.*}}, infer = [{kind = "conv_forward", shape = "1 28 28 4 28 28 3 3 1 1 1 1", w = "@[[W:[0-9]+]]", x = "@[[X:[0-9]+]]", y = "@{{[0-9]+}}"}
// CHECK-SAME: kernel = "{{k[0-9]+}}_bias_act1", kind = "launch", threads = "n*3136"
// CHECK-SAME: kernel = "{{k[0-9]+}}_maxpool", kind = "launch", threads = "n*784"
// CHECK-SAME: train_step = [
// CHECK-SAME: {kind = "conv_backward_filter", shape = "1 28 28 4 28 28 3 3 1 1 1 1"
// CHECK-NOT: conv_backward_data
// CHECK-SAME: nn.layout = [{bytes = {{[0-9]+}} : i64, name = "input", offset = [[X]] : i64
// CHECK-SAME: name = "conv2d0.weight", offset = [[W]] : i64
// CHECK: gpu.func @{{k[0-9]+}}_maxpool_grad(
// CHECK: scf.for
// CHECK: arith.cmpf uno

// -----

// Layer normalization: per-row statistics and gradient, per-feature
// parameter gradients.
module attributes {nas.train = {batch = 8 : i64, data = "fashion_mnist", epochs = 1 : i64, optimizer = "sgd", optimizer.lr = 5.000000e-02 : f64}} {
  func.func @ln(%x: tensor<?x16xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %b = nn.layernorm %x : tensor<?x16xf32> -> tensor<?x16xf32>
    %y = nn.dense %b {units = 10 : i64} : tensor<?x16xf32> -> tensor<?x10xf32>
    return %y : tensor<?x10xf32>
  }
}
// CHECK: kernel = "{{k[0-9]+}}_ln_stats_eps1e_05", kind = "launch", threads = "n"
// CHECK-SAME: kernel = "{{k[0-9]+}}_ln_apply", kind = "launch", threads = "n*16"
// CHECK-SAME: kernel = "{{k[0-9]+}}_ln_grad_input", kind = "launch", threads = "n"
// CHECK-SAME: kernel = "{{k[0-9]+}}_ln_grad_params", kind = "launch", threads = "#16"
