//===- nas.cpp - The C API of nasc, over the C++ embedding API ------------===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas-c/nas.h"

#include "nas/Compiler/Compiler.h"

#include <cstdlib>
#include <cstring>

struct nas_space {
  std::unique_ptr<nas::Space> space;
};
struct nas_candidate {
  std::unique_ptr<nas::Candidate> candidate;
};

namespace {
char *copy(const std::string &text) {
  char *out = static_cast<char *>(std::malloc(text.size() + 1));
  if (out)
    std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

nas_space *wrap(std::unique_ptr<nas::Space> space, const std::vector<nas::Diagnostic> &diagnostics, char **error) {
  if (space)
    return new nas_space{std::move(space)};
  if (error) {
    std::string text;
    for (const nas::Diagnostic &d : diagnostics)
      text += d.str() + "\n";
    *error = copy(text);
  }
  return nullptr;
}
} // namespace

extern "C" {

int nas_api_version(void) { return NAS_API_VERSION; }

nas_space *nas_space_from_file(const char *path, char **error) {
  std::vector<nas::Diagnostic> diagnostics;
  return wrap(nas::Space::fromFile(path, diagnostics), diagnostics, error);
}

nas_space *nas_space_from_text(const char *name, const char *text, char **error) {
  std::vector<nas::Diagnostic> diagnostics;
  return wrap(nas::Space::fromText(name, text, diagnostics), diagnostics, error);
}

void nas_space_free(nas_space *space) { delete space; }
const char *nas_space_model(const nas_space *space) { return space->space->modelName().c_str(); }
char *nas_space_size(const nas_space *space) { return copy(nas::spaceSize(space->space->decisions()).toString()); }
char *nas_space_describe(const nas_space *space) { return copy(nas::describeDecisions(space->space->decisions())); }
char *nas_space_sample(const nas_space *space, uint64_t seed) {
  return copy(space->space->toJSON(space->space->sample(seed)));
}

nas_candidate *nas_materialize(const nas_space *space, const char *dna_json, char **error) {
  std::string message;
  std::optional<nas::DNA> dna = space->space->parseDNA(dna_json, message);
  std::unique_ptr<nas::Candidate> candidate = dna ? space->space->materialize(*dna, message) : nullptr;
  if (!candidate) {
    if (error)
      *error = copy(message);
    return nullptr;
  }
  return new nas_candidate{std::move(candidate)};
}

void nas_candidate_free(nas_candidate *candidate) { delete candidate; }
int64_t nas_candidate_params(const nas_candidate *candidate) { return candidate->candidate->params(); }
int64_t nas_candidate_flops(const nas_candidate *candidate) { return candidate->candidate->flops(); }
const char *nas_candidate_hash(const nas_candidate *candidate) { return candidate->candidate->hash().c_str(); }
char *nas_candidate_mlir(const nas_candidate *candidate) { return copy(candidate->candidate->mlir()); }
void nas_free_string(char *text) { std::free(text); }

} // extern "C"
