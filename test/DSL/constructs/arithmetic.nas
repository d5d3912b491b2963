# Integer arithmetic: precedence, left associativity, parentheses, unary
# minus and division toward zero. add() of equal shapes checks each result.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
block widen(x, c: int) { return relu(dense(x, c * 2)) }
model m(x: f32[N, 784]) -> f32[N, 2] {
  let c = oneof(16, 32)
  h = widen(x, c + 8)
  a = add(dense(h, (3 + 4) * 2 - 10 / 3), dense(h, 11))
  b = add(dense(h, -(-7) / 2), dense(h, 3))
  b = add(dense(h, -7 / 2 + 7), dense(h, 4))
  d = add(dense(h, 8 - 4 - 2), dense(h, 2))
  d = add(dense(h, 24 / 4 / 3), d)
  d = dropout(d, 1 / 4 + 0.5 * 0.5)
  return d
}
# CHECK: {{.*}}arithmetic.nas: model m, 1 decision, 2 candidates
# CHECK-NEXT: {{^}}m.c  oneof(16, 32){{$}}
# CHECK-NOT: {{.}}
