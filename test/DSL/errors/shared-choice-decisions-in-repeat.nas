# A choice made outside a repeat whose candidate makes its own decisions
# cannot be used inside the repeat: the sub-space could not say whether those
# decisions are one or one per repetition.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error:
block wide(x) { return relu(dense(x, oneof(16, 32))) }

model m(x: f32[N, 8]) -> f32[N, 4] {
  let layer = oneof(wide, tanh)
  h = x
  repeat 2 { h = layer(h) }
# CHECK: :[[@LINE-1]]:18: error: 'wide', a candidate of 'm.layer', makes decisions of its own, so it cannot be called inside a 'repeat' when the choice is made outside it
# CHECK: hint: make the choice inside the loop, or give 'wide' no decisions
  return dense(h, 4)
}
