# name: "..." replaces the last part of a decision's path, for every kind.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
block cell(x) { return dense(x, oneof(8, 16, name: "w")) }
model m(x: f32[N, 784]) -> f32[N, 10] {
  h = dense(x, oneof(64, 128, name: "hidden"))
  h = oneof(relu, tanh, name: "act")(h)
  h = dense(h, int(1, 4, name: "depth.units"))
  h = cell(h)
  h = cell(h)
  repeat int(1, 2, name: "layers") { h = relu(h) }
  h = dropout(h, floatv(0.1, 0.2, name: "p"))
  for a in manyof(1, relu, gelu, name: "acts") { h = a(h) }
  h = optional(layernorm, name: "ln")(h)
  optional(name: "extra") { h = relu(h) }
  return dense(h, 10)
}
# CHECK: {{.*}}name-annotation.nas: model m, 10 decisions, infinite candidates (1024 when continuous decisions are left out){{$}}
# CHECK-NEXT: {{^}}m.hidden  oneof(64, 128){{$}}
# CHECK-NEXT: {{^}}m.act  oneof(relu, tanh){{$}}
# CHECK-NEXT: {{^}}m.depth.units  int(1, 4){{$}}
# CHECK-NEXT: {{^}}m.cell.w  oneof(8, 16){{$}}
# CHECK-NEXT: {{^}}m.cell2.w  oneof(8, 16){{$}}
# CHECK-NEXT: {{^}}m.layers  int(1, 2){{$}}
# CHECK-NEXT: {{^}}m.p  floatv(0.1, 0.2){{$}}
# CHECK-NEXT: {{^}}m.acts  manyof(1, relu, gelu){{$}}
# CHECK-NEXT: {{^}}m.ln  optional(layernorm){{$}}
# CHECK-NEXT: {{^}}m.extra  optional { ... }{{$}}
# CHECK-NOT: {{.}}
