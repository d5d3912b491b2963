model w1(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  h = relu(dense(flatten(x), 256))
  h = relu(dense(h, 256))
  return dense(h, 10)
}
