// The column order's linear-time sort (core/RadixSort.h): the same order as a stable comparison
// sort by key, descending, on random keys of every size around its digit-width switch, and on keys
// built to tie (−0.0 against +0.0, repeated values, infinities, subnormals, both signs).
#include "core/RadixSort.h"
#include "core/Rng.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace ada;

namespace {

std::vector<int> comparisonOrder(const std::vector<double>& keys, std::vector<int> columns)
{
    std::stable_sort(columns.begin(), columns.end(), [&](int a, int b) {
        return keys[static_cast<std::size_t>(a)] > keys[static_cast<std::size_t>(b)];
    });
    return columns;
}

// The columns 0 … n − 1 in a random order (ties keep it), or ascending.
std::vector<int> columnsOf(std::size_t n, Rng& rng, bool shuffled)
{
    std::vector<int> columns(n);
    std::iota(columns.begin(), columns.end(), 0);
    if (shuffled)
        for (std::size_t i = n; i > 1; --i)
            std::swap(columns[i - 1], columns[rng.below(i)]);
    return columns;
}

} // namespace

class TestRadixSort : public QObject {
    Q_OBJECT

private slots:
    void matchesAStableComparisonSort_data();
    void matchesAStableComparisonSort();
    void tiesKeepTheirOrder();
};

void TestRadixSort::matchesAStableComparisonSort_data()
{
    QTest::addColumn<int>("n");
    for (const int n : {0, 1, 2, 7, 784, 2048, 2049, 8192, 20000})
        QTest::newRow(qPrintable(QString::number(n))) << n;
}

void TestRadixSort::matchesAStableComparisonSort()
{
    // Gumbel-perturbed log-weights, as the column order has them, and plain uniforms in (0, 1)
    // (the high digits all equal: the passes that would change nothing are skipped).
    QFETCH(int, n);
    Rng rng(std::uint64_t(n) + 5);
    for (const bool gumbel : {true, false}) {
        std::vector<double> keys(static_cast<std::size_t>(n));
        for (double& k : keys)
            k = gumbel ? std::log(rng.uniform01()) + rng.gumbel() : rng.uniform01();
        for (const bool shuffled : {false, true}) {
            std::vector<int> columns = columnsOf(keys.size(), rng, shuffled);
            const std::vector<int> expected = comparisonOrder(keys, columns);
            sortByKeyDescending(keys, columns);
            QCOMPARE(columns, expected);
        }
    }
}

void TestRadixSort::tiesKeepTheirOrder()
{
    const double inf = std::numeric_limits<double>::infinity();
    const double values[] = {-0.0, 0.0, 1.5, -1.5, inf, -inf, 4.9e-324, -4.9e-324, 1e-310, -7.25, 1e300};
    Rng rng(11);
    for (const std::size_t n : {std::size_t(50), std::size_t(5000)}) { // both digit widths
        std::vector<double> keys(n);
        for (double& k : keys)
            k = values[rng.below(std::size(values))];
        std::vector<int> columns = columnsOf(n, rng, true);
        const std::vector<int> expected = comparisonOrder(keys, columns);
        sortByKeyDescending(keys, columns);
        QCOMPARE(columns, expected);
    }
}

QTEST_APPLESS_MAIN(TestRadixSort)
#include "tst_radixsort.moc"
