#loc1 = loc("examples/nasbench201.nas":30:7)
#loc10 = loc("examples/nasbench201.nas":39:3)
#loc37 = loc("examples/nasbench201.nas":42:5)
module attributes {nas.source = "examples/nasbench201.nas"} {
  func.func @nasbench201(%arg0: tensor<?x1x28x28xf32> loc("examples/nasbench201.nas":30:7)) -> tensor<?x10xf32> attributes {nas.model} {
    %0 = nas.oneof "nasbench201.e1_0" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index loc(#loc2)
    %1 = nas.oneof "nasbench201.e2_0" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index loc(#loc3)
    %2 = nas.oneof "nasbench201.e2_1" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index loc(#loc4)
    %3 = nas.oneof "nasbench201.e3_0" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index loc(#loc5)
    %4 = nas.oneof "nasbench201.e3_1" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index loc(#loc6)
    %5 = nas.oneof "nasbench201.e3_2" ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"] : index loc(#loc7)
    %6 = nn.conv2d %arg0 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<?x1x28x28xf32> -> tensor<?x16x28x28xf32> loc(#loc8)
    %7 = nn.batchnorm %6 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<?x16x28x28xf32> -> tensor<?x16x28x28xf32> loc(#loc9)
    %c5 = arith.constant 5 : index loc(#loc10)
    %8 = nas.repeat "nasbench201.repeat" %c5 iter_args(%arg2 = %7) : (tensor<?x16x28x28xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index loc("examples/nasbench201.nas":39:3), %arg2: tensor<*xf32> loc("examples/nasbench201.nas":39:3)):
      %33 = nas.switch %0 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      } loc(#loc11)
      %34 = nas.switch %1 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      } loc(#loc21)
      %35 = nas.switch %2 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      } loc(#loc22)
      %36 = nn.add %34, %35 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32> loc(#loc23)
      %37 = nas.switch %3 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      } loc(#loc24)
      %38 = nas.switch %4 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      } loc(#loc25)
      %39 = nas.switch %5 -> tensor<*xf32> {
        %41 = nn.zero %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.identity %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 {bias = false, channels = 16 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.avgpool %36 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      } loc(#loc26)
      %40 = nn.add %37, %38, %39 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32> -> tensor<*xf32> loc(#loc27)
      nas.yield %40 : tensor<*xf32> loc(#loc10)
    } loc(#loc10)
    %9 = nn.relu %8 : tensor<*xf32> -> tensor<*xf32> loc(#loc28)
    %10 = nn.conv2d %9 {bias = false, channels = 32 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc29)
    %11 = nn.batchnorm %10 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc30)
    %12 = nn.relu %11 : tensor<*xf32> -> tensor<*xf32> loc(#loc31)
    %13 = nn.conv2d %12 {bias = false, channels = 32 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc32)
    %14 = nn.batchnorm %13 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc33)
    %15 = nn.avgpool %8 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc34)
    %16 = nn.conv2d %15 {bias = false, channels = 32 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc35)
    %17 = nn.add %16, %14 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32> loc(#loc36)
    %c5_0 = arith.constant 5 : index loc(#loc37)
    %c32 = arith.constant 32 : index loc(#loc37)
    %18 = nas.repeat "nasbench201.c[0].repeat" %c5_0 iter_args(%arg2 = %17) : (tensor<*xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index loc("examples/nasbench201.nas":42:5), %arg2: tensor<*xf32> loc("examples/nasbench201.nas":42:5)):
      %33 = nas.switch %0 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      } loc(#loc11)
      %34 = nas.switch %1 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      } loc(#loc21)
      %35 = nas.switch %2 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      } loc(#loc22)
      %36 = nn.add %34, %35 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32> loc(#loc23)
      %37 = nas.switch %3 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      } loc(#loc24)
      %38 = nas.switch %4 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      } loc(#loc25)
      %39 = nas.switch %5 -> tensor<*xf32> {
        %41 = nn.zero %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.identity %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c32 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.avgpool %36 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      } loc(#loc26)
      %40 = nn.add %37, %38, %39 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32> -> tensor<*xf32> loc(#loc27)
      nas.yield %40 : tensor<*xf32> loc(#loc37)
    } loc(#loc37)
    %19 = nn.relu %18 : tensor<*xf32> -> tensor<*xf32> loc(#loc28)
    %20 = nn.conv2d %19 {bias = false, channels = 64 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc29)
    %21 = nn.batchnorm %20 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc30)
    %22 = nn.relu %21 : tensor<*xf32> -> tensor<*xf32> loc(#loc31)
    %23 = nn.conv2d %22 {bias = false, channels = 64 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc32)
    %24 = nn.batchnorm %23 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc33)
    %25 = nn.avgpool %18 {kernel = 2 : i64, padding = 0 : i64, stride = 2 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc34)
    %26 = nn.conv2d %25 {bias = false, channels = 64 : i64, dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc35)
    %27 = nn.add %26, %24 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32> loc(#loc36)
    %c5_1 = arith.constant 5 : index loc(#loc37)
    %c64 = arith.constant 64 : index loc(#loc37)
    %28 = nas.repeat "nasbench201.c[1].repeat" %c5_1 iter_args(%arg2 = %27) : (tensor<*xf32>) -> (tensor<*xf32>) {
    ^bb0(%arg1: index loc("examples/nasbench201.nas":42:5), %arg2: tensor<*xf32> loc("examples/nasbench201.nas":42:5)):
      %33 = nas.switch %0 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc11)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc11)
      } loc(#loc11)
      %34 = nas.switch %1 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc21)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc21)
      } loc(#loc21)
      %35 = nas.switch %2 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc22)
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc22)
      } loc(#loc22)
      %36 = nn.add %34, %35 : tensor<*xf32>, tensor<*xf32> -> tensor<*xf32> loc(#loc23)
      %37 = nas.switch %3 -> tensor<*xf32> {
        %41 = nn.zero %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.identity %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.relu %arg2 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc24)
      }, {
        %41 = nn.avgpool %arg2 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc24)
      } loc(#loc24)
      %38 = nas.switch %4 -> tensor<*xf32> {
        %41 = nn.zero %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.identity %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.relu %33 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc25)
      }, {
        %41 = nn.avgpool %33 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc25)
      } loc(#loc25)
      %39 = nas.switch %5 -> tensor<*xf32> {
        %41 = nn.zero %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc12)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.identity %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc13)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc14)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 1 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc15)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc16)
        nas.yield %43 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.relu %36 : tensor<*xf32> -> tensor<*xf32> loc(#loc17)
        %42 = nn.conv2d %41 [%c64 : index] {bias = false, decided_names = ["channels"], dilation = 1 : i64, groups = 1 : i64, kernel = 3 : i64, same, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc18)
        %43 = nn.batchnorm %42 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc19)
        nas.yield %43 : tensor<*xf32> loc(#loc26)
      }, {
        %41 = nn.avgpool %36 {kernel = 3 : i64, padding = 1 : i64, stride = 1 : i64} : tensor<*xf32> -> tensor<*xf32> loc(#loc20)
        nas.yield %41 : tensor<*xf32> loc(#loc26)
      } loc(#loc26)
      %40 = nn.add %37, %38, %39 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32> -> tensor<*xf32> loc(#loc27)
      nas.yield %40 : tensor<*xf32> loc(#loc37)
    } loc(#loc37)
    %29 = nn.batchnorm %28 {eps = 1.000000e-05 : f64, momentum = 1.000000e-01 : f64} : tensor<*xf32> -> tensor<*xf32> loc(#loc38)
    %30 = nn.relu %29 : tensor<*xf32> -> tensor<*xf32> loc(#loc39)
    %31 = nn.global_avgpool %30 : tensor<*xf32> -> tensor<?x?xf32> loc(#loc40)
    %32 = nn.dense %31 {units = 10 : i64} : tensor<?x?xf32> -> tensor<?x10xf32> loc(#loc41)
    return %32 : tensor<?x10xf32> loc(#loc42)
  } loc(#loc1)
  nas.section "train" {
    nas.setting "data" = "fashion_mnist" loc(#loc44)
    nas.setting "epochs" = 1 : i64 loc(#loc45)
    nas.setting "batch" = 128 : i64 loc(#loc46)
    nas.setting "optimizer" = "sgd" loc(#loc47)
    nas.setting "optimizer.lr" = 1.000000e-01 : f64 loc(#loc47)
    nas.setting "optimizer.momentum" = 9.000000e-01 : f64 loc(#loc47)
    nas.setting "optimizer.weight_decay" = 5.000000e-04 : f64 loc(#loc47)
    nas.setting "optimizer.nesterov" = "true" loc(#loc47)
    nas.setting "schedule" = "cosine" loc(#loc48)
  } loc(#loc43)
  nas.section "search" {
    nas.setting "maximize" = "cifar10_val" loc(#loc50)
    nas.setting "algorithm" = "evolution" loc(#loc51)
    nas.setting "algorithm.population" = 10 : i64 loc(#loc51)
    nas.setting "algorithm.tournament" = 3 : i64 loc(#loc51)
    nas.setting "trials" = 100 : i64 loc(#loc52)
    nas.setting "evaluator" = "table" loc(#loc53)
    nas.setting "evaluator.file" = "../data/nb201/nb201-12epoch.csv" loc(#loc53)
    nas.setting "evaluator.column" = "arch" loc(#loc53)
    nas.setting "evaluator.key" = "|{e1_0}~0|+|{e2_0}~0|{e2_1}~1|+|{e3_0}~0|{e3_1}~1|{e3_2}~2|" loc(#loc53)
  } loc(#loc49)
} loc(#loc)
#loc = loc("examples/nasbench201.nas":1:1)
#loc2 = loc("examples/nasbench201.nas":31:14)
#loc3 = loc("examples/nasbench201.nas":32:14)
#loc4 = loc("examples/nasbench201.nas":33:14)
#loc5 = loc("examples/nasbench201.nas":34:14)
#loc6 = loc("examples/nasbench201.nas":35:14)
#loc7 = loc("examples/nasbench201.nas":36:14)
#loc8 = loc("examples/nasbench201.nas":38:17)
#loc9 = loc("examples/nasbench201.nas":38:7)
#loc11 = loc("examples/nasbench201.nas":17:8)
#loc12 = loc("examples/nasbench201.nas":9:32)
#loc13 = loc("examples/nasbench201.nas":10:40)
#loc14 = loc("examples/nasbench201.nas":11:57)
#loc15 = loc("examples/nasbench201.nas":11:50)
#loc16 = loc("examples/nasbench201.nas":11:40)
#loc17 = loc("examples/nasbench201.nas":12:57)
#loc18 = loc("examples/nasbench201.nas":12:50)
#loc19 = loc("examples/nasbench201.nas":12:40)
#loc20 = loc("examples/nasbench201.nas":13:40)
#loc21 = loc("examples/nasbench201.nas":18:12)
#loc22 = loc("examples/nasbench201.nas":18:24)
#loc23 = loc("examples/nasbench201.nas":18:8)
#loc24 = loc("examples/nasbench201.nas":19:14)
#loc25 = loc("examples/nasbench201.nas":19:26)
#loc26 = loc("examples/nasbench201.nas":19:39)
#loc27 = loc("examples/nasbench201.nas":19:10)
#loc28 = loc("examples/nasbench201.nas":24:24)
#loc29 = loc("examples/nasbench201.nas":24:17)
#loc30 = loc("examples/nasbench201.nas":24:7)
#loc31 = loc("examples/nasbench201.nas":25:24)
#loc32 = loc("examples/nasbench201.nas":25:17)
#loc33 = loc("examples/nasbench201.nas":25:7)
#loc34 = loc("examples/nasbench201.nas":26:21)
#loc35 = loc("examples/nasbench201.nas":26:14)
#loc36 = loc("examples/nasbench201.nas":27:10)
#loc38 = loc("examples/nasbench201.nas":44:12)
#loc39 = loc("examples/nasbench201.nas":44:7)
#loc40 = loc("examples/nasbench201.nas":45:16)
#loc41 = loc("examples/nasbench201.nas":45:10)
#loc42 = loc("examples/nasbench201.nas":45:3)
#loc43 = loc("examples/nasbench201.nas":48:1)
#loc44 = loc("examples/nasbench201.nas":49:3)
#loc45 = loc("examples/nasbench201.nas":50:3)
#loc46 = loc("examples/nasbench201.nas":51:3)
#loc47 = loc("examples/nasbench201.nas":52:3)
#loc48 = loc("examples/nasbench201.nas":53:3)
#loc49 = loc("examples/nasbench201.nas":59:1)
#loc50 = loc("examples/nasbench201.nas":60:3)
#loc51 = loc("examples/nasbench201.nas":61:3)
#loc52 = loc("examples/nasbench201.nas":62:3)
#loc53 = loc("examples/nasbench201.nas":63:3)

