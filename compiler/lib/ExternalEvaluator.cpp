//===- ExternalEvaluator.cpp - A trainer that is a shell command ----------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "ExternalEvaluator.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace nas {

std::optional<std::map<std::string, double>> runExternalEvaluator(const std::string &command,
                                                                  const std::string &directory, double timeout,
                                                                  const std::atomic<bool> *stop, std::string &error) {
  int out[2];
  if (pipe(out) != 0) {
    error = std::string("cannot make a pipe: ") + std::strerror(errno);
    return std::nullopt;
  }
  pid_t pid = fork();
  if (pid < 0) {
    error = std::string("cannot start the evaluator: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (pid == 0) {
    setpgid(0, 0); // its own process group, so a timeout kills everything it started
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    if (chdir(directory.c_str()) != 0)
      _exit(126);
    setenv("NASC_TRIAL_DIR", directory.c_str(), 1);
    setenv("NASC_DNA", (directory + "/dna.json").c_str(), 1);
    setenv("NASC_CANDIDATE", (directory + "/candidate.mlir").c_str(), 1);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char *>(nullptr));
    _exit(127);
  }
  close(out[1]);
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  std::string output;
  auto start = std::chrono::steady_clock::now();
  bool timedOut = false, stopped = false;
  for (bool open = true; open;) {
    pollfd p{out[0], POLLIN, 0};
    poll(&p, 1, 100);
    char buffer[4096];
    ssize_t n;
    while ((n = read(out[0], buffer, sizeof buffer)) > 0)
      output.append(buffer, static_cast<size_t>(n));
    if (n == 0)
      open = false;
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (open && (elapsed > timeout || (stop && stop->load()))) {
      timedOut = elapsed > timeout;
      stopped = !timedOut;
      kill(-pid, SIGKILL);
      open = false;
    }
  }
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (timedOut || stopped) {
    error = timedOut ? "the evaluator ran past its timeout of " + std::to_string(static_cast<int64_t>(timeout)) + " s"
                     : "stopped";
    return std::nullopt;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = WIFEXITED(status) ? "the evaluator exited with status " + std::to_string(WEXITSTATUS(status))
                              : "the evaluator was killed by signal " + std::to_string(WTERMSIG(status));
    return std::nullopt;
  }
  // The last line that is a JSON object of numbers.
  std::istringstream lines(output);
  std::optional<std::map<std::string, double>> metrics;
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object())
      continue;
    std::map<std::string, double> found;
    for (auto &[key, value] : j.items())
      if (value.is_number())
        found[key] = value.get<double>();
    metrics = std::move(found);
  }
  if (!metrics)
    error = "the evaluator printed no JSON object of metrics (its last line should be like {\"val_accuracy\": 0.9})";
  return metrics;
}

bool evaluateWithCommand(const std::string &command, double timeout, const std::atomic<bool> *stop,
                         const Candidate &candidate, TrialRecord &trial) {
  std::string dir = (std::filesystem::temp_directory_path() / ("nasc-trial-XXXXXX")).string();
  if (!mkdtemp(dir.data())) {
    trial.state = TrialState::Failed;
    trial.reason = "cannot make a directory for the trial";
    return true;
  }
  std::ofstream(dir + "/dna.json") << trial.dna << "\n";
  std::ofstream(dir + "/candidate.mlir") << candidate.mlir() << "\n";
  std::string why;
  auto metrics = runExternalEvaluator(command, dir, timeout, stop, why);
  std::filesystem::remove_all(dir);
  if (!metrics && stop && stop->load())
    return false;
  if (!metrics) {
    trial.state = TrialState::Failed;
    trial.reason = why;
    return true;
  }
  trial.metrics = *metrics;
  trial.state = TrialState::Complete;
  return true;
}

} // namespace nas
