# conv2d output sizes: same padding (with dilation), valid, explicit padding
# with stride, and every argument positional. The declared output holds only
# if each size is right: 32 -> 32 -> 32 -> 28 -> 14 -> 10.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 3, 32, 32]) -> f32[N, 8, 10, 10] {
  a = conv2d(x, 16)
  a = conv2d(a, 16, kernel = 3, dilation = 2)
  a = conv2d(a, 16, kernel = 5, padding = valid)
  a = conv2d(a, 16, kernel = 3, stride = 2, padding = 1)
  a = conv2d(a, 8, 3, 1, 0, 2, 2, false)
  return a
}
# CHECK: {{.*}}conv2d.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
