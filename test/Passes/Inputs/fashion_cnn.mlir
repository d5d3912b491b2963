// The space of examples/fashion_cnn.nas as `nasc emit-mlir examples/fashion_cnn.nas` prints it,
// checked in so that the pass tests do not depend on the language's front end.
module attributes {nas.source = "examples/fashion_cnn.nas"} {
  func.func @cnn(%arg0: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %0 = nas.oneof_value "cnn.c" [16, 32] : index
    %1 = nas.oneof_value "cnn.stage.oneof" [3, 5] : index
    %2 = nn.conv2d %arg0 [%0, %1 : index, index] {decided_names = ["channels", "kernel"], dilation = 1 : i64, groups = 1 : i64, same, stride = 1 : i64} : tensor<?x1x28x28xf32> -> tensor<?x?x?x?xf32>
    %3 = nas.oneof "cnn.stage.oneof2" ["relu", "silu"] : index
    %4 = nn.batchnorm %2 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
    %5 = nas.switch %3 -> tensor<?x?x?x?xf32> {
      %20 = nn.relu %4 : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
      nas.yield %20 : tensor<?x?x?x?xf32>
    }, {
      %20 = nn.silu %4 : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
      nas.yield %20 : tensor<?x?x?x?xf32>
    }
    %6 = nas.oneof "cnn.stage.oneof3" ["maxpool(h, kernel = 2)", "avgpool(h, kernel = 2)"] : index
    %7 = nas.switch %6 -> tensor<?x?x?x?xf32> {
      %20 = nn.maxpool %5 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
      nas.yield %20 : tensor<?x?x?x?xf32>
    }, {
      %20 = nn.avgpool %5 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
      nas.yield %20 : tensor<?x?x?x?xf32>
    }
    %c2 = arith.constant 2 : index
    %8 = arith.muli %0, %c2 : index
    %9 = nas.oneof_value "cnn.stage2.oneof" [3, 5] : index
    %10 = nn.conv2d %7 [%8, %9 : index, index] {decided_names = ["channels", "kernel"], dilation = 1 : i64, groups = 1 : i64, same, stride = 1 : i64} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
    %11 = nas.oneof "cnn.stage2.oneof2" ["relu", "silu"] : index
    %12 = nn.batchnorm %10 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
    %13 = nas.switch %11 -> tensor<?x?x?x?xf32> {
      %20 = nn.relu %12 : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
      nas.yield %20 : tensor<?x?x?x?xf32>
    }, {
      %20 = nn.silu %12 : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
      nas.yield %20 : tensor<?x?x?x?xf32>
    }
    %14 = nas.oneof "cnn.stage2.oneof3" ["maxpool(h, kernel = 2)", "avgpool(h, kernel = 2)"] : index
    %15 = nas.switch %14 -> tensor<?x?x?x?xf32> {
      %20 = nn.maxpool %13 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
      nas.yield %20 : tensor<?x?x?x?xf32>
    }, {
      %20 = nn.avgpool %13 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<?x?x?x?xf32> -> tensor<?x?x?x?xf32>
      nas.yield %20 : tensor<?x?x?x?xf32>
    }
    %16 = nn.flatten %15 : tensor<?x?x?x?xf32> -> tensor<?x?xf32>
    %17 = nas.optional "cnn.hidden" of "{ ... }" : index
    %18 = nas.switch %17 -> tensor<?x?xf32> {
      nas.yield %16 : tensor<?x?xf32>
    }, {
      %20 = nas.oneof_value "oneof" [64, 128] : index
      %21 = nn.dense %16 [%20 : index] {decided_names = ["units"]} : tensor<?x?xf32> -> tensor<?x?xf32>
      %22 = nn.relu %21 : tensor<?x?xf32> -> tensor<?x?xf32>
      nas.yield %22 : tensor<?x?xf32>
    }
    %19 = nn.dense %18 {units = 10 : i64} : tensor<?x?xf32> -> tensor<?x10xf32>
    return %19 : tensor<?x10xf32>
  }
  nas.section "train" {
    nas.setting "data" = "fashion_mnist"
    nas.setting "epochs" = 2 : i64
    nas.setting "batch" = 128 : i64
    %0 = nas.float "train.optimizer.lr" in [3.000000e-04, 3.000000e-03] log : f64
    nas.setting "optimizer" = "adam"
    nas.setting "optimizer.lr" = %0 : f64
  }
  nas.section "search" {
    nas.setting "maximize" = "val_accuracy"
    nas.setting "constraint" = ["params", "<=", 5.000000e+05]
    nas.setting "constraint" = ["flops", "<=", 5.000000e+07]
    nas.setting "algorithm" = "tpe"
    nas.setting "algorithm.startup" = 10 : i64
    nas.setting "trials" = 40 : i64
  }
}

