// `synthetic:llm-like`: a generated stand-in for a real LLM output head (ALGORITHM.md §10.1), for
// sizes and structure the paper's toy families (§8.1) do not have. docs/llm-like.md has the
// calibration against the paper's LLM tables; the model in short (all logits in nats, β = 1):
//
//   Tokens. Row i is the token of frequency rank i (Zipf): log-frequency ℓ_i = −zipf·log(i + 1).
//   Head.   W_i = s_i·(√(1−shared)·u_i + √shared·L g_i/√rank) on the "bulk" dimensions, with
//           u_i ~ N(0, I/d), L a d×rank Gaussian basis shared by all rows (related tokens point the
//           same way), g_i ~ N(0, I), and a row norm s_i that grows mildly with frequency.
//           At the `outliers` massive-activation dimensions the columns are tiny and encode a
//           frequency offset b_i = bias·(ℓ_i − mean ℓ): frequent tokens get higher logits.
//   Query.  h = Σ_t c_t·v_t + ξ on the bulk dimensions: `topics` candidate rows k_t are drawn by
//           frequency, v_t is a unit vector with cosine `align` to row k_t (exactly the row when
//           tied=1), c_t puts row k_t's logit at g_t (g_1 = top ± 20%, then Exp(gap) steps down),
//           and ξ is isotropic noise whose logits have standard deviation `spread` over the
//           vocabulary. The outlier dimensions of h are the same for every query (sign and about
//           `outlier-scale`× the bulk RMS, ±10%), like the massive activations of GPT-2/LLaMA.
//           tied=1 also adds a context: 16 frequent-token rows with N(0, spread²) weights, as the
//           hidden state of a tied-embedding model keeps traces of its input tokens.
//
// Everything is drawn from ada::Rng streams derived from the seed: one for the global draws, one
// per block of rows, one per query, so the bits never depend on the thread count. No bias vector,
// no vocabulary, no noise bound (the algorithm uses its data-driven proxy, §3.4).
#pragma once

#include "core/Head.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace ada {

// The largest real head of the paper is Gemma-7B's (256 000 × 3072); Llama/Mistral have d = 4096.
inline constexpr int kLlmLikeMaxArms = 256000;
inline constexpr int kLlmLikeMaxDim = 4096;
// The defaults a bare `synthetic:llm-like` gets: GPT-2's head and the paper's ≈ 1000 queries.
inline constexpr int kLlmLikeDefaultArms = 50257;
inline constexpr int kLlmLikeDefaultDim = 768;
inline constexpr int kLlmLikeDefaultQueries = 1000;

// Family-specific spec parameters (spec key in quotes). The defaults are the calibrated ones.
struct LlmLikeParams {
    int outliers = 6;           // "outliers": massive-activation dimensions, fixed across queries
    double outlierScale = 25.0; // "outlier-scale": their |h_j| over the RMS of the other dimensions
    int topics = 4;             // "topics": strong candidates per query
    double top = 14.0;          // "top": logit of the first candidate above the background mean
    double gap = 1.5;           // "gap": mean logit step between successive candidates
    double spread = 2.5;        // "spread": standard deviation of the background logits
    double zipf = 1.0;          // "zipf": exponent of the token-frequency law
    double bias = 0.4;          // "bias": logit offset per unit of log-frequency
    int rank = 16;              // "rank": dimension of the component shared by all rows
    double shared = 0.3;        // "shared": its share of a row's squared norm
    double align = 0.8;         // "align": cosine between a candidate's row and its query direction
    bool tied = false;          // "tied": queries built from the rows themselves (0 or 1)

    bool operator==(const LlmLikeParams&) const = default;
};

// "outliers, outlier-scale, …" in spec order, for error messages.
[[nodiscard]] std::string llmLikeKeys();
// Sets `key` from `value`; returns false when `key` is not an llm-like key. Throws DatasetError
// starting with `label` for a value that does not parse or is out of range.
bool setLlmLikeParameter(LlmLikeParams& params, std::string_view key, std::string_view value,
                         const std::string& label);
// "&key=value" for every parameter that differs from its default (in llmLikeKeys() order).
[[nodiscard]] std::string formatLlmLikeParameters(const LlmLikeParams& params);
// Throws DatasetError starting with `label` for an out-of-range parameter or shape (n ≤ 256 000,
// d ≤ 4096, outliers < d, topics ≤ n, rank ≤ d), also for hand-built parameters.
void checkLlmLike(const LlmLikeParams& params, int n, int d, const std::string& label);
// The float32 bytes a generated dataset holds (head and queries).
[[nodiscard]] std::uint64_t llmLikeBytes(int n, int d, int m);

// Generates the head (n × d) and m queries; throws DatasetError (starting with `label`) from
// checkLlmLike, or when maxBytes > 0 and llmLikeBytes(n, d, m) exceeds it. Deterministic in seed
// whatever the number of threads (`threads` ≤ 0: the hardware's, at most 8).
[[nodiscard]] Dataset generateLlmLike(const LlmLikeParams& params, int n, int d, int m, std::uint64_t seed,
                                      const std::string& label, std::uint64_t maxBytes = 0, int threads = 0);

} // namespace ada
