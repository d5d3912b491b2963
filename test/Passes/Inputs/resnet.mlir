// The space of examples/resnet.nas as `nasc emit-mlir examples/resnet.nas` prints it,
// checked in so that the pass tests do not depend on the language's front end.
module attributes {nas.source = "examples/resnet.nas"} {
  func.func @resnet(%arg0: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %0 = nn.conv2d %arg0 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<?x1x28x28xf32> -> tensor<?x16x28x28xf32>
    %1 = nn.batchnorm %0 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x16x28x28xf32> -> tensor<?x16x28x28xf32>
    %2 = nn.relu %1 : tensor<?x16x28x28xf32> -> tensor<?x16x28x28xf32>
    %3 = nas.oneof "resnet.stride[0].unit" ["basic", "bottleneck"] : index
    %4 = nas.oneof_value "resnet.stride[0].c" [32, 64, 128] : index
    %5 = nas.switch %3 -> tensor<?x?x28x28xf32> {
      %20 = nn.conv2d %2 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<?x16x28x28xf32> -> tensor<?x?x28x28xf32>
      %21 = nn.batchnorm %20 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %22 = nn.relu %21 : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %23 = nn.conv2d %22 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %24 = nn.batchnorm %23 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %25 = nn.conv2d %2 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<?x16x28x28xf32> -> tensor<?x?x28x28xf32>
      %26 = nn.batchnorm %25 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %27 = nn.add %24, %26 : tensor<?x?x28x28xf32>, tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %28 = nn.relu %27 : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      nas.yield %28 : tensor<?x?x28x28xf32>
    }, {
      %c4 = arith.constant 4 : index
      %20 = arith.divsi %4, %c4 : index
      %21 = nn.conv2d %2 [%20 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<?x16x28x28xf32> -> tensor<?x?x28x28xf32>
      %22 = nn.batchnorm %21 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %23 = nn.relu %22 : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %24 = nn.conv2d %23 [%20 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %25 = nn.batchnorm %24 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %26 = nn.relu %25 : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %27 = nn.conv2d %26 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %28 = nn.batchnorm %27 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %29 = nn.conv2d %2 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<?x16x28x28xf32> -> tensor<?x?x28x28xf32>
      %30 = nn.batchnorm %29 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %31 = nn.add %28, %30 : tensor<?x?x28x28xf32>, tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      %32 = nn.relu %31 : tensor<?x?x28x28xf32> -> tensor<?x?x28x28xf32>
      nas.yield %32 : tensor<?x?x28x28xf32>
    }
    %6 = nas.int "resnet.stride[0].repeat" in [0, 2] : index
    %c1 = arith.constant 1 : index
    %7 = nas.repeat "resnet.stride[0].repeat" %6 iter_args(%arg2 = %5) : (tensor<?x?x28x28xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index, %arg2: tensor<*xf32>):
      %20 = nas.switch %3 -> tensor<*xf32> {
        %21 = nn.conv2d %arg2 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %22 = nn.batchnorm %21 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %23 = nn.relu %22 : tensor<*xf32> -> tensor<*xf32>
        %24 = nn.conv2d %23 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %25 = nn.batchnorm %24 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %26 = nn.conv2d %arg2 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %27 = nn.batchnorm %26 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %28 = nn.add %25, %27 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
        %29 = nn.relu %28 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %29 : tensor<*xf32>
      }, {
        %c4 = arith.constant 4 : index
        %21 = arith.divsi %4, %c4 : index
        %22 = nn.conv2d %arg2 [%21 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %23 = nn.batchnorm %22 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %24 = nn.relu %23 : tensor<*xf32> -> tensor<*xf32>
        %25 = nn.conv2d %24 [%21 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %26 = nn.batchnorm %25 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %27 = nn.relu %26 : tensor<*xf32> -> tensor<*xf32>
        %28 = nn.conv2d %27 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %29 = nn.batchnorm %28 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %30 = nn.conv2d %arg2 [%4 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %31 = nn.batchnorm %30 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %32 = nn.add %29, %31 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
        %33 = nn.relu %32 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %33 : tensor<*xf32>
      }
      nas.yield %20 : tensor<*xf32>
    }
    %8 = nas.oneof "resnet.stride[1].unit" ["basic", "bottleneck"] : index
    %9 = nas.oneof_value "resnet.stride[1].c" [32, 64, 128] : index
    %10 = nas.switch %8 -> tensor<*xf32> {
      %20 = nn.conv2d %7 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
      %21 = nn.batchnorm %20 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %22 = nn.relu %21 : tensor<*xf32> -> tensor<*xf32>
      %23 = nn.conv2d %22 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
      %24 = nn.batchnorm %23 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %25 = nn.conv2d %7 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
      %26 = nn.batchnorm %25 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %27 = nn.add %24, %26 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      %28 = nn.relu %27 : tensor<*xf32> -> tensor<*xf32>
      nas.yield %28 : tensor<*xf32>
    }, {
      %c4 = arith.constant 4 : index
      %20 = arith.divsi %9, %c4 : index
      %21 = nn.conv2d %7 [%20 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
      %22 = nn.batchnorm %21 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %23 = nn.relu %22 : tensor<*xf32> -> tensor<*xf32>
      %24 = nn.conv2d %23 [%20 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
      %25 = nn.batchnorm %24 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %26 = nn.relu %25 : tensor<*xf32> -> tensor<*xf32>
      %27 = nn.conv2d %26 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
      %28 = nn.batchnorm %27 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %29 = nn.conv2d %7 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
      %30 = nn.batchnorm %29 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %31 = nn.add %28, %30 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      %32 = nn.relu %31 : tensor<*xf32> -> tensor<*xf32>
      nas.yield %32 : tensor<*xf32>
    }
    %11 = nas.int "resnet.stride[1].repeat" in [0, 2] : index
    %c2 = arith.constant 2 : index
    %12 = nas.repeat "resnet.stride[1].repeat" %11 iter_args(%arg2 = %10) : (tensor<*xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index, %arg2: tensor<*xf32>):
      %20 = nas.switch %8 -> tensor<*xf32> {
        %21 = nn.conv2d %arg2 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %22 = nn.batchnorm %21 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %23 = nn.relu %22 : tensor<*xf32> -> tensor<*xf32>
        %24 = nn.conv2d %23 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %25 = nn.batchnorm %24 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %26 = nn.conv2d %arg2 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %27 = nn.batchnorm %26 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %28 = nn.add %25, %27 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
        %29 = nn.relu %28 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %29 : tensor<*xf32>
      }, {
        %c4 = arith.constant 4 : index
        %21 = arith.divsi %9, %c4 : index
        %22 = nn.conv2d %arg2 [%21 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %23 = nn.batchnorm %22 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %24 = nn.relu %23 : tensor<*xf32> -> tensor<*xf32>
        %25 = nn.conv2d %24 [%21 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %26 = nn.batchnorm %25 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %27 = nn.relu %26 : tensor<*xf32> -> tensor<*xf32>
        %28 = nn.conv2d %27 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %29 = nn.batchnorm %28 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %30 = nn.conv2d %arg2 [%9 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %31 = nn.batchnorm %30 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %32 = nn.add %29, %31 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
        %33 = nn.relu %32 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %33 : tensor<*xf32>
      }
      nas.yield %20 : tensor<*xf32>
    }
    %13 = nas.oneof "resnet.stride[2].unit" ["basic", "bottleneck"] : index
    %14 = nas.oneof_value "resnet.stride[2].c" [32, 64, 128] : index
    %15 = nas.switch %13 -> tensor<*xf32> {
      %20 = nn.conv2d %12 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
      %21 = nn.batchnorm %20 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %22 = nn.relu %21 : tensor<*xf32> -> tensor<*xf32>
      %23 = nn.conv2d %22 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
      %24 = nn.batchnorm %23 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %25 = nn.conv2d %12 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
      %26 = nn.batchnorm %25 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %27 = nn.add %24, %26 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      %28 = nn.relu %27 : tensor<*xf32> -> tensor<*xf32>
      nas.yield %28 : tensor<*xf32>
    }, {
      %c4 = arith.constant 4 : index
      %20 = arith.divsi %14, %c4 : index
      %21 = nn.conv2d %12 [%20 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
      %22 = nn.batchnorm %21 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %23 = nn.relu %22 : tensor<*xf32> -> tensor<*xf32>
      %24 = nn.conv2d %23 [%20 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
      %25 = nn.batchnorm %24 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %26 = nn.relu %25 : tensor<*xf32> -> tensor<*xf32>
      %27 = nn.conv2d %26 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
      %28 = nn.batchnorm %27 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %29 = nn.conv2d %12 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
      %30 = nn.batchnorm %29 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
      %31 = nn.add %28, %30 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      %32 = nn.relu %31 : tensor<*xf32> -> tensor<*xf32>
      nas.yield %32 : tensor<*xf32>
    }
    %16 = nas.int "resnet.stride[2].repeat" in [0, 2] : index
    %c2_0 = arith.constant 2 : index
    %17 = nas.repeat "resnet.stride[2].repeat" %16 iter_args(%arg2 = %15) : (tensor<*xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index, %arg2: tensor<*xf32>):
      %20 = nas.switch %13 -> tensor<*xf32> {
        %21 = nn.conv2d %arg2 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %22 = nn.batchnorm %21 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %23 = nn.relu %22 : tensor<*xf32> -> tensor<*xf32>
        %24 = nn.conv2d %23 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %25 = nn.batchnorm %24 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %26 = nn.conv2d %arg2 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %27 = nn.batchnorm %26 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %28 = nn.add %25, %27 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
        %29 = nn.relu %28 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %29 : tensor<*xf32>
      }, {
        %c4 = arith.constant 4 : index
        %21 = arith.divsi %14, %c4 : index
        %22 = nn.conv2d %arg2 [%21 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %23 = nn.batchnorm %22 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %24 = nn.relu %23 : tensor<*xf32> -> tensor<*xf32>
        %25 = nn.conv2d %24 [%21 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %26 = nn.batchnorm %25 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %27 = nn.relu %26 : tensor<*xf32> -> tensor<*xf32>
        %28 = nn.conv2d %27 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %29 = nn.batchnorm %28 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %30 = nn.conv2d %arg2 [%14 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %31 = nn.batchnorm %30 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        %32 = nn.add %29, %31 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
        %33 = nn.relu %32 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %33 : tensor<*xf32>
      }
      nas.yield %20 : tensor<*xf32>
    }
    %18 = nn.global_avgpool %17 : tensor<*xf32> -> tensor<?x?xf32>
    %19 = nn.dense %18 {units = 10 : i64} : tensor<?x?xf32> -> tensor<?x10xf32>
    return %19 : tensor<?x10xf32>
  }
  nas.section "train" {
    nas.setting "data" = "fashion_mnist"
    nas.setting "epochs" = 2 : i64
    nas.setting "batch" = 128 : i64
    nas.setting "optimizer" = "sgd"
    nas.setting "optimizer.lr" = 1.000000e-01 : f64
    nas.setting "optimizer.momentum" = 9.000000e-01 : f64
    nas.setting "optimizer.weight_decay" = 5.000000e-04 : f64
    nas.setting "optimizer.nesterov" = "true"
    nas.setting "schedule" = "cosine"
  }
  nas.section "search" {
    nas.setting "maximize" = "val_accuracy"
    nas.setting "minimize" = "latency"
    nas.setting "constraint" = ["params", "<=", 2.000000e+06]
    nas.setting "algorithm" = "evolution"
    nas.setting "algorithm.population" = 20 : i64
    nas.setting "algorithm.tournament" = 5 : i64
    nas.setting "early_stopping" = "successive_halving"
    nas.setting "early_stopping.min_epochs" = 1 : i64
    nas.setting "early_stopping.reduction" = 3 : i64
    nas.setting "trials" = 60 : i64
  }
}

