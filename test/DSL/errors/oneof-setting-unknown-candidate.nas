# Each candidate of a choice for a setting is checked on its own: a known name
# of the wrong family is an unknown schedule; the message names it, never ''.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  schedule = oneof(constant, adam)
# CHECK: :[[@LINE-1]]:14: error: unknown schedule 'adam'
# CHECK-NEXT: {{^}}    schedule = oneof(constant, adam)
# CHECK-NEXT: {{^}}               ^~~~~~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: one of: constant, cosine
}
