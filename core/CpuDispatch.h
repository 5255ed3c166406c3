// Runtime choice between an AVX2 and a baseline build of a hot loop.
#pragma once

// GCC and clang emit an AVX2 and a baseline version of a function marked ADA_AVX2_CLONES and pick
// one per CPU at load time (an ifunc). Neither uses FMA: ISO C++ mode does not contract a·b + c, so
// both versions round every operation alike and give the same bits. Sanitizer and fuzzing builds use
// the baseline only: ifunc resolvers run before the sanitizer runtime is ready.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__)                               \
    && !defined(__SANITIZE_THREAD__)
#if defined(__has_feature)
#if !__has_feature(address_sanitizer) && !__has_feature(thread_sanitizer)
#define ADA_AVX2_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#else
#define ADA_AVX2_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef ADA_AVX2_CLONES
#define ADA_AVX2_CLONES
#endif
