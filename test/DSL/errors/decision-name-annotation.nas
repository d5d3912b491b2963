# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = relu(x, name: "act")
# CHECK: :[[@LINE-1]]:15: error: only decisions (oneof, manyof, int, floatv, optional) take 'name:'
# CHECK-NEXT: {{^}}    h = relu(x, name: "act")
# CHECK-NEXT: {{^}}                ^~~~{{$}}
  h = dense(h, oneof(4, 8, label: "w"))
# CHECK: :[[@LINE-1]]:28: error: unknown annotation 'label:'
# CHECK-NEXT: {{^}}    h = dense(h, oneof(4, 8, label: "w"))
# CHECK-NEXT: {{^}}                             ^~~~~{{$}}
# CHECK-NEXT: hint: the annotations are 'name: "..."' and 'hint: "..."'
  h = dense(h, oneof(4, 8, name: "a b"))
# CHECK: :[[@LINE-1]]:34: error: a decision name uses letters, digits, '_' and '.'
# CHECK-NEXT: {{^}}    h = dense(h, oneof(4, 8, name: "a b"))
# CHECK-NEXT: {{^}}                                   ^~~~~{{$}}
  h = dense(h, oneof(4, 8, name: 3))
# CHECK: :[[@LINE-1]]:34: error: 'name:' needs a string, e.g. name: "width"
  return dense(h, 4)
}
# RUN: not nasc check %S/Inputs/hint-not-a-string.nas 2>&1 | FileCheck %s --check-prefix=HINT
# HINT: :2:37: error: 'hint:' needs a string, e.g. hint: "channels"
