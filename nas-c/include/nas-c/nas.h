// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
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

#include "nas/Compiler/Export.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this API: the major version in the bits above the lowest
 * 16, the minor version in those. Within a major version, functions may be
 * added but none is removed or changed; a new major version breaks callers.
 * Major 0: no promise yet. */
#define NAS_API_VERSION_MAJOR 0
#define NAS_API_VERSION_MINOR 1
#define NAS_API_VERSION ((NAS_API_VERSION_MAJOR << 16) | NAS_API_VERSION_MINOR)

/* The version of the library loaded, to compare with NAS_API_VERSION (the
 * version of this header): a caller needs the same major version and at
 * least its minor version. */
NAS_API int nas_api_version(void);

typedef struct nas_space nas_space;
typedef struct nas_candidate nas_candidate;

/* Compiles a file or text; on errors returns NULL and sets *error to the
 * diagnostics, one "file:line:col: error: message" per line. */
NAS_API nas_space *nas_space_from_file(const char *path, char **error);
NAS_API nas_space *nas_space_from_text(const char *name, const char *text, char **error);
NAS_API void nas_space_free(nas_space *space);

NAS_API const char *nas_space_model(const nas_space *space);
/* The number of candidates in decimal, or "infinite". */
NAS_API char *nas_space_size(const nas_space *space);
/* The decision tree, one decision a line. */
NAS_API char *nas_space_describe(const nas_space *space);
/* A random DNA as JSON; the same seed gives the same DNA everywhere. */
NAS_API char *nas_space_sample(const nas_space *space, uint64_t seed);

/* Materializes the DNA (JSON); NULL and *error when it does not fit. */
NAS_API nas_candidate *nas_materialize(const nas_space *space, const char *dna_json, char **error);
NAS_API void nas_candidate_free(nas_candidate *candidate);
NAS_API int64_t nas_candidate_params(const nas_candidate *candidate);
NAS_API int64_t nas_candidate_flops(const nas_candidate *candidate);
/* Equal for equal networks. */
NAS_API const char *nas_candidate_hash(const nas_candidate *candidate);
/* The network as MLIR. */
NAS_API char *nas_candidate_mlir(const nas_candidate *candidate);

NAS_API void nas_free_string(char *text);

#ifdef __cplusplus
}
#endif

#endif /* NAS_C_NAS_H */
