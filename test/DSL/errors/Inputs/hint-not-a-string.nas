model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, oneof(4, 8, hint: 3))
}
