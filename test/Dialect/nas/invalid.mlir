// One case per verifier message of the nas dialect.
// RUN: nas-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'nas.int' op has an empty range: low 4 is above high 1}}
%0 = nas.int "m.depth" in [4, 1] : index

// -----

// expected-error @+1 {{'nas.int' op needs a decision name}}
%0 = nas.int "" in [1, 4] : index

// -----

// expected-error @+1 {{'nas.oneof_value' op needs at least one candidate}}
%0 = nas.oneof_value "m.width" [] : index

// -----

// expected-error @+1 {{'nas.oneof_value' op candidate 1.500000e+00 : f64 is not an integer as the result type 'index' needs}}
%0 = nas.oneof_value "m.width" [1, 1.5] : index

// -----

// expected-error @+1 {{'nas.oneof' op needs at least one candidate}}
%0 = nas.oneof "m.act" [] : index

// -----

// expected-error @+1 {{'nas.manyof' op cannot choose 3 distinct of 2 candidates}}
%0:3 = nas.manyof "m.pair" ["a", "b"] {distinct} : index, index, index

// -----

// expected-error @+1 {{'nas.manyof' op chooses nothing: it needs at least one result}}
"nas.manyof"() {name = "m.pair", candidates = ["a", "b"]} : () -> ()

// -----

// expected-error @+1 {{'nas.float' op needs low below high}}
%0 = nas.float "m.lr" in [0.5, 0.1] : f64

// -----

// expected-error @+1 {{'nas.float' op on a log scale needs a positive low bound}}
%0 = nas.float "m.lr" in [0.0, 0.1] log : f64

// -----

// expected-error @+1 {{'nas.optional' op needs a decision name}}
%0 = nas.optional "" : index

// -----

%c = nas.oneof "m.act" ["relu", "tanh", "gelu"] : index
// expected-error @+1 {{'nas.switch' op has 2 regions but its selector has 3 candidates}}
nas.switch %c {
  nas.yield
}, {
  nas.yield
}

// -----

%c = nas.optional "m.norm" : index
%one = arith.constant 1 : index
// expected-error @+1 {{'nas.switch' op region 1 yields 0 values but the switch has 1 results}}
%r = nas.switch %c -> index {
  nas.yield %one : index
}, {
  nas.yield
}

// -----

%c = nas.optional "m.norm" : index
%one = arith.constant 1 : index
%f = arith.constant 1.0 : f64
// expected-error @+1 {{'nas.switch' op region 1 yields 'f64' where the switch gives 'index'}}
%r = nas.switch %c -> index {
  nas.yield %one : index
}, {
  nas.yield %f : f64
}

// -----

%n = arith.constant 2 : index
%x = arith.constant 1 : index
// expected-error @+1 {{'nas.repeat' op needs a name for its repetitions}}
%r = nas.repeat "" %n iter_args(%a = %x) : (index) -> (index) {
^bb0(%i: index, %a: index):
  nas.yield %a : index
}

// -----

%n = arith.constant -1 : index
// expected-error @+1 {{'nas.repeat' op has a negative count}}
nas.repeat "m.repeat" %n {
^bb0(%i: index):
}

// -----

%n = arith.constant 2 : index
%x = arith.constant 1 : index
%f = arith.constant 1.0 : f64
// expected-error @+1 {{'nas.repeat' op loop-carried value of type 'index' must keep a compatible type in its initial, yielded and final values}}
%r = nas.repeat "m.repeat" %n iter_args(%a = %x) : (index) -> (index) {
^bb0(%i: index, %a: index):
  nas.yield %f : f64
}

// -----

// expected-error @+1 {{'nas.section' op kind must be "train" or "search", not "tune"}}
nas.section "tune" {
}

// -----

nas.section "train" {
  // expected-error @+1 {{'nas.setting' op needs a key}}
  nas.setting "" = 1 : i64
}

// -----

module attributes {nas.source = "m.nas"} {
  func.func @m() {
    // expected-note @+1 {{the first is here}}
    %a = nas.oneof_value "m.width" [1, 2] : index
    // expected-error @+1 {{a second decision named 'm.width'}}
    %b = nas.oneof_value "m.width" [3, 4] : index
    return
  }
}
