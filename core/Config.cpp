#include "Config.h"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace ada {

namespace {

constexpr std::array<std::pair<Sampler, std::string_view>, 6> kSamplerNames{{
    {Sampler::UniformWithReplacement, "uniform-wr"},
    {Sampler::UniformWithoutReplacement, "uniform-wor"},
    {Sampler::UniformWithoutReplacementFpc, "uniform-wor-fpc"},
    {Sampler::ImportanceWithReplacement, "is-wr"},
    {Sampler::ImportanceWithoutReplacement, "is-wor-ht"},
    {Sampler::ImportanceWithoutReplacementDesRaj, "is-wor-dr"},
}};
constexpr std::array<std::pair<ImportanceWeights, std::string_view>, 4> kWeightNames{{
    {ImportanceWeights::None, "none"},
    {ImportanceWeights::Head, "head"},
    {ImportanceWeights::Query, "query"},
    {ImportanceWeights::Both, "both"},
}};
constexpr std::array<std::pair<Preset, std::string_view>, 3> kPresetNames{{
    {Preset::Paper, "paper"},
    {Preset::Theory, "theory"},
    {Preset::Reference, "reference"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value)
{
    for (const auto& [e, name] : table)
        if (e == value)
            return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
Enum parseName(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view text,
               std::string_view what)
{
    std::string accepted;
    for (const auto& [e, name] : table) {
        if (name == text)
            return e;
        accepted += (accepted.empty() ? "" : ", ") + std::string(name);
    }
    throw std::invalid_argument("unknown " + std::string(what) + " '" + std::string(text)
                                + "' (accepted: " + accepted + ")");
}

void requireInOpenUnitInterval(double value, const char* name)
{
    if (!(value > 0.0 && value < 1.0))
        throw std::invalid_argument(std::string(name) + " must lie strictly between 0 and 1, got "
                                    + std::to_string(value));
}

} // namespace

std::string_view toString(Sampler sampler)
{
    return nameOf(kSamplerNames, sampler);
}
std::string_view toString(ImportanceWeights weights)
{
    return nameOf(kWeightNames, weights);
}
std::string_view toString(Preset preset)
{
    return nameOf(kPresetNames, preset);
}
Sampler parseSampler(std::string_view text)
{
    return parseName(kSamplerNames, text, "sampler");
}
ImportanceWeights parseImportanceWeights(std::string_view text)
{
    return parseName(kWeightNames, text, "importance weighting");
}
Preset parsePreset(std::string_view text)
{
    return parseName(kPresetNames, text, "preset");
}

Config Config::forPreset(Preset preset, const Config& base)
{
    Config c = base;
    c.preset = preset;
    c.hadamard = false;
    switch (preset) {
    case Preset::Paper:
    case Preset::Reference:
        // §6.3 "real-data" configuration: atom and query IS on, exact winner, c_init = 0.1.
        c.sampler = Sampler::ImportanceWithoutReplacement;
        c.weights = ImportanceWeights::Both;
        c.exactWinner = true;
        c.warmupCap = 0.1;
        break;
    case Preset::Theory:
        // §6.3 "true/theory" configuration: no IS, sampled winner, c_init = 1, known noise bound.
        c.sampler = Sampler::UniformWithoutReplacement;
        c.weights = ImportanceWeights::None;
        c.exactWinner = false;
        c.warmupCap = 1.0;
        break;
    }
    return c;
}

Config Config::forPreset(Preset preset)
{
    return forPreset(preset, Config{});
}

void Config::validate() const
{
    if (!std::isfinite(epsilon))
        throw std::invalid_argument("epsilon must be a finite number");
    requireInOpenUnitInterval(epsilon, "epsilon");
    if (!std::isfinite(delta))
        throw std::invalid_argument("delta must be a finite number");
    requireInOpenUnitInterval(delta, "delta");
    if (k < 1)
        throw std::invalid_argument("k must be at least 1, got " + std::to_string(k));
    if (temperature && !(std::isfinite(*temperature) && *temperature > 0.0))
        throw std::invalid_argument("the temperature must be a positive finite number");
    if (!(std::isfinite(warmupCap) && warmupCap > 0.0 && warmupCap <= 1.0))
        throw std::invalid_argument("the warm-up cap c_init must lie in (0, 1], got "
                                    + std::to_string(warmupCap));
    if (noiseBound && !(std::isfinite(*noiseBound) && *noiseBound > 0.0))
        throw std::invalid_argument("the noise bound must be a positive finite number");
    for (double f : {fudge.bestArms, fudge.logNorm})
        if (!(std::isfinite(f) && f > 0.0))
            throw std::invalid_argument("fudge factors must be positive finite numbers, got "
                                        + std::to_string(f));
    if (importanceSampling() && weights == ImportanceWeights::None)
        throw std::invalid_argument(std::string("the sampler '") + std::string(toString(sampler))
                                    + "' needs importance weights (head, query or both), not 'none'");
}

} // namespace ada
