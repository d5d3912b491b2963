# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  hidden = relu(x)
  h = dense2(hidden, 4)
# CHECK: unknown-name.nas:[[@LINE-1]]:7: error: unknown name 'dense2'
# CHECK-NEXT: {{^}}    h = dense2(hidden, 4)
# CHECK-NEXT: {{^}}        ^~~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'dense'?
  h = dense(hiden, 4)
# CHECK: :[[@LINE-1]]:13: error: unknown name 'hiden'
# CHECK-NEXT: {{^}}    h = dense(hiden, 4)
# CHECK-NEXT: {{^}}              ^~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'hidden'?
  return dense(qqqqqqq, 4)
# CHECK: :[[@LINE-1]]:16: error: unknown name 'qqqqqqq'
# CHECK-NEXT: {{^}}    return dense(qqqqqqq, 4)
# CHECK-NEXT: {{^}}                 ^~~~~~~{{$}}
# CHECK-NOT: hint
}
# CHECK: exit=1
