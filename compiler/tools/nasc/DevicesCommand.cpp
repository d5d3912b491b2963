//===- DevicesCommand.cpp - nasc devices: what can run candidates ---------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "Commands.h"

#include "nas/Runtime/Device.h"

#include <iostream>
#include <thread>

namespace nasc {

CommandRunner addDevicesCommand(CLI::App &app) {
  CLI::App *cmd = app.add_subcommand("devices", "Show the devices nasc can train candidates on");
  cmd->footer("The CPU is always there; a CUDA GPU is listed when its driver loads and\n"
              "reports a device, and otherwise the reason is shown.\n\n"
              "Example:\n"
              "  nasc devices");
  return []() {
    std::cout << "cpu: " << std::thread::hardware_concurrency() << " threads\n";
    nas::CudaAvailability cuda = nas::probeCuda();
    for (const nas::CudaDevice &d : cuda.devices)
      std::cout << "cuda:" << d.ordinal << ": " << d.name << ", " << (d.memoryBytes >> 20) << " MiB, compute "
                << d.computeMajor << "." << d.computeMinor << "\n";
    if (cuda.devices.empty())
      std::cout << "cuda: none (" << cuda.reason << ")\n";
    return 0;
  };
}

} // namespace nasc
