// RUN: nas-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'nas.int' op has an empty range: low 4 is above high 1}}
%0 = nas.int "mlp.depth" in [4, 1] : index

// -----

// expected-error @+1 {{'nas.int' op needs a decision name}}
%0 = nas.int "" in [1, 4] : index

// -----

// expected-error @+1 {{'nas.oneof_value' op needs at least one candidate}}
%0 = nas.oneof_value "mlp.width" [] : index

// -----

// expected-error @+1 {{'nas.oneof_value' op needs a decision name}}
%0 = nas.oneof_value "" [1] : index
