// RUN: nas-opt %s --nn-lower-cpu --verify-diagnostics

// expected-error @below {{has no @train_step and @infer to lower (run nn-autodiff first)}}
module {
}
