# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, oneof(4, relu, 8))
# CHECK: :[[@LINE-1]]:25: error: the candidates of oneof must be of one kind: this is an op or block, the first is an integer
# CHECK-NEXT: {{^}}    h = dense(x, oneof(4, relu, 8))
# CHECK-NEXT: {{^}}                          ^~~~{{$}}
  h = dense(x, oneof(4, 8, size = 2))
# CHECK: :[[@LINE-1]]:28: error: oneof takes no named argument 'size'
  return dense(x, 4)
}
