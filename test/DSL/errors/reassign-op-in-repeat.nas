# A repeat body and an optional block exist once in the IR, so only tensors
# and numbers flow out of them; reassigning an op from outside is an error.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error:
model m(x: f32[N, 8]) -> f32[N, 4] {
  act = relu
  h = x
  repeat 2 { act = tanh }
# CHECK: :[[@LINE-1]]:14: error: 'act' is an op or block from outside this 'repeat' and cannot be reassigned in it
  optional { act = tanh }
# CHECK: :[[@LINE-1]]:14: error: 'act' is an op or block from outside this 'optional' and cannot be reassigned in it
  return dense(act(h), 4)
}
