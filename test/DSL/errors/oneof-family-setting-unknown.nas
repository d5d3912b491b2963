# Each candidate of a choice for a family setting is checked on its own and
# the message names the bad one; it never reports an empty name.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  optimizer = oneof(adam, random)
}
# CHECK-NOT: ''
# CHECK: :[[@LINE-3]]:15: error: unknown optimizer 'random'
# CHECK: hint: one of: sgd, adam
