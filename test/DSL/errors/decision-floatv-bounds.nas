# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dropout(x, floatv(0, 0.5, log))
# CHECK: :[[@LINE-1]]:25: error: a log-scale floatv needs a positive lower bound
# CHECK-NEXT: {{^}}    h = dropout(x, floatv(0, 0.5, log))
# CHECK-NEXT: {{^}}                          ^{{$}}
  h = dropout(x, floatv(-0.5, 0.5, log))
# CHECK: :[[@LINE-1]]:25: error: a log-scale floatv needs a positive lower bound
  h = dropout(x, floatv(0.5, 0.5))
# CHECK: :[[@LINE-1]]:18: error: floatv needs a lower bound below its upper bound
# CHECK-NEXT: {{^}}    h = dropout(x, floatv(0.5, 0.5))
# CHECK-NEXT: {{^}}                   ^~~~~~~~~~~~~~~~{{$}}
  h = dropout(x, floatv(0.1, 0.5, exp))
# CHECK: :[[@LINE-1]]:35: error: the scale of floatv is 'linear' or 'log'
# CHECK-NEXT: {{^}}    h = dropout(x, floatv(0.1, 0.5, exp))
# CHECK-NEXT: {{^}}                                    ^~~{{$}}
  h = dropout(x, floatv(0.1))
# CHECK: :[[@LINE-1]]:18: error: floatv needs a lower bound, an upper bound and optionally a scale
# CHECK-NEXT: {{^}}    h = dropout(x, floatv(0.1))
# CHECK-NEXT: {{^}}                   ^~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: e.g. floatv(0.001, 0.1, log)
  return dense(h, 4)
}
