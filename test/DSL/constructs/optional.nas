# 'optional { ... }' is a decision whether the statements run; decisions
# inside it exist only when it is present; optional(op) is an op or nothing.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  h = dense(x, 64)
  optional { h = dropout(h, 0.2) }
  optional { h = dense(h, oneof(32, 64)) }
  optional(name: "norm") { h = layernorm(h) }
  h = optional(batchnorm)(h)
  return dense(h, 10)
}
# 2 * (1 + 2) * 2 * 2 = 24
# CHECK: {{.*}}optional.nas: model m, 5 decisions, 24 candidates
# CHECK-NEXT: {{^}}m.optional  optional { ... }{{$}}
# CHECK-NEXT: {{^}}m.optional2  optional { ... }{{$}}
# CHECK-NEXT: {{^}}  m.optional2[1].oneof  oneof(32, 64)  [when m.optional2 is present]{{$}}
# CHECK-NEXT: {{^}}m.norm  optional { ... }{{$}}
# CHECK-NEXT: {{^}}m.optional3  optional(batchnorm){{$}}
# CHECK-NOT: {{.}}
