# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# A body that loses its '}' ends at the next declaration that starts a line.
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4)

train { data = mnist; epochs = 1 }
# CHECK: :[[@LINE-1]]:1: error: expected '}' to close the body, found 'train'
# CHECK-NEXT: {{^}}  train { data = mnist; epochs = 1 }
# CHECK-NEXT: {{^}}  ^~~~~{{$}}
