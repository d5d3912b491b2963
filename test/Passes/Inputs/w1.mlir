// The space of test/Passes/Inputs/w1.nas as `nasc emit-mlir test/Passes/Inputs/w1.nas` prints it,
// checked in so that the pass tests do not depend on the language's front end.
module attributes {nas.source = "test/Passes/Inputs/w1.nas"} {
  func.func @w1(%arg0: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %0 = nn.flatten %arg0 : tensor<?x1x28x28xf32> -> tensor<?x784xf32>
    %1 = nn.dense %0 {units = 256 : i64} : tensor<?x784xf32> -> tensor<?x256xf32>
    %2 = nn.relu %1 : tensor<?x256xf32> -> tensor<?x256xf32>
    %3 = nn.dense %2 {units = 256 : i64} : tensor<?x256xf32> -> tensor<?x256xf32>
    %4 = nn.relu %3 : tensor<?x256xf32> -> tensor<?x256xf32>
    %5 = nn.dense %4 {units = 10 : i64} : tensor<?x256xf32> -> tensor<?x10xf32>
    return %5 : tensor<?x10xf32>
  }
}

