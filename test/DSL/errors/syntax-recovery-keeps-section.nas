# After a body that lost its '}', the parser resumes at the section that
# starts the next line, so the error inside the section is reported too.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4)

train {
# CHECK: :[[@LINE-1]]:1: error: expected '}' to close the body, found 'train'
# CHECK-NEXT: {{^}}  train {
# CHECK-NEXT: {{^}}  ^~~~~{{$}}
  epochs 3
# CHECK: :[[@LINE-1]]:10: error: expected '=' after 'epochs', found an integer
# CHECK-NEXT: {{^}}    epochs 3
# CHECK-NEXT: {{^}}           ^{{$}}
}
