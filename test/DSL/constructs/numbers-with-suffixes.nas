# Numbers: k, M and G suffixes, exponents, a leading '.'; 1.5k is the
# integer 1500. The declared output [N, 3500] checks 2M / 1k and 1.5k.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 4]) -> f32[N, 3500] {
  h = dense(x, 1k)
  h = dropout(h, 1e-1)
  h = dropout(h, .5)
  h = dropout(h, 2.5E-1)
  h = dropout(h, 0.0001e3)
  return concat(dense(h, 2M / 1k), dense(h, 1.5k))
}
search {
  maximize val_accuracy
  constraint params <= 1G
  constraint flops <= 0.5G
}
# CHECK: {{.*}}numbers-with-suffixes.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
