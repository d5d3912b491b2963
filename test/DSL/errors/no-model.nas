train { data = mnist; epochs = 1 }
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
# CHECK: no-model.nas:1:1: error: no model in this file
# CHECK-NEXT: {{^}}  train { data = mnist; epochs = 1 }
# CHECK-NEXT: {{^}}  ^{{$}}
# CHECK-NEXT: hint: a search space needs one 'model name(x: f32[N, 784]) -> f32[N, 10] { ... }'
