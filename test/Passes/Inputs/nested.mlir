// The space of test/Passes/Inputs/nested.nas as `nasc emit-mlir test/Passes/Inputs/nested.nas` prints it,
// checked in so that the pass tests do not depend on the language's front end.
module attributes {nas.source = "test/Passes/Inputs/nested.nas"} {
  func.func @m(%arg0: tensor<?x784xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %0 = nas.oneof "m.oneof" ["wide", "tanh"] : index
    %1 = nas.switch %0 -> tensor<?x?xf32> {
      %5 = nas.oneof_value "wide.oneof" [256, 512] : index
      %6 = nn.dense %arg0 [%5 : index] {decided_names = ["units"]} : tensor<?x784xf32> -> tensor<?x?xf32>
      %7 = nn.relu %6 : tensor<?x?xf32> -> tensor<?x?xf32>
      nas.yield %7 : tensor<?x?xf32>
    }, {
      %5 = nn.tanh %arg0 : tensor<?x784xf32> -> tensor<?x784xf32>
      nas.yield %5 : tensor<?x784xf32>
    }
    %2 = nas.oneof_value "m.repeat" [1, 2] : index
    %3 = nas.repeat "m.repeat" %2 iter_args(%arg2 = %1) : (tensor<?x?xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index, %arg2: tensor<*xf32>):
      %5 = nas.oneof "oneof" ["relu", "tanh"] : index
      %6 = nas.switch %5 -> tensor<*xf32> {
        %7 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %7 : tensor<*xf32>
      }, {
        %7 = nn.tanh %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %7 : tensor<*xf32>
      }
      nas.yield %6 : tensor<*xf32>
    }
    %4 = nn.dense %3 {units = 10 : i64} : tensor<*xf32> -> tensor<?x10xf32>
    return %4 : tensor<?x10xf32>
  }
}

