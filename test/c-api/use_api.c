// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
/* A C99 program that uses the C API the way a user would: check the API
 * version, compile a space, sample, materialize, read the cost; and get
 * errors as text. Exits non-zero
 * (with a message) when something is not as expected. */
#include "nas-c/nas.h"

#include <stdio.h>
#include <string.h>

static int fail(const char *what) {
  fprintf(stderr, "c-api: %s\n", what);
  return 1;
}

int main(int argc, char **argv) {
  char *error = NULL;
  if (argc < 2)
    return fail("usage: use_api EXAMPLE.nas");
  /* The library loaded is the one this header describes. */
  if (nas_api_version() != NAS_API_VERSION)
    return fail("the library's API version is not the header's");
  printf("api version %d.%d\n", nas_api_version() >> 16, nas_api_version() & 0xffff);
  nas_space *space = nas_space_from_file(argv[1], &error);
  if (!space) {
    fprintf(stderr, "%s", error);
    nas_free_string(error);
    return fail("compiling the example failed");
  }
  char *size = nas_space_size(space);
  printf("model %s, size %s\n", nas_space_model(space), size);
  nas_free_string(size);

  char *dna = nas_space_sample(space, 1);
  nas_candidate *candidate = nas_materialize(space, dna, &error);
  if (!candidate)
    return fail(error);
  printf("dna %s: %lld params, %lld flops, hash %s\n", dna, (long long)nas_candidate_params(candidate),
         (long long)nas_candidate_flops(candidate), nas_candidate_hash(candidate));
  if (nas_candidate_params(candidate) <= 0)
    return fail("a candidate without parameters");
  nas_candidate_free(candidate);
  nas_free_string(dna);

  if (nas_materialize(space, "{\"no.such\": 1}", &error))
    return fail("a foreign DNA was accepted");
  if (strstr(error, "no decision named 'no.such'") == NULL)
    return fail(error);
  printf("bad dna: %s\n", error);
  nas_free_string(error);
  nas_space_free(space);

  if (nas_space_from_text("bad.nas", "model m(x: f32[N, 8]) -> f32[N, 4] { return dense2(x, 4) }", &error))
    return fail("a bad space compiled");
  printf("bad space: %s", error);
  nas_free_string(error);
  return 0;
}
