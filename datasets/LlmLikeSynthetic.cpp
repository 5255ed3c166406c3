// The llm-like synthetic family: see LlmLikeSynthetic.h for the model and docs/llm-like.md for its
// calibration against the paper's LLM heads.
#include "LlmLikeSynthetic.h"

#include "DatasetError.h"
#include "core/Rng.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <thread>
#include <variant>
#include <vector>

namespace ada {

namespace {

// Seed streams (deriveSeed(seed, stream)): one global, one per row block, one per query. The
// offsets keep the three families of streams apart for any n and m the bounds allow.
constexpr std::uint64_t kGlobalStream = 0x4C4C4D00ULL; // "LLM"
constexpr std::uint64_t kRowStream = 0x100000000ULL;   // + block index
constexpr std::uint64_t kQueryStream = 0x200000000ULL; // + query index
constexpr Eigen::Index kBlockRows = 1024;              // rows per stream: fixes the bits
constexpr double kNormPerLogFrequency = 0.03;          // row norm e^{0.03(ℓ − ℓ̄)}: "the" ≈ 1.35×
constexpr double kNormJitter = 0.1;                    // and a lognormal jitter on top
constexpr double kOutlierColumnJitter = 0.25;          // relative noise of the offset columns
constexpr double kOutlierQueryJitter = 0.1;            // relative noise of h at outlier dims
constexpr double kOutlierSpreadLog = 0.5;              // per-dim factor e^{Unif(−.5,.5)}
constexpr double kTopJitter = 0.2;                     // g_1 = top·(1 + 0.2·N)
constexpr int kContextRows = 16;                       // tied=1: input-context rows
constexpr int kMaxThreads = 8;

// ---- Parameters: one table drives parsing, formatting and range checks. ----

using Member = std::variant<int LlmLikeParams::*, double LlmLikeParams::*, bool LlmLikeParams::*>;

struct Key {
    std::string_view name;
    Member member;
    double lo;
    double hi;
    bool openLow; // lo itself is not allowed
};

const std::array<Key, 12> kKeys{{
    {"outliers", &LlmLikeParams::outliers, 0, 64, false},
    {"outlier-scale", &LlmLikeParams::outlierScale, 1, 1000, false},
    {"topics", &LlmLikeParams::topics, 0, 64, false},
    {"top", &LlmLikeParams::top, 0, 100, false},
    {"gap", &LlmLikeParams::gap, 0, 50, false},
    {"spread", &LlmLikeParams::spread, 0, 20, true},
    {"zipf", &LlmLikeParams::zipf, 0, 3, false},
    {"bias", &LlmLikeParams::bias, 0, 5, false},
    {"rank", &LlmLikeParams::rank, 0, 256, false},
    {"shared", &LlmLikeParams::shared, 0, 1, false},
    {"align", &LlmLikeParams::align, 0, 1, true},
    {"tied", &LlmLikeParams::tied, 0, 1, false},
}};

std::string number(double v)
{
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v); // shortest round-trip form
    return ec == std::errc{} ? std::string(buf, ptr) : std::to_string(v);
}

double valueOf(const LlmLikeParams& p, const Member& m)
{
    return std::visit([&p](auto member) { return static_cast<double>(p.*member); }, m);
}

std::string gib(double bytes)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f GiB", bytes / double(std::uint64_t{1} << 30));
    return buf;
}

// ---- Generation helpers. ----

// Inverse-CDF sampling of a token rank from the Zipf law p_i ∝ (i + 1)^{−zipf}.
class ZipfSampler {
public:
    ZipfSampler(int n, double exponent)
        : cdf_(static_cast<std::size_t>(n))
    {
        double total = 0.0;
        for (int i = 0; i < n; ++i) {
            total += std::pow(double(i) + 1.0, -exponent);
            cdf_[static_cast<std::size_t>(i)] = total;
        }
    }
    int operator()(Rng& rng) const
    {
        const double u = rng.uniform01() * cdf_.back();
        const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
        return static_cast<int>(std::min<std::ptrdiff_t>(it - cdf_.begin(), std::ssize(cdf_) - 1));
    }

private:
    std::vector<double> cdf_;
};

// Runs body(block) for every block in [0, blocks) on up to `threads` threads. Each block owns its
// rows and its seed stream, so the result does not depend on which thread runs it.
template <typename Body>
void forEachBlock(Eigen::Index blocks, int threads, const Body& body)
{
    const int workers = static_cast<int>(std::max<Eigen::Index>(1, std::min<Eigen::Index>(threads, blocks)));
    std::atomic<Eigen::Index> next{0};
    auto work = [&] {
        for (Eigen::Index b = next++; b < blocks; b = next++)
            body(b);
    };
    std::vector<std::jthread> pool;
    for (int t = 1; t < workers; ++t)
        pool.emplace_back(work);
    work();
}

} // namespace

std::string llmLikeKeys()
{
    std::string out;
    for (const Key& k : kKeys) {
        if (!out.empty())
            out += ", ";
        out += k.name;
    }
    return out;
}

bool setLlmLikeParameter(LlmLikeParams& params, std::string_view key, std::string_view value,
                         const std::string& label)
{
    const auto it = std::find_if(kKeys.begin(), kKeys.end(), [key](const Key& k) { return k.name == key; });
    if (it == kKeys.end())
        return false;
    const auto* first = value.data();
    const auto* last = value.data() + value.size();
    auto fail = [&](const char* what) {
        throw DatasetError(label + ": the value of " + std::string(key) + " ('" + std::string(value) + "') "
                           + what);
    };
    std::visit(
        [&](auto member) {
            using T = std::remove_reference_t<decltype(params.*member)>;
            if constexpr (std::is_same_v<T, double>) {
                double v = 0.0;
                const auto [ptr, ec] = std::from_chars(first, last, v);
                if (value.empty() || ec != std::errc{} || ptr != last || !std::isfinite(v))
                    fail("is not a finite number");
                params.*member = v;
            } else if constexpr (std::is_same_v<T, bool>) {
                if (value != "0" && value != "1")
                    fail("is not 0 or 1");
                params.*member = value == "1";
            } else {
                int v = 0;
                const auto [ptr, ec] = std::from_chars(first, last, v);
                if (ec == std::errc::result_out_of_range)
                    fail("is out of range");
                if (value.empty() || ec != std::errc{} || ptr != last)
                    fail("is not an integer");
                params.*member = v;
            }
        },
        it->member);
    return true;
}

std::string formatLlmLikeParameters(const LlmLikeParams& params)
{
    static const LlmLikeParams defaults;
    std::string out;
    for (const Key& k : kKeys) {
        const double v = valueOf(params, k.member);
        if (v != valueOf(defaults, k.member)) {
            out += '&'; // appends, not operator+: GCC 12 warns (-Wrestrict) on "&" + std::string
            out += k.name;
            out += '=';
            out += number(v);
        }
    }
    return out;
}

void checkLlmLike(const LlmLikeParams& params, int n, int d, const std::string& label)
{
    auto fail = [&](const std::string& what) { throw DatasetError(label + ": " + what); };
    if (n > kLlmLikeMaxArms)
        fail("n must be at most " + std::to_string(kLlmLikeMaxArms)
             + " for llm-like (Gemma-7B's vocabulary, the largest head of the paper), got "
             + std::to_string(n));
    if (d > kLlmLikeMaxDim)
        fail("d must be at most " + std::to_string(kLlmLikeMaxDim)
             + " for llm-like (the hidden size of Llama-3-8B and Mistral-7B), got " + std::to_string(d));
    for (const Key& k : kKeys) {
        const double v = valueOf(params, k.member);
        if (!(v >= k.lo && v <= k.hi) || (k.openLow && v == k.lo))
            fail(std::string(k.name) + " must be " + (k.openLow ? "in (" : "between ") + number(k.lo)
                 + (k.openLow ? ", " : " and ") + number(k.hi) + (k.openLow ? "]" : "") + ", got "
                 + number(v));
    }
    if (params.outliers >= d)
        fail("outliers must be less than d = " + std::to_string(d) + ", got "
             + std::to_string(params.outliers));
    if (params.topics > n)
        fail("topics must be at most n = " + std::to_string(n) + ", got " + std::to_string(params.topics));
    if (params.rank > d)
        fail("rank must be at most d = " + std::to_string(d) + ", got " + std::to_string(params.rank));
}

std::uint64_t llmLikeBytes(int n, int d, int m)
{
    return 4 * (std::uint64_t(std::max(n, 0)) + std::uint64_t(std::max(m, 0)))
        * std::uint64_t(std::max(d, 0));
}

Dataset generateLlmLike(const LlmLikeParams& p, int n, int d, int m, std::uint64_t seed,
                        const std::string& label, std::uint64_t maxBytes, int threads)
{
    if (n < 2 || d < 1 || m < 1)
        throw DatasetError(label + ": llm-like needs n ≥ 2, d ≥ 1 and m ≥ 1");
    checkLlmLike(p, n, d, label);
    const std::uint64_t bytes = llmLikeBytes(n, d, m);
    if (maxBytes > 0 && bytes > maxBytes)
        throw DatasetError(label + ": the head and queries need " + gib(double(bytes))
                           + " in float32, more than the limit of " + gib(double(maxBytes)));
    if (threads <= 0)
        threads = static_cast<int>(std::clamp<unsigned>(std::thread::hardware_concurrency(), 1, kMaxThreads));

    // Global draws: outlier dims, their signed magnitudes (in units of the noise's coordinate sd),
    // and the shared low-rank basis L (d × rank, row-major, N(0, 1/d)).
    Rng global(deriveSeed(seed, kGlobalStream));
    const std::vector<int> perm = global.permutation(d);
    std::vector<int> outlierDims(perm.begin(), perm.begin() + p.outliers);
    std::sort(outlierDims.begin(), outlierDims.end());
    std::vector<std::uint8_t> isOutlier(static_cast<std::size_t>(d), 0);
    for (int o : outlierDims)
        isOutlier[static_cast<std::size_t>(o)] = 1;
    std::vector<double> outlierFactor(outlierDims.size());
    for (double& f : outlierFactor) {
        const double sign = global.rademacher(); // two statements: the draws' order is fixed
        f = sign * p.outlierScale * std::exp(global.uniform(-kOutlierSpreadLog, kOutlierSpreadLog));
    }
    const int r = p.rank;
    std::vector<double> basis(static_cast<std::size_t>(d) * static_cast<std::size_t>(r));
    for (double& v : basis)
        v = global.normal() / std::sqrt(double(d));

    // Log-frequency and the offset it gives (centred: the vocabulary's mean logit stays 0).
    std::vector<double> logFreq(static_cast<std::size_t>(n));
    double meanLogFreq = 0.0;
    for (int i = 0; i < n; ++i) {
        logFreq[static_cast<std::size_t>(i)] = -p.zipf * std::log(double(i) + 1.0);
        meanLogFreq += logFreq[static_cast<std::size_t>(i)];
    }
    meanLogFreq /= n;

    // Head, one block of rows per seed stream. The outlier columns temporarily hold the row's
    // share of its offset, b_i/K·(1 + jitter); they are divided by h's outlier values once the
    // noise scale (which depends on the realised row norms) is known.
    Dataset out;
    RowMatrixF& w = out.head.weight;
    w.resize(n, d);
    std::vector<double> bulkNorm2(static_cast<std::size_t>(n));
    const double uScale = std::sqrt(1.0 - (r > 0 ? p.shared : 0.0)) / std::sqrt(double(d));
    const double gScale = r > 0 ? std::sqrt(p.shared / double(r)) : 0.0;
    const Eigen::Index blocks = (Eigen::Index(n) + kBlockRows - 1) / kBlockRows;
    forEachBlock(blocks, threads, [&](Eigen::Index b) {
        Rng rng(deriveSeed(seed, kRowStream + std::uint64_t(b)));
        std::vector<double> g(static_cast<std::size_t>(r));
        const Eigen::Index end = std::min<Eigen::Index>(n, (b + 1) * kBlockRows);
        for (Eigen::Index i = b * kBlockRows; i < end; ++i) {
            const double lf = logFreq[static_cast<std::size_t>(i)] - meanLogFreq;
            const double s = std::exp(kNormPerLogFrequency * lf + kNormJitter * rng.normal());
            for (double& v : g)
                v = rng.normal();
            double norm2 = 0.0;
            for (int j = 0; j < d; ++j) {
                const double u = rng.normal(); // drawn for every dim so the stream never depends on K
                if (isOutlier[static_cast<std::size_t>(j)])
                    continue;
                const double* lj = basis.data() + std::size_t(j) * std::size_t(r);
                double shared = 0.0;
                for (int k = 0; k < r; ++k)
                    shared += lj[k] * g[static_cast<std::size_t>(k)];
                const float v = static_cast<float>(s * (uScale * u + gScale * shared));
                w(i, j) = v;
                norm2 += double(v) * double(v);
            }
            bulkNorm2[static_cast<std::size_t>(i)] = norm2;
            for (int o : outlierDims)
                w(i, o) = static_cast<float>(p.bias * lf / double(outlierDims.size())
                                             * (1.0 + kOutlierColumnJitter * rng.normal()));
        }
    });
    double sumNorm2 = 0.0; // in row order: the same bits whatever the threads did
    for (double v : bulkNorm2)
        sumNorm2 += v;
    // Noise ξ_j ~ N(0, σ²) gives row i the logit W_i·ξ ~ N(0, σ²‖W_i‖²): σ = spread / RMS row norm.
    const double sigma = sumNorm2 > 0.0 ? p.spread / std::sqrt(sumNorm2 / n) : 0.0;
    std::vector<double> outlierValue(outlierDims.size());
    for (std::size_t k = 0; k < outlierDims.size(); ++k)
        outlierValue[k] = outlierFactor[k] * sigma;
    for (Eigen::Index i = 0; i < n; ++i)
        for (std::size_t k = 0; k < outlierDims.size(); ++k)
            w(i, outlierDims[k]) = static_cast<float>(double(w(i, outlierDims[k])) / outlierValue[k]);

    // Queries, one seed stream each.
    const ZipfSampler zipf(n, p.zipf);
    out.queries.resize(m, d);
    std::vector<int> bulkDims;
    for (int j = 0; j < d; ++j)
        if (!isOutlier[static_cast<std::size_t>(j)])
            bulkDims.push_back(j);
    forEachBlock(m, threads, [&](Eigen::Index q) {
        Rng rng(deriveSeed(seed, kQueryStream + std::uint64_t(q)));
        Eigen::VectorXd h = Eigen::VectorXd::Zero(d);
        for (int j : bulkDims)
            h[j] = sigma * rng.normal();
        // The bulk part of row k as a double vector (outlier dims zero) and its norm.
        auto bulkRow = [&](int k) {
            Eigen::VectorXd v = Eigen::VectorXd::Zero(d);
            for (int j : bulkDims)
                v[j] = w(k, j);
            return v;
        };
        if (p.tied) {
            for (int c = 0; c < kContextRows; ++c) {
                const Eigen::VectorXd row = bulkRow(zipf(rng));
                const double norm2 = row.squaredNorm();
                const double boost = p.spread * rng.normal(); // the row's logit moves by about this
                if (norm2 > 0.0)
                    h += (boost / norm2) * row;
            }
        }
        // Candidates: distinct rows drawn by frequency, with logits stepping down from g_1.
        std::vector<int> topics;
        double target = p.top * (1.0 + kTopJitter * rng.normal());
        for (int t = 0; t < p.topics; ++t) {
            int k = zipf(rng);
            for (int tries = 0; std::find(topics.begin(), topics.end(), k) != topics.end(); ++tries)
                k = tries < 64 ? zipf(rng) : (k + 1) % n; // a frequent row repeats: redraw, then walk
            topics.push_back(k);
            if (t > 0)
                target -= p.gap * -std::log(rng.uniform01());
            const Eigen::VectorXd row = bulkRow(k);
            const double norm = row.norm();
            if (norm == 0.0)
                continue;
            Eigen::VectorXd dir = row / norm;
            if (!p.tied) {
                // align·(row direction) + √(1 − align²)·(a random direction orthogonal to it).
                Eigen::VectorXd z = Eigen::VectorXd::Zero(d);
                for (int j : bulkDims)
                    z[j] = rng.normal();
                z -= z.dot(dir) * dir;
                const double zn = z.norm();
                if (zn > 0.0)
                    dir = p.align * dir + std::sqrt(1.0 - p.align * p.align) / zn * z;
            }
            // Put row k's bulk logit at the target, given what h already gives it (noise, context,
            // earlier candidates); never point away from the row.
            const double along = row.dot(dir);
            const double coef = along > 0.0 ? std::max(0.0, (target - row.dot(h)) / along) : 0.0;
            h += coef * dir;
        }
        for (std::size_t k = 0; k < outlierDims.size(); ++k)
            h[outlierDims[k]] = outlierValue[k] * (1.0 + kOutlierQueryJitter * rng.normal());
        out.queries.row(q) = h.cast<float>().transpose();
    });

    out.description = "LLM-like head: Zipf(" + number(p.zipf) + ") token frequencies, "
        + std::to_string(p.outliers) + " massive-activation dims (" + number(p.outlierScale) + "x), "
        + std::to_string(p.topics) + " candidates per query (top " + number(p.top) + " nats, gap "
        + number(p.gap) + "), background spread " + number(p.spread) + (p.tied ? ", tied" : "") + ".";
    return out;
}

} // namespace ada
