# A ResNet-style space: per stage, the kind of residual block, the width and
# the depth are decisions (as in the "design spaces" of Radosavovic et al.).
# Input 28x28 (Fashion-MNIST); stages at 28, 14 and 7 pixels.

block basic(x, c: int, stride: int) {
  h = relu(batchnorm(conv2d(x, c, kernel = 3, stride = stride, bias = false)))
  h = batchnorm(conv2d(h, c, kernel = 3, bias = false))
  return relu(add(h, shortcut(x, c, stride)))
}

block bottleneck(x, c: int, stride: int) {
  inner = c / 4
  h = relu(batchnorm(conv2d(x, inner, kernel = 1, bias = false)))
  h = relu(batchnorm(conv2d(h, inner, kernel = 3, stride = stride, bias = false)))
  h = batchnorm(conv2d(h, c, kernel = 1, bias = false))
  return relu(add(h, shortcut(x, c, stride)))
}

# A 1x1 projection matches the channels and the stride of the block.
block shortcut(x, c: int, stride: int) {
  return batchnorm(conv2d(x, c, kernel = 1, stride = stride, bias = false))
}

model resnet(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  h = relu(batchnorm(conv2d(x, 16, kernel = 3, bias = false)))   # the stem
  for stride in [1, 2, 2] {
    # Each stage decides its block, width and depth; the first block of a
    # stage downsamples, the rest keep the size.
    let unit = oneof(basic, bottleneck)
    let c = oneof(32, 64, 128)
    h = unit(h, c, stride)
    repeat int(0, 2) { h = unit(h, c, 1) }
  }
  return dense(global_avgpool(h), 10)
}

train {
  data = fashion_mnist
  epochs = 2
  batch = 128
  optimizer = sgd(lr = 0.1, momentum = 0.9, weight_decay = 0.0005, nesterov = true)
  schedule = cosine
}

search {
  maximize val_accuracy
  minimize latency
  constraint params <= 2M
  algorithm = evolution(population = 20, tournament = 5)
  early_stopping = successive_halving(min_epochs = 1, reduction = 3)
  trials = 60
}
