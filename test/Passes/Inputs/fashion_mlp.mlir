// The space of examples/fashion_mlp.nas as `nasc emit-mlir examples/fashion_mlp.nas` prints it,
// checked in so that the pass tests do not depend on the language's front end.
module attributes {nas.source = "examples/fashion_mlp.nas"} {
  func.func @mlp(%arg0: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %0 = nas.oneof_value "mlp.width" [64, 128, 256, 512] : index
    %1 = nn.flatten %arg0 : tensor<?x1x28x28xf32> -> tensor<?x784xf32>
    %2 = nas.int "mlp.repeat" in [1, 4] : index
    %3 = nas.repeat "mlp.repeat" %2 iter_args(%arg2 = %1) : (tensor<?x784xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index, %arg2: tensor<*xf32>):
      %5 = nn.dense %arg2 [%0 : index] {decided_names = ["units"]} : tensor<*xf32> -> tensor<?x?xf32>
      %6 = nas.oneof "oneof" ["relu", "gelu", "tanh"] : index
      %7 = nas.switch %6 -> tensor<?x?xf32> {
        %8 = nn.relu %5 : tensor<?x?xf32> -> tensor<?x?xf32>
        nas.yield %8 : tensor<?x?xf32>
      }, {
        %8 = nn.gelu %5 : tensor<?x?xf32> -> tensor<?x?xf32>
        nas.yield %8 : tensor<?x?xf32>
      }, {
        %8 = nn.tanh %5 : tensor<?x?xf32> -> tensor<?x?xf32>
        nas.yield %8 : tensor<?x?xf32>
      }
      nas.yield %7 : tensor<?x?xf32>
    }
    %4 = nn.dense %3 {units = 10 : i64} : tensor<*xf32> -> tensor<?x10xf32>
    return %4 : tensor<?x10xf32>
  }
  nas.section "train" {
    nas.setting "data" = "fashion_mnist"
    nas.setting "epochs" = 2 : i64
    nas.setting "batch" = 256 : i64
    %0 = nas.float "train.optimizer.lr" in [1.000000e-02, 3.000000e-01] log : f64
    nas.setting "optimizer" = "sgd"
    nas.setting "optimizer.lr" = %0 : f64
    nas.setting "optimizer.momentum" = 9.000000e-01 : f64
  }
  nas.section "search" {
    nas.setting "maximize" = "val_accuracy"
    nas.setting "constraint" = ["params", "<=", 3.000000e+05]
    nas.setting "algorithm" = "evolution"
    nas.setting "algorithm.population" = 20 : i64
    nas.setting "algorithm.tournament" = 5 : i64
    nas.setting "trials" = 50 : i64
  }
}

