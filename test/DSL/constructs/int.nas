# int(lo, hi) holds hi - lo + 1 values; as a repeat count it makes the
# repetitions conditional (count 0 included).
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  let units = int(16, 20)
  h = dense(x, units)
  h = dense(h, int(-2, 2) + 8)
  repeat int(0, 2) { h = dense(h, int(1, 3)) }
  return dense(h, 10)
}
# 5 * 5 * (1 + 3 + 9) = 325
# CHECK: {{.*}}int.nas: model m, 5 decisions, 325 candidates
# CHECK-NEXT: {{^}}m.units  int(16, 20){{$}}
# CHECK-NEXT: {{^}}m.int  int(-2, 2){{$}}
# CHECK-NEXT: {{^}}m.repeat  int(0, 2){{$}}
# CHECK-NEXT: {{^}}  m.repeat[0].int  int(1, 3)  [when m.repeat > 0]{{$}}
# CHECK-NEXT: {{^}}  m.repeat[1].int  int(1, 3)  [when m.repeat > 1]{{$}}
# CHECK-NOT: {{.}}
