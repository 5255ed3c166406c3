// A linear-time sort of columns by a double key, descending, for the Gumbel-top-k order
// (ColumnOrder.cpp): a comparison sort of d perturbed keys mispredicts about every other comparison,
// which made the column order most of a 10-arm head's time per query.
#pragma once

#include <vector>

namespace ada {

// Reorders `columns` by keys[column] descending; columns with equal keys (−0.0 equals +0.0) keep
// their order in `columns`. Every key must be a number (not NaN). The same order as
// std::stable_sort with `keys[a] > keys[b]`, in O(n) (an LSD radix sort, tst_radixsort).
void sortByKeyDescending(const std::vector<double>& keys, std::vector<int>& columns);

} // namespace ada
