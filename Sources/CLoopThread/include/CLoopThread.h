#ifndef INTERLEAVE_C_LOOP_THREAD_H
#define INTERLEAVE_C_LOOP_THREAD_H

/// The loop the calling thread is stepping, unretained (see `CurrentLoop` in Interleave).
///
/// A C thread-local because Swift has none: read through `pthread_getspecific`, with the
/// one-time check of its key, it cost about 25 instructions a read and a spawned task reads it
/// several times. Linked into an executable, a read here is one load relative to the thread
/// pointer.
extern __thread void *_Nullable interleave_bound_loop;

static inline void *_Nullable interleave_bound_loop_get(void) { return interleave_bound_loop; }

static inline void interleave_bound_loop_set(void *_Nullable loop) { interleave_bound_loop = loop; }

#endif
