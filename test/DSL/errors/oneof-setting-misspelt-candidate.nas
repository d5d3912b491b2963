# A misspelt candidate of a choice for a setting is an unknown name, as it is
# outside a choice, with a did-you-mean hint; the caret marks the candidate.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  schedule = oneof(constant, cosinus)
# CHECK: :[[@LINE-1]]:30: error: unknown name 'cosinus'
# CHECK-NEXT: {{^}}    schedule = oneof(constant, cosinus)
# CHECK-NEXT: {{^}}                               ^~~~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'cosine'?
}
