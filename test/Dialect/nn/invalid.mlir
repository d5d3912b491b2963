// RUN: nas-opt %s -split-input-file -verify-diagnostics

func.func @dense_rank(%x: tensor<8x1x28x28xf32>) {
  // expected-error @+1 {{'nn.dense' op expects a rank-2 input (batch x features), got rank 4}}
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

func.func @relu_rank(%x: tensor<8x10xf32>) {
  // expected-error @+1 {{'nn.relu' op result has rank 1 but the input gives rank 2}}
  %0 = nn.relu %x : tensor<8x10xf32> -> tensor<80xf32>
  return
}
