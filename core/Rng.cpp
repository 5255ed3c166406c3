#include "Rng.h"

#include <cmath>
#include <utility>

namespace ada {

std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream)
{
    return splitMix64(splitMix64(seed) ^ splitMix64(stream + 0x632be59bd9b4e019ULL));
}

Rng::Rng(std::uint64_t seed)
{
    std::uint64_t x = seed;
    for (auto& s : s_) {
        x = splitMix64(x);
        s = x;
    }
}

static inline std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

std::uint64_t Rng::next()
{
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Rng::uniform01()
{
    // 53 random bits, shifted by half a step so the result lies strictly inside (0, 1).
    return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53;
}

double Rng::normal()
{
    if (hasSpareNormal_) {
        hasSpareNormal_ = false;
        return spareNormal_;
    }
    double u = 0.0, v = 0.0, s = 0.0;
    do {
        u = 2.0 * uniform01() - 1.0;
        v = 2.0 * uniform01() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    spareNormal_ = v * f;
    hasSpareNormal_ = true;
    return u * f;
}

double Rng::gumbel()
{
    return -std::log(-std::log(uniform01()));
}

double Rng::rademacher()
{
    return (next() >> 63) ? 1.0 : -1.0;
}

std::uint64_t Rng::below(std::uint64_t bound)
{
    // Lemire's nearly divisionless method with rejection: unbiased.
    __uint128_t m = static_cast<__uint128_t>(next()) * bound;
    auto low = static_cast<std::uint64_t>(m);
    if (low < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            m = static_cast<__uint128_t>(next()) * bound;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

std::vector<int> Rng::permutation(int size)
{
    std::vector<int> p(static_cast<std::size_t>(size));
    for (int i = 0; i < size; ++i)
        p[static_cast<std::size_t>(i)] = i;
    for (int i = size - 1; i > 0; --i)
        std::swap(p[static_cast<std::size_t>(i)], p[below(static_cast<std::uint64_t>(i) + 1)]);
    return p;
}

} // namespace ada
