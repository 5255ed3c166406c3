// The paper's four synthetic families (ALGORITHM.md §8.1), generated from our portable Rng, and
// the `synthetic:FAMILY?n=…&d=…&m=…&seed=…` spec that names them.
//
// Every family has β = 1 and no bias; A is generated in double and stored as float32. The paper
// defines one query per instance; m > 1 queries are defined here so that one head can be reused:
//   sanity         A = 0, A(0,:) = 1/d, A += N(0, (1/(√10·d))²); every query is x = 1_d (the
//                  family has one query, so repeated queries differ only by the algorithm's seed).
//   noisy          A_ij ~ N(0, (1/d)²); query q is x = sign(A(q mod n, :)): the planted arm
//                  rotates, and query 0 is exactly the paper's.
//   random-mu      μ ~ Unif(0,10)^n, x0 ~ Unif(0.94,1)^d, Z ~ N(0,(1/d)²)^{n×d} (drawn in that
//                  order, row-major), A = μx0ᵀ/‖x0‖² + Z, then A ← A − (Ax0 − μ)(1ᵀ/Σx0) so that
//                  Ax0 = μ. Query 0 is x0; queries 1… are fresh draws of Unif(0.94,1)^d.
//   high-variance  A ~ N(0,1)^{n×d}; then the first `peaks` columns become 10·Rademacher (drawn
//                  row-major); x = 1 except x_{0..peaks−1} = 10; all queries are equal.
//   llm-like       not from the paper: an LLM-shaped head calibrated to the paper's LLM tables, with
//                  its own keys and defaults (LlmLikeSynthetic.h, docs/llm-like.md).
// All draws come from one ada::Rng seeded with spec.seed, so a spec names its data exactly on every
// platform (we do not reproduce NumPy's streams, only the distributions).
#pragma once

#include "LlmLikeSynthetic.h"
#include "core/Head.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace ada {

enum class SyntheticFamily { Sanity, Noisy, RandomMu, HighVariance, LlmLike };

struct SyntheticSpec {
    SyntheticFamily family = SyntheticFamily::Noisy;
    int n = 100;
    int d = 1000;
    int m = 1;              // number of queries
    std::uint64_t seed = 0; // the data's seed
    int peaks = 2;          // high-variance: number of spiky columns
    LlmLikeParams llm;      // llm-like: its own parameters
};

[[nodiscard]] std::string_view toString(SyntheticFamily family);
// Parses "synthetic:noisy?n=100&d=1000&m=5&seed=3" (parameters optional, any order). A bare
// llm-like spec starts from n = 50257, d = 768, m = 1000 (GPT-2's head, the paper's query count).
// Throws DatasetError naming the bad part and the accepted values.
[[nodiscard]] SyntheticSpec parseSyntheticSpec(std::string_view text);
[[nodiscard]] std::string formatSyntheticSpec(const SyntheticSpec& spec);

// Generates the head (β = 1, no bias), m queries, and the family's known noise bound
// (sanity 0.1, noisy 1; none for the others). Deterministic in spec.seed.
[[nodiscard]] Dataset generateSynthetic(const SyntheticSpec& spec);

} // namespace ada
