# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
block a(x) { return b(x) }
block b(x) { return a(x) }
# CHECK: :[[@LINE-1]]:21: error: block 'a' calls itself (m -> a -> b -> a)
# CHECK-NEXT: {{^}}  block b(x) { return a(x) }
# CHECK-NEXT: {{^}}                      ^~~~{{$}}
# CHECK-NEXT: hint: blocks cannot be recursive; use 'repeat' to stack layers
block c(x) { return c(x) }
# CHECK: :[[@LINE-1]]:21: error: block 'c' calls itself (m -> c -> c)
model m(x: f32[N, 8]) -> f32[N, 8] {
  return add(a(x), c(x))
}
