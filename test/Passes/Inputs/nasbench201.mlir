// The space of examples/nasbench201.nas as `nasc emit-mlir examples/nasbench201.nas` prints it,
// checked in so that the pass tests do not depend on the language's front end.
module attributes {nas.source = "examples/nasbench201.nas"} {
  func.func @nasbench201(%arg0: tensor<?x1x28x28xf32>) -> tensor<?x10xf32> attributes {nas.model} {
    %0 = nas.oneof "nasbench201.e1_0" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index
    %1 = nas.oneof "nasbench201.e2_0" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index
    %2 = nas.oneof "nasbench201.e2_1" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index
    %3 = nas.oneof "nasbench201.e3_0" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index
    %4 = nas.oneof "nasbench201.e3_1" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index
    %5 = nas.oneof "nasbench201.e3_2" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index
    %6 = nn.conv2d %arg0 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<?x1x28x28xf32> -> tensor<?x16x28x28xf32>
    %7 = nn.batchnorm %6 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x16x28x28xf32> -> tensor<?x16x28x28xf32>
    %c5 = arith.constant 5 : index
    %8 = nas.repeat "nasbench201.repeat" %c5 iter_args(%arg2 = %7) : (tensor<?x16x28x28xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index, %arg2: tensor<*xf32>):
      %33 = nas.switch %0 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %34 = nas.switch %1 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %35 = nas.switch %2 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %36 = nn.add %34, %35 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      %37 = nas.switch %3 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %38 = nas.switch %4 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %39 = nas.switch %5 -> tensor<*xf32> {
        %41 = nn.zero %36 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %36 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %36 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %40 = nn.add %37, %38, %39 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      nas.yield %40 : tensor<*xf32>
    }
    %9 = nn.relu %8 : tensor<*xf32> -> tensor<*xf32>
    %10 = nn.conv2d %9 {bias = false, channels = 32 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
    %11 = nn.batchnorm %10 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
    %12 = nn.relu %11 : tensor<*xf32> -> tensor<*xf32>
    %13 = nn.conv2d %12 {bias = false, channels = 32 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
    %14 = nn.batchnorm %13 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
    %15 = nn.avgpool %8 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
    %16 = nn.conv2d %15 {bias = false, channels = 32 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
    %17 = nn.add %16, %14 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
    %c5_0 = arith.constant 5 : index
    %c32 = arith.constant 32 : index
    %18 = nas.repeat "nasbench201.c[0].repeat" %c5_0 iter_args(%arg2 = %17) : (tensor<*xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index, %arg2: tensor<*xf32>):
      %33 = nas.switch %0 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %34 = nas.switch %1 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %35 = nas.switch %2 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %36 = nn.add %34, %35 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      %37 = nas.switch %3 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %38 = nas.switch %4 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %39 = nas.switch %5 -> tensor<*xf32> {
        %41 = nn.zero %36 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %36 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %36 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %40 = nn.add %37, %38, %39 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      nas.yield %40 : tensor<*xf32>
    }
    %19 = nn.relu %18 : tensor<*xf32> -> tensor<*xf32>
    %20 = nn.conv2d %19 {bias = false, channels = 64 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
    %21 = nn.batchnorm %20 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
    %22 = nn.relu %21 : tensor<*xf32> -> tensor<*xf32>
    %23 = nn.conv2d %22 {bias = false, channels = 64 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
    %24 = nn.batchnorm %23 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
    %25 = nn.avgpool %18 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32>
    %26 = nn.conv2d %25 {bias = false, channels = 64 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
    %27 = nn.add %26, %24 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
    %c5_1 = arith.constant 5 : index
    %c64 = arith.constant 64 : index
    %28 = nas.repeat "nasbench201.c[1].repeat" %c5_1 iter_args(%arg2 = %27) : (tensor<*xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index, %arg2: tensor<*xf32>):
      %33 = nas.switch %0 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %34 = nas.switch %1 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %35 = nas.switch %2 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %36 = nn.add %34, %35 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      %37 = nas.switch %3 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %38 = nas.switch %4 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %39 = nas.switch %5 -> tensor<*xf32> {
        %41 = nn.zero %36 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.identity %36 : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32>
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %43 : tensor<*xf32>
      }, {
        %41 = nn.avgpool %36 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32>
        nas.yield %41 : tensor<*xf32>
      }
      %40 = nn.add %37, %38, %39 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32> -> tensor<*xf32>
      nas.yield %40 : tensor<*xf32>
    }
    %29 = nn.batchnorm %28 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32>
    %30 = nn.relu %29 : tensor<*xf32> -> tensor<*xf32>
    %31 = nn.global_avgpool %30 : tensor<*xf32> -> tensor<?x?xf32>
    %32 = nn.dense %31 {units = 10 : i64} : tensor<?x?xf32> -> tensor<?x10xf32>
    return %32 : tensor<?x10xf32>
  }
  nas.section "train" {
    nas.setting "data" = "fashion_mnist"
    nas.setting "epochs" = 1 : i64
    nas.setting "batch" = 128 : i64
    nas.setting "optimizer" = "sgd"
    nas.setting "optimizer.lr" = 1.000000e-01 : f64
    nas.setting "optimizer.momentum" = 9.000000e-01 : f64
    nas.setting "optimizer.weight_decay" = 5.000000e-04 : f64
    nas.setting "optimizer.nesterov" = "true"
    nas.setting "schedule" = "cosine"
  }
  nas.section "search" {
    nas.setting "maximize" = "cifar10_val"
    nas.setting "algorithm" = "evolution"
    nas.setting "algorithm.population" = 10 : i64
    nas.setting "algorithm.tournament" = 3 : i64
    nas.setting "trials" = 100 : i64
    nas.setting "evaluator" = "table"
    nas.setting "evaluator.file" = "../data/nb201/nb201-12epoch.csv"
    nas.setting "evaluator.column" = "arch"
    nas.setting "evaluator.key" = "|{e1_0}~0|+|{e2_0}~0|{e2_1}~1|+|{e3_0}~0|{e3_1}~1|{e3_2}~2|"
  }
}

