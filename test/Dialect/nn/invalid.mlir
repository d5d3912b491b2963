// One case per verifier message of the nn dialect.
// RUN: nas-opt %s -split-input-file -verify-diagnostics

func.func @dense_rank(%x: tensor<8x1x28x28xf32>) {
  // expected-error @+1 {{'nn.dense' op needs a rank-2 input (batch x features), got rank 4}}
  %0 = nn.dense %x {units = 10 : i64} : tensor<8x1x28x28xf32> -> tensor<8x10xf32>
  return
}

// -----

func.func @dense_units(%x: tensor<8x784xf32>) {
  // expected-error @+1 {{'nn.dense' op result dimension 1 is 12 but should be 10}}
  %0 = nn.dense %x {units = 10 : i64} : tensor<8x784xf32> -> tensor<8x12xf32>
  return
}

// -----

func.func @dense_positive(%x: tensor<8x784xf32>) {
  // expected-error @+1 {{'nn.dense' op attribute 'units' failed to satisfy constraint}}
  %0 = nn.dense %x {units = 0 : i64} : tensor<8x784xf32> -> tensor<8x?xf32>
  return
}

// -----

func.func @dense_missing_units(%x: tensor<8x784xf32>) {
  // expected-error @+1 {{'nn.dense' op needs setting 'units'}}
  %0 = nn.dense %x : tensor<8x784xf32> -> tensor<8x?xf32>
  return
}

// -----

func.func @float_as_shape(%x: tensor<8x784xf32>, %f: f64) {
  // expected-error @+1 {{'nn.dense' op setting 'units' is decided by a 'f64' value, but it is a size and needs an integer (index)}}
  %0 = nn.dense %x [%f : f64] {decided_names = ["units"]} : tensor<8x784xf32> -> tensor<8x?xf32>
  return
}

// -----

func.func @int_as_rate(%x: tensor<8x784xf32>, %i: index) {
  // expected-error @+1 {{'nn.dropout' op setting 'rate' needs an f64 value, not 'index'}}
  %0 = nn.dropout %x [%i : index] {decided_names = ["rate"]} : tensor<8x784xf32> -> tensor<8x784xf32>
  return
}

// -----

func.func @unknown_setting(%x: tensor<8x784xf32>, %i: index) {
  // expected-error @+1 {{'nn.dense' op has no setting 'kernel' to decide}}
  %0 = nn.dense %x [%i : index] {decided_names = ["kernel"], units = 4 : i64} : tensor<8x784xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @both(%x: tensor<8x784xf32>, %i: index) {
  // expected-error @+1 {{'nn.dense' op setting 'units' is both an attribute and decided}}
  %0 = nn.dense %x [%i : index] {decided_names = ["units"], units = 4 : i64} : tensor<8x784xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @count_mismatch(%x: tensor<8x784xf32>, %i: index) {
  // expected-error @+1 {{'nn.dense' op has 1 decided values but names 0 decided settings}}
  %0 = nn.dense %x [%i : index] {units = 4 : i64} : tensor<8x784xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @relu_rank(%x: tensor<8x10xf32>) {
  // expected-error @+1 {{'nn.relu' op result has rank 1 but the input gives rank 2}}
  %0 = nn.relu %x : tensor<8x10xf32> -> tensor<80xf32>
  return
}

// -----

func.func @conv_rank(%x: tensor<8x784xf32>) {
  // expected-error @+1 {{'nn.conv2d' op needs an NCHW input (rank 4), got rank 2}}
  %0 = nn.conv2d %x {channels = 4 : i64, kernel = 3 : i64, stride = 1 : i64, same, dilation = 1 : i64, groups = 1 : i64} : tensor<8x784xf32> -> tensor<*xf32>
  return
}

// -----

func.func @conv_even_same(%x: tensor<8x1x28x28xf32>) {
  // expected-error @+1 {{'nn.conv2d' op with same padding needs an odd kernel, not 2}}
  %0 = nn.conv2d %x {channels = 4 : i64, kernel = 2 : i64, stride = 1 : i64, same, dilation = 1 : i64, groups = 1 : i64} : tensor<8x1x28x28xf32> -> tensor<*xf32>
  return
}

// -----

func.func @conv_padding(%x: tensor<8x1x28x28xf32>) {
  // expected-error @+1 {{'nn.conv2d' op needs setting 'padding'}}
  %0 = nn.conv2d %x {channels = 4 : i64, kernel = 3 : i64, stride = 1 : i64, dilation = 1 : i64, groups = 1 : i64} : tensor<8x1x28x28xf32> -> tensor<*xf32>
  return
}

// -----

func.func @conv_groups_in(%x: tensor<8x3x28x28xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 3 input channels do not split into 2 groups}}
  %0 = nn.conv2d %x {channels = 4 : i64, kernel = 3 : i64, stride = 1 : i64, same, dilation = 1 : i64, groups = 2 : i64} : tensor<8x3x28x28xf32> -> tensor<*xf32>
  return
}

// -----

func.func @conv_groups_out(%x: tensor<8x4x28x28xf32>) {
  // expected-error @+1 {{'nn.conv2d' op 6 output channels do not split into 4 groups}}
  %0 = nn.conv2d %x {channels = 6 : i64, kernel = 3 : i64, stride = 1 : i64, same, dilation = 1 : i64, groups = 4 : i64} : tensor<8x4x28x28xf32> -> tensor<*xf32>
  return
}

// -----

func.func @pool_window(%x: tensor<8x4x2x2xf32>) {
  // expected-error @+1 {{'nn.maxpool' op window of 3 does not fit an input of 2 pixels}}
  %0 = nn.maxpool %x {kernel = 3 : i64, stride = 1 : i64, padding = 0 : i64} : tensor<8x4x2x2xf32> -> tensor<*xf32>
  return
}

// -----

func.func @global_pool_rank(%x: tensor<8x4xf32>) {
  // expected-error @+1 {{'nn.global_avgpool' op needs an NCHW input (rank 4), got rank 2}}
  %0 = nn.global_avgpool %x : tensor<8x4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @flatten_rank(%x: tensor<8xf32>) {
  // expected-error @+1 {{'nn.flatten' op needs a batch dimension and at least one more, got rank 1}}
  %0 = nn.flatten %x : tensor<8xf32> -> tensor<8x1xf32>
  return
}

// -----

func.func @batchnorm_rank(%x: tensor<8x4x4xf32>) {
  // expected-error @+1 {{'nn.batchnorm' op needs an input of rank 2 or 4, got rank 3}}
  %0 = nn.batchnorm %x : tensor<8x4x4xf32> -> tensor<8x4x4xf32>
  return
}

// -----

func.func @add_one(%x: tensor<8x4xf32>) {
  // expected-error @+1 {{'nn.add' op needs at least two tensors}}
  %0 = nn.add %x : tensor<8x4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @add_ranks(%x: tensor<8x4xf32>, %y: tensor<8x4x1xf32>) {
  // expected-error @+1 {{'nn.add' op adds tensors of ranks 2 and 3}}
  %0 = nn.add %x, %y : tensor<8x4xf32>, tensor<8x4x1xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @add_shapes(%x: tensor<8x4xf32>, %y: tensor<8x5xf32>) {
  // expected-error @+1 {{'nn.add' op adds tensors whose dimension 1 differs: 4 and 5}}
  %0 = nn.add %x, %y : tensor<8x4xf32>, tensor<8x5xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @concat_one(%x: tensor<8x4xf32>) {
  // expected-error @+1 {{'nn.concat' op needs at least two tensors}}
  %0 = nn.concat %x {axis = 1 : i64} : tensor<8x4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @concat_axis(%x: tensor<8x4xf32>) {
  // expected-error @+1 {{'nn.concat' op axis 2 is outside a rank-2 tensor}}
  %0 = nn.concat %x, %x {axis = 2 : i64} : tensor<8x4xf32>, tensor<8x4xf32> -> tensor<8x8xf32>
  return
}

// -----

func.func @concat_ranks(%x: tensor<8x4xf32>, %y: tensor<8x4x1xf32>) {
  // expected-error @+1 {{'nn.concat' op joins tensors of different ranks}}
  %0 = nn.concat %x, %y {axis = 1 : i64} : tensor<8x4xf32>, tensor<8x4x1xf32> -> tensor<8x8xf32>
  return
}

// -----

func.func @concat_dims(%x: tensor<8x4xf32>, %y: tensor<7x4xf32>) {
  // expected-error @+1 {{'nn.concat' op joins tensors whose dimension 0 differs}}
  %0 = nn.concat %x, %y {axis = 1 : i64} : tensor<8x4xf32>, tensor<7x4xf32> -> tensor<8x8xf32>
  return
}

// -----

func.func @loss_logits(%x: tensor<8x4x1xf32>, %l: tensor<8xi32>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op needs logits of rank 2, got rank 3}}
  %0 = nn.softmax_cross_entropy %x, %l : tensor<8x4x1xf32>, tensor<8xi32> -> tensor<f32>
  return
}

// -----

func.func @loss_labels(%x: tensor<8x4xf32>, %l: tensor<8x1xi32>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op needs labels of rank 1, got rank 2}}
  %0 = nn.softmax_cross_entropy %x, %l : tensor<8x4xf32>, tensor<8x1xi32> -> tensor<f32>
  return
}

// -----

func.func @loss_rows(%x: tensor<8x4xf32>, %l: tensor<7xi32>) {
  // expected-error @+1 {{'nn.softmax_cross_entropy' op needs one label per row of logits}}
  %0 = nn.softmax_cross_entropy %x, %l : tensor<8x4xf32>, tensor<7xi32> -> tensor<f32>
  return
}

// -----

func.func @pool_even_same(%x: tensor<8x4x8x8xf32>) {
  // expected-error @+1 {{'nn.maxpool' op with same padding needs an odd kernel, not 2}}
  %0 = nn.maxpool %x {kernel = 2 : i64, stride = 1 : i64, same} : tensor<8x4x8x8xf32> -> tensor<*xf32>
  return
}
