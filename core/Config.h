// Parameters of one AdaptiveSoftmax run, with presets (ALGORITHM.md §6.3, §13) and validation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ada {

// How the columns of A are sampled for every arm, and which estimator turns a prefix into μ̂ and a
// variance (ALGORITHM.md §3.3). Names match the CLI and CSV spellings.
enum class Sampler {
    UniformWithReplacement,    // "uniform-wr": J_s i.i.d. uniform; v = σ̂²/t (the paper's model)
    UniformWithoutReplacement, // "uniform-wor": prefix of a uniform permutation; v = σ̂²/t (conservative)
    UniformWithoutReplacementFpc,       // "uniform-wor-fpc": the same with the finite-population correction
    ImportanceWithReplacement,          // "is-wr": J_s i.i.d. ∝ w; empirical variance of f/q
    ImportanceWithoutReplacement,       // "is-wor-ht": Gumbel-top-k prefix, threshold Horvitz–Thompson
    ImportanceWithoutReplacementDesRaj, // "is-wor-dr": the same prefix, Des Raj's ordered estimator
};

// Every sampler, in the order the CLI, the studio and the tests list them.
inline constexpr std::array<Sampler, 6> kAllSamplers{
    Sampler::UniformWithReplacement,       Sampler::UniformWithoutReplacement,
    Sampler::UniformWithoutReplacementFpc, Sampler::ImportanceWithReplacement,
    Sampler::ImportanceWithoutReplacement, Sampler::ImportanceWithoutReplacementDesRaj};

// Where importance weights come from (§3.1): column L1 norms of A, |x_j|, their product, or none.
enum class ImportanceWeights { None, Head, Query, Both };

enum class Preset {
    Paper,     // §6.3 real-data configuration with our §12 fixes (the default)
    Theory,    // §6.3 theory configuration with our §12 fixes
    Reference, // the reference implementation's behaviour, its §12 bugs included where they change results
};

struct FudgeFactors {
    double bestArms = 1.0; // φ_b (§7)
    double logNorm = 1.0;  // φ_ℓ (§7)
};

struct Config {
    double epsilon = 0.3;              // multiplicative accuracy of p̂ (§1.1)
    double delta = 0.1;                // failure probability (§1.1)
    int k = 1;                         // top-k size
    std::optional<double> temperature; // β override; unset uses the head's own temperature
    Preset preset = Preset::Paper;
    Sampler sampler = Sampler::ImportanceWithoutReplacement;
    ImportanceWeights weights = ImportanceWeights::Both;
    bool exactWinner = true;          // §6.1 step 5: compute the top-k logits exactly (D pulls each)
    bool hadamard = false;            // §3.6 randomised Hadamard transform
    double warmupCap = 0.1;           // c_init: the warm-up pulls at most ⌊c_init·D⌋ columns (§5.2)
    std::optional<double> noiseBound; // known per-pull variance σ²; unset: the data-driven proxy (§3.4)
    FudgeFactors fudge;
    std::uint64_t seed = 42;

    // The preset's full configuration (sampler, weights, exact winner, warm-up cap), keeping ε, δ,
    // k, β, noise bound, fudge and seed of `base`.
    [[nodiscard]] static Config forPreset(Preset preset, const Config& base);
    [[nodiscard]] static Config forPreset(Preset preset);

    // Throws std::invalid_argument naming the offending parameter and its allowed range.
    void validate() const;

    // Helpers derived from the preset (§12 fixes are on unless preset == Reference).
    [[nodiscard]] bool referenceQuirks() const { return preset == Preset::Reference; }
    [[nodiscard]] bool importanceSampling() const
    {
        return sampler == Sampler::ImportanceWithReplacement
            || sampler == Sampler::ImportanceWithoutReplacement
            || sampler == Sampler::ImportanceWithoutReplacementDesRaj;
    }
    // The samplers whose column order is the Gumbel-top-k prefix (§3.2).
    [[nodiscard]] bool gumbelOrder() const
    {
        return sampler == Sampler::ImportanceWithoutReplacement
            || sampler == Sampler::ImportanceWithoutReplacementDesRaj;
    }
};

[[nodiscard]] std::string_view toString(Sampler sampler);
[[nodiscard]] std::string_view toString(ImportanceWeights weights);
[[nodiscard]] std::string_view toString(Preset preset);
// Parse the CLI spellings; throw std::invalid_argument listing the accepted names.
[[nodiscard]] Sampler parseSampler(std::string_view text);
[[nodiscard]] ImportanceWeights parseImportanceWeights(std::string_view text);
[[nodiscard]] Preset parsePreset(std::string_view text);

} // namespace ada
