// The space of test/Passes/Inputs/w2.nas as `nasc emit-mlir test/Passes/Inputs/w2.nas` prints it,
// checked in so that the pass tests do not depend on the language's front end.
module attributes {nas.source = "test/Passes/Inputs/w2.nas"} {
  func.func @w2(%arg0: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %0 = nn.conv2d %arg0 {channels = 32 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<?x1x28x28xf32> -> tensor<?x32x28x28xf32>
    %1 = nn.relu %0 : tensor<?x32x28x28xf32> -> tensor<?x32x28x28xf32>
    %2 = nn.maxpool %1 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<?x32x28x28xf32> -> tensor<?x32x14x14xf32>
    %3 = nn.conv2d %2 {channels = 64 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<?x32x14x14xf32> -> tensor<?x64x14x14xf32>
    %4 = nn.relu %3 : tensor<?x64x14x14xf32> -> tensor<?x64x14x14xf32>
    %5 = nn.maxpool %4 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<?x64x14x14xf32> -> tensor<?x64x7x7xf32>
    %6 = nn.flatten %5 : tensor<?x64x7x7xf32> -> tensor<?x3136xf32>
    %7 = nn.dense %6 {units = 128 : i64} : tensor<?x3136xf32> -> tensor<?x128xf32>
    %8 = nn.relu %7 : tensor<?x128xf32> -> tensor<?x128xf32>
    %9 = nn.dense %8 {units = 10 : i64} : tensor<?x128xf32> -> tensor<?x10xf32>
    return %9 : tensor<?x10xf32>
  }
}

