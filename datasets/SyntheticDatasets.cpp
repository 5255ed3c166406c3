// The synthetic families of ALGORITHM.md §8.1 and their spec strings. See SyntheticDatasets.h for
// how each family defines m > 1 queries.
#include "SyntheticDatasets.h"

#include "DatasetError.h"
#include "core/Rng.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace ada {

namespace {

constexpr std::string_view kPrefix = "synthetic:";
constexpr std::array<SyntheticFamily, 4> kFamilies
    = {SyntheticFamily::Sanity, SyntheticFamily::Noisy, SyntheticFamily::RandomMu,
       SyntheticFamily::HighVariance};
// The generators index with Eigen::Index, but other parts of the program use int counts, and a
// head this size is already far beyond an interactive tool; both limits keep allocation bounded.
constexpr std::uint64_t kMaxElements = std::uint64_t{1} << 31;
constexpr std::uint64_t kMaxBytes = std::uint64_t{16} << 30;

std::string acceptedFamilies()
{
    std::string out;
    for (auto f : kFamilies) {
        if (!out.empty())
            out += ", ";
        out += toString(f);
    }
    return out;
}

std::string gib(double bytes)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f GiB", bytes / double(std::uint64_t{1} << 30));
    return buf;
}

// Checks a spec whether it came from text or was built in code, so generateSynthetic never
// allocates something absurd. `label` is what the message starts with.
void checkSpec(const SyntheticSpec& spec, const std::string& label)
{
    auto fail = [&](const std::string& what) { throw DatasetError(label + ": " + what); };
    if (spec.n < 2)
        fail("n must be at least 2, got " + std::to_string(spec.n));
    if (spec.d < 1)
        fail("d must be at least 1, got " + std::to_string(spec.d));
    if (spec.m < 1)
        fail("m must be at least 1, got " + std::to_string(spec.m));
    if (spec.family == SyntheticFamily::HighVariance && (spec.peaks < 0 || spec.peaks > spec.d))
        fail("peaks must be between 0 and d = " + std::to_string(spec.d) + ", got "
             + std::to_string(spec.peaks));
    if (spec.family == SyntheticFamily::LlmLike)
        checkLlmLike(spec.llm, spec.n, spec.d, label);
    const auto n = static_cast<std::uint64_t>(spec.n);
    const auto d = static_cast<std::uint64_t>(spec.d);
    const auto m = static_cast<std::uint64_t>(spec.m);
    const std::uint64_t headElements = n * d; // both factors < 2^31: no overflow
    const std::uint64_t queryElements = m * d;
    const double bytes = 4.0 * (double(headElements) + double(queryElements));
    if (headElements > kMaxElements || queryElements > kMaxElements || bytes > double(kMaxBytes)) {
        const bool head = headElements >= queryElements;
        fail(std::string(head ? "n·d" : "m·d") + " = " + std::to_string(head ? headElements : queryElements)
             + " elements (" + gib(bytes) + " in float32 with the queries) is more than the limit of 2^31 "
             + "elements and 16 GiB");
    }
}

// Parses the whole of `value` as an integer of type T, or throws naming the key.
template <typename T>
T parseInteger(std::string_view key, std::string_view value, const std::string& label)
{
    T out{};
    const auto* first = value.data();
    const auto* last = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(first, last, out);
    if (ec == std::errc::result_out_of_range)
        throw DatasetError(label + ": the value of " + std::string(key) + " ('" + std::string(value)
                           + "') is out of range");
    if (value.empty() || ec != std::errc{} || ptr != last)
        throw DatasetError(label + ": the value of " + std::string(key) + " ('" + std::string(value)
                           + "') is not an integer");
    return out;
}

// A rounded float, used where later arithmetic must see exactly the stored value.
double asStored(double v)
{
    return static_cast<double>(static_cast<float>(v));
}

Dataset generateSanity(const SyntheticSpec& s, Rng& rng)
{
    const double d = s.d;
    const double sd = 1.0 / (std::sqrt(10.0) * d);
    Dataset out;
    out.head.weight.resize(s.n, s.d);
    for (Eigen::Index i = 0; i < s.n; ++i)
        for (Eigen::Index j = 0; j < s.d; ++j)
            out.head.weight(i, j) = static_cast<float>((i == 0 ? 1.0 / d : 0.0) + sd * rng.normal());
    out.queries = RowMatrixF::Ones(s.m, s.d);
    out.noiseBound = 0.1; // a pull d·A_ij·x_j has variance d²·sd² = 1/10
    out.description = "Sanity (toy Gaussian): arm 0 has mean 1, the others 0; pull variance 0.1.";
    return out;
}

Dataset generateNoisy(const SyntheticSpec& s, Rng& rng)
{
    const double sd = 1.0 / s.d;
    Dataset out;
    out.head.weight.resize(s.n, s.d);
    for (Eigen::Index i = 0; i < s.n; ++i)
        for (Eigen::Index j = 0; j < s.d; ++j)
            out.head.weight(i, j) = static_cast<float>(sd * rng.normal());
    out.queries.resize(s.m, s.d);
    for (Eigen::Index q = 0; q < s.m; ++q) {
        const Eigen::Index planted = q % s.n;
        for (Eigen::Index j = 0; j < s.d; ++j) {
            const float a = out.head.weight(planted, j);
            // numpy's sign: 0 stays 0 (a normal draw is never exactly 0 in practice).
            out.queries(q, j) = a > 0.0f ? 1.0f : (a < 0.0f ? -1.0f : 0.0f);
        }
    }
    out.noiseBound = 1.0; // a pull d·A_ij·x_j ~ N(0, 1) for every arm but the planted one
    out.description = "Noisy (regular Gaussian): A ~ N(0, 1/d²), x = sign of the planted row; "
                      "pull variance 1.";
    return out;
}

Dataset generateRandomMu(const SyntheticSpec& s, Rng& rng)
{
    std::vector<double> mu(static_cast<std::size_t>(s.n));
    for (auto& v : mu)
        v = rng.uniform(0.0, 10.0);
    // x0 is rounded to float first: it is stored as query 0, and A x0 = μ must hold for the
    // stored query, not for a double that nobody sees.
    std::vector<double> x0(static_cast<std::size_t>(s.d));
    double norm2 = 0.0, sum = 0.0;
    for (auto& v : x0) {
        v = asStored(rng.uniform(0.94, 1.0));
        norm2 += v * v;
        sum += v;
    }
    const double sd = 1.0 / s.d;
    Dataset out;
    out.head.weight.resize(s.n, s.d);
    // One row at a time in double: the correction of row i only needs row i, so no n×d double
    // copy is ever held.
    std::vector<double> row(static_cast<std::size_t>(s.d));
    for (Eigen::Index i = 0; i < s.n; ++i) {
        const double scale = mu[static_cast<std::size_t>(i)] / norm2;
        double dot = 0.0;
        for (std::size_t j = 0; j < row.size(); ++j) {
            row[j] = scale * x0[j] + sd * rng.normal();
            dot += row[j] * x0[j];
        }
        const double shift = (dot - mu[static_cast<std::size_t>(i)]) / sum;
        for (std::size_t j = 0; j < row.size(); ++j)
            out.head.weight(i, static_cast<Eigen::Index>(j)) = static_cast<float>(row[j] - shift);
    }
    out.queries.resize(s.m, s.d);
    for (Eigen::Index j = 0; j < s.d; ++j)
        out.queries(0, j) = static_cast<float>(x0[static_cast<std::size_t>(j)]);
    for (Eigen::Index q = 1; q < s.m; ++q)
        for (Eigen::Index j = 0; j < s.d; ++j)
            out.queries(q, j) = static_cast<float>(rng.uniform(0.94, 1.0));
    out.description = "Random-mu: arm means mu ~ Unif(0, 10) planted exactly along x0 ~ Unif(0.94, 1).";
    return out;
}

Dataset generateHighVariance(const SyntheticSpec& s, Rng& rng)
{
    Dataset out;
    out.head.weight.resize(s.n, s.d);
    for (Eigen::Index i = 0; i < s.n; ++i)
        for (Eigen::Index j = 0; j < s.d; ++j)
            out.head.weight(i, j) = static_cast<float>(rng.normal());
    for (Eigen::Index i = 0; i < s.n; ++i)
        for (Eigen::Index j = 0; j < s.peaks; ++j)
            out.head.weight(i, j) = static_cast<float>(10.0 * rng.rademacher());
    out.queries = RowMatrixF::Ones(s.m, s.d);
    out.queries.leftCols(s.peaks).setConstant(10.0f);
    out.description = "High-variance: A ~ N(0, 1) with " + std::to_string(s.peaks)
        + " spiky columns (10·Rademacher, query 10); importance sampling wins.";
    return out;
}

} // namespace

std::string_view toString(SyntheticFamily family)
{
    switch (family) {
    case SyntheticFamily::Sanity: return "sanity";
    case SyntheticFamily::Noisy: return "noisy";
    case SyntheticFamily::RandomMu: return "random-mu";
    case SyntheticFamily::HighVariance: return "high-variance";
    case SyntheticFamily::LlmLike: return "llm-like";
    }
    return "unknown";
}

SyntheticSpec parseSyntheticSpec(std::string_view text)
{
    const std::string label(text);
    if (!text.starts_with(kPrefix))
        throw DatasetError("'" + label
                           + "': a synthetic dataset must start with 'synthetic:', e.g. "
                             "synthetic:noisy?n=100&d=1000");
    text.remove_prefix(kPrefix.size());
    const auto question = text.find('?');
    const std::string_view familyName = text.substr(0, question);
    std::string_view params
        = question == std::string_view::npos ? std::string_view{} : text.substr(question + 1);

    SyntheticSpec spec;
    bool known = false;
    for (auto f : kFamilies)
        if (toString(f) == familyName) {
            spec.family = f;
            known = true;
        }
    // llm-like is not one of the paper's families (kFamilies): it is listed after them, and its
    // defaults are an LLM head's rather than the toy sizes.
    if (familyName == toString(SyntheticFamily::LlmLike)) {
        spec.family = SyntheticFamily::LlmLike;
        spec.n = kLlmLikeDefaultArms;
        spec.d = kLlmLikeDefaultDim;
        spec.m = kLlmLikeDefaultQueries;
        known = true;
    }
    if (!known)
        throw DatasetError(label + ": unknown family '" + std::string(familyName)
                           + "' (accepted: " + acceptedFamilies() + ") or llm-like");

    const bool hasPeaks = spec.family == SyntheticFamily::HighVariance;
    const bool llmLike = spec.family == SyntheticFamily::LlmLike;
    const std::string acceptedKeys = hasPeaks ? "n, d, m, seed, peaks"
        : llmLike                             ? "n, d, m, seed, " + llmLikeKeys()
                                              : "n, d, m, seed";
    std::vector<std::string> seen;
    while (!params.empty()) {
        const auto amp = params.find('&');
        const std::string_view item = params.substr(0, amp);
        params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
        if (item.empty())
            continue; // "a=1&&b=2" or a trailing '&' are harmless
        const auto eq = item.find('=');
        if (eq == std::string_view::npos)
            throw DatasetError(label + ": expected key=value, got '" + std::string(item) + "'");
        const std::string_view key = item.substr(0, eq);
        const std::string_view value = item.substr(eq + 1);
        for (const auto& k : seen)
            if (k == key)
                throw DatasetError(label + ": the key '" + k + "' is given twice");
        seen.emplace_back(key);
        if (key == "n")
            spec.n = parseInteger<int>(key, value, label);
        else if (key == "d")
            spec.d = parseInteger<int>(key, value, label);
        else if (key == "m")
            spec.m = parseInteger<int>(key, value, label);
        else if (key == "seed")
            spec.seed = parseInteger<std::uint64_t>(key, value, label);
        else if (key == "peaks" && hasPeaks)
            spec.peaks = parseInteger<int>(key, value, label);
        else if (llmLike && setLlmLikeParameter(spec.llm, key, value, label))
            continue;
        else
            throw DatasetError(label + ": unknown key '" + std::string(key) + "' for family "
                               + std::string(familyName) + " (accepted: " + acceptedKeys + ")");
    }
    checkSpec(spec, label);
    return spec;
}

std::string formatSyntheticSpec(const SyntheticSpec& spec)
{
    std::string out = std::string(kPrefix) + std::string(toString(spec.family))
        + "?n=" + std::to_string(spec.n) + "&d=" + std::to_string(spec.d) + "&m=" + std::to_string(spec.m)
        + "&seed=" + std::to_string(spec.seed);
    if (spec.family == SyntheticFamily::HighVariance)
        out += "&peaks=" + std::to_string(spec.peaks);
    if (spec.family == SyntheticFamily::LlmLike)
        out += formatLlmLikeParameters(spec.llm); // only the keys that differ from the defaults
    return out;
}

Dataset generateSynthetic(const SyntheticSpec& spec)
{
    const std::string name = formatSyntheticSpec(spec);
    checkSpec(spec, name);
    Rng rng(spec.seed);
    Dataset out;
    switch (spec.family) {
    case SyntheticFamily::Sanity: out = generateSanity(spec, rng); break;
    case SyntheticFamily::Noisy: out = generateNoisy(spec, rng); break;
    case SyntheticFamily::RandomMu: out = generateRandomMu(spec, rng); break;
    case SyntheticFamily::HighVariance: out = generateHighVariance(spec, rng); break;
    case SyntheticFamily::LlmLike:
        out = generateLlmLike(spec.llm, spec.n, spec.d, spec.m, spec.seed, name);
        break;
    }
    out.head.temperature = 1.0;
    out.name = name;
    out.model = "synthetic";
    out.source = "ada::Rng, seed " + std::to_string(spec.seed);
    return out;
}

} // namespace ada
