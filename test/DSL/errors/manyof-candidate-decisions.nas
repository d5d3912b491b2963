# The candidates of manyof cannot make decisions of their own: those would
# belong to no candidate of the multi-choice.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error:
block wide(x) { return relu(dense(x, oneof(16, 32))) }

model m(x: f32[N, 8]) -> f32[N, 4] {
  h = x
  for layer in manyof(2, wide, tanh, relu) { h = layer(h) }
# CHECK: :[[@LINE-1]]:50: error: 'wide', a candidate of manyof, makes decisions of its own
# CHECK: hint: give the candidates of manyof no decisions, or choose with oneof
  return dense(h, 4)
}
