block wide(x) { return relu(dense(x, oneof(256, 512))) }

model m(x: f32[N, 784]) -> f32[N, 10] {
  h = oneof(wide, tanh)(x)
  repeat oneof(1, 2) { h = oneof(relu, tanh)(h) }
  return dense(h, 10)
}
