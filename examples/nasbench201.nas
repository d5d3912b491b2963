# The NAS-Bench-201 search space (Dong and Yang, ICLR 2020): one cell of four
# nodes, where node j sums one op on each edge from an earlier node. The six
# edge ops are the decisions, shared by every cell of the network, so the
# space holds 5^6 = 15,625 networks. The macro skeleton is NAS-Bench-201's:
# a stem, three stages of five cells with residual reduction blocks between
# them, then BN-ReLU, global average pooling and a classifier. The channel
# count is small (16, 32, 64 as in the paper) so the network trains on a CPU.

block none(x, c: int) { return zero(x) }
block skip_connect(x, c: int) { return identity(x) }
block nor_conv_1x1(x, c: int) { return batchnorm(conv2d(relu(x), c, kernel = 1, bias = false)) }
block nor_conv_3x3(x, c: int) { return batchnorm(conv2d(relu(x), c, kernel = 3, bias = false)) }
block avg_pool_3x3(x, c: int) { return avgpool(x, kernel = 3, stride = 1, padding = 1) }

# Node 0 is the input; node j = sum over i < j of edge (j, i) applied to node i.
block cell(x, c: int, e1_0: op, e2_0: op, e2_1: op, e3_0: op, e3_1: op, e3_2: op) {
  n1 = e1_0(x, c)
  n2 = add(e2_0(x, c), e2_1(n1, c))
  return add(e3_0(x, c), e3_1(n1, c), e3_2(n2, c))
}

# The residual block between stages halves H and W and doubles the channels.
block reduction(x, c: int) {
  h = batchnorm(conv2d(relu(x), c, kernel = 3, stride = 2, bias = false))
  h = batchnorm(conv2d(relu(h), c, kernel = 3, bias = false))
  shortcut = conv2d(avgpool(x, kernel = 2, stride = 2), c, kernel = 1, bias = false)
  return add(shortcut, h)
}

model nasbench201(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  let e1_0 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)
  let e2_0 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)
  let e2_1 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)
  let e3_0 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)
  let e3_1 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)
  let e3_2 = oneof(none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)

  h = batchnorm(conv2d(x, 16, kernel = 3, bias = false))   # the stem
  repeat 5 { h = cell(h, 16, e1_0, e2_0, e2_1, e3_0, e3_1, e3_2) }
  for c in [32, 64] {
    h = reduction(h, c)
    repeat 5 { h = cell(h, c, e1_0, e2_0, e2_1, e3_0, e3_1, e3_2) }
  }
  h = relu(batchnorm(h))
  return dense(global_avgpool(h), 10)
}

train {
  data = fashion_mnist
  epochs = 1
  batch = 128
  optimizer = sgd(lr = 0.1, momentum = 0.9, weight_decay = 0.0005, nesterov = true)
  schedule = cosine
}

# The search looks each cell up in the NAS-Bench-201 table (12-epoch CIFAR-10
# validation accuracy) instead of training it: the key renders the cell as
# NAS-Bench-201 writes it. `nasc search --evaluator trainer` trains instead.
search {
  maximize cifar10_val
  algorithm = evolution(population = 10, tournament = 3)
  trials = 100
  evaluator = table(file = "../data/nb201/nb201-12epoch.csv", column = "arch",
                    key = "|{e1_0}~0|+|{e2_0}~0|{e2_1}~1|+|{e3_0}~0|{e3_1}~1|{e3_2}~2|")
}
