/*===- nas.h - The C API of nasc ---------------------------------*- C -*-===*
 *
 * Compile a .nas search space, read its size and decisions, draw DNA, and
 * materialize a DNA into a candidate network with its cost, from C (C99) or
 * any language with a C foreign-function interface.
 *
 * Conventions: functions that can fail return NULL and, when `error` is not
 * NULL, set *error to a message the caller frees with nas_free_string.
 * Strings returned as `char *` are the caller's (nas_free_string); strings
 * returned as `const char *` belong to the object they came from. Objects are
 * not thread-safe; separate spaces may be used on separate threads.
 *
 *===----------------------------------------------------------------------===*/
#ifndef NAS_C_NAS_H
#define NAS_C_NAS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nas_space nas_space;
typedef struct nas_candidate nas_candidate;

/* Compiles a file or text; on errors returns NULL and sets *error to the
 * diagnostics, one "file:line:col: error: message" per line. */
nas_space *nas_space_from_file(const char *path, char **error);
nas_space *nas_space_from_text(const char *name, const char *text, char **error);
void nas_space_free(nas_space *space);

const char *nas_space_model(const nas_space *space);
/* The number of candidates in decimal, or "infinite". */
char *nas_space_size(const nas_space *space);
/* The decision tree, one decision a line. */
char *nas_space_describe(const nas_space *space);
/* A random DNA as JSON; the same seed gives the same DNA everywhere. */
char *nas_space_sample(const nas_space *space, uint64_t seed);

/* Materializes the DNA (JSON); NULL and *error when it does not fit. */
nas_candidate *nas_materialize(const nas_space *space, const char *dna_json, char **error);
void nas_candidate_free(nas_candidate *candidate);
int64_t nas_candidate_params(const nas_candidate *candidate);
int64_t nas_candidate_flops(const nas_candidate *candidate);
/* Equal for equal networks. */
const char *nas_candidate_hash(const nas_candidate *candidate);
/* The network as MLIR. */
char *nas_candidate_mlir(const nas_candidate *candidate);

void nas_free_string(char *text);

#ifdef __cplusplus
}
#endif

#endif /* NAS_C_NAS_H */
