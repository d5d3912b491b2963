// The registered pipelines are the passes the library runs on a candidate,
// in order: nas-opt reproduces nasc train's and nasc compile's work on IR.
//
// nasc-train-cpu is nn-autodiff then nn-lower-cpu, with the batch passed on.
// RUN: nas-opt %s --pass-pipeline='builtin.module(nasc-train-cpu{batch=32})' > %t.cpu-pipeline
// RUN: nas-opt %s --nn-autodiff --nn-lower-cpu=batch=32 > %t.cpu-passes
// RUN: diff %t.cpu-pipeline %t.cpu-passes
// RUN: FileCheck %s --check-prefix=CPU < %t.cpu-pipeline
// CPU: nn.layout = [{bytes = 100352 : i64, name = "input"
// CPU: llvm.func @nasc_train_step(
// CPU: llvm.func @nasc_infer(
// CPU-NOT: func.func
//
// nasc-train-cuda is nn-autodiff then nn-lower-cuda.
// RUN: nas-opt %s --pass-pipeline='builtin.module(nasc-train-cuda{batch=32})' > %t.cuda-pipeline
// RUN: nas-opt %s --nn-autodiff --nn-lower-cuda=batch=32 > %t.cuda-passes
// RUN: diff %t.cuda-pipeline %t.cuda-passes
// RUN: FileCheck %s --check-prefix=CUDA < %t.cuda-pipeline
// CUDA: nn.cuda_plan =
// CUDA: gpu.module @kernels
// CUDA: gpu.func @k0_
//
// nasc-kernels-to-ptx turns those kernels into PTX for the chip asked for.
// RUN: nas-opt %t.cuda-pipeline --pass-pipeline='builtin.module(nasc-kernels-to-ptx{chip=sm_80})' | FileCheck %s --check-prefix=PTX
// PTX-NOT: gpu.module
// PTX: gpu.binary @kernels [#gpu.object<#nvvm.target<O = 3, chip = "sm_80">
// PTX-SAME: .target sm_80
// PTX-SAME: .visible .entry k0_
module attributes {nas.train = {batch = 32 : i64, data = "fashion_mnist", epochs = 1 : i64, optimizer = "sgd", optimizer.lr = 5.000000e-02 : f64, optimizer.momentum = 9.000000e-01 : f64}} {
  func.func @mlp(%x: tensor<?x784xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %h = nn.dense %x {units = 64 : i64} : tensor<?x784xf32> -> tensor<?x64xf32>
    %a = nn.relu %h : tensor<?x64xf32> -> tensor<?x64xf32>
    %y = nn.dense %a {units = 10 : i64} : tensor<?x64xf32> -> tensor<?x10xf32>
    return %y : tensor<?x10xf32>
  }
}
