# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  let acts = manyof(3, relu, gelu)
# CHECK: :[[@LINE-1]]:21: error: manyof cannot choose 3 of 2 distinct candidates
# CHECK-NEXT: {{^}}    let acts = manyof(3, relu, gelu)
# CHECK-NEXT: {{^}}                      ^{{$}}
  let b = manyof(0, relu, gelu, distinct = false)
# CHECK: :[[@LINE-1]]:18: error: manyof cannot choose 0 of 2 candidates
  let c = manyof(relu)
# CHECK: :[[@LINE-1]]:11: error: manyof needs a count and at least one candidate
# CHECK-NEXT: {{^}}    let c = manyof(relu)
# CHECK-NEXT: {{^}}            ^~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: e.g. manyof(2, relu, gelu, tanh)
  let d = manyof(1, relu, gelu, unique = true)
# CHECK: :[[@LINE-1]]:33: error: manyof takes 'distinct' and 'sorted', not 'unique'
  let e = manyof(1, relu, oneof(gelu, tanh))
# CHECK: :[[@LINE-1]]:27: error: a candidate of manyof cannot hold a decision of its own
# CHECK-NEXT: {{^}}    let e = manyof(1, relu, oneof(gelu, tanh))
# CHECK-NEXT: {{^}}                            ^~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: use oneof for conditional sub-spaces
  for a in d { x = a(x) }
  for a in e { x = a(x) }
  return dense(x, 4)
}
