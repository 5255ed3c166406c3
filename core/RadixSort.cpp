#include "RadixSort.h"

#include <array>
#include <bit>
#include <cstdint>

namespace ada {

namespace {

// An unsigned integer that orders like −key: ascending ranks are descending keys. −0.0 becomes +0.0
// first, so that the two zeros tie, as they do under `==`.
std::uint64_t descendingRank(double key)
{
    const auto bits = std::bit_cast<std::uint64_t>(key + 0.0);
    constexpr std::uint64_t sign = std::uint64_t(1) << 63;
    const std::uint64_t ascending = (bits & sign) ? ~bits : (bits | sign);
    return ~ascending;
}

// Sorts `columns` by `rank`, ascending and stable: an LSD radix sort of Bits bits a pass, a pass
// skipped when every entry has the same digit there. O(n) with no branch on the data.
template <int Bits>
void radixSortByRank(std::vector<std::uint64_t>& rank, std::vector<int>& columns)
{
    constexpr int kPasses = (64 + Bits - 1) / Bits, kBuckets = 1 << Bits;
    constexpr std::uint64_t kMask = kBuckets - 1;
    const std::size_t n = rank.size();
    if (n == 0)
        return;
    std::vector<std::array<std::uint32_t, kBuckets>> counts(kPasses);
    for (auto& c : counts)
        c.fill(0);
    for (const std::uint64_t r : rank)
        for (int p = 0; p < kPasses; ++p)
            ++counts[static_cast<std::size_t>(p)][(r >> (Bits * p)) & kMask];
    std::vector<std::uint64_t> rankOut(n);
    std::vector<int> columnsOut(n);
    for (int p = 0; p < kPasses; ++p) {
        auto& count = counts[static_cast<std::size_t>(p)];
        const int shift = Bits * p;
        if (count[(rank[0] >> shift) & kMask] == n)
            continue; // one digit for all: the pass would keep the order
        std::uint32_t start = 0;
        for (auto& c : count) { // counts become the digits' first places
            const std::uint32_t k = c;
            c = start;
            start += k;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t at = count[(rank[i] >> shift) & kMask]++;
            rankOut[at] = rank[i];
            columnsOut[at] = columns[i];
        }
        rank.swap(rankOut);
        columns.swap(columnsOut);
    }
}

} // namespace

// Eight-bit digits (eight passes) for short orders, where the 2 048 buckets of eleven-bit digits
// would cost more than the entries; eleven (six passes) above (d = 8 192: 25 µs less per query).
void sortByKeyDescending(const std::vector<double>& keys, std::vector<int>& columns)
{
    std::vector<std::uint64_t> rank(columns.size());
    for (std::size_t u = 0; u < columns.size(); ++u)
        rank[u] = descendingRank(keys[static_cast<std::size_t>(columns[u])]);
    if (rank.size() <= 2048)
        radixSortByRank<8>(rank, columns);
    else
        radixSortByRank<11>(rank, columns);
}

} // namespace ada
