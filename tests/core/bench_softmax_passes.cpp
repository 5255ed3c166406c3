// Benchmark (label "bench", not in the default run): does Dukhan & Ablavatski's two-pass softmax
// beat the three-pass one here (ALGORITHM.md §11.2)? Interleaved repetitions, medians, ratio.
#include "core/ExactSoftmax.h"
#include "core/Rng.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

int main()
{
    using Clock = std::chrono::steady_clock;
    std::printf("%10s  %14s  %14s  %8s\n", "n", "three-pass us", "two-pass us", "ratio");
    for (int n : {10, 50257, 256000}) {
        ada::Rng rng(1);
        Eigen::VectorXd z(n);
        for (int i = 0; i < n; ++i)
            z[i] = 5.0 * rng.normal();
        std::vector<double> three, two;
        double sink = 0.0;
        const int reps = n < 1000 ? 20000 : 200;
        for (int r = 0; r < reps; ++r) {
            const auto t0 = Clock::now();
            sink += ada::softmaxThreePass(z)[0];
            const auto t1 = Clock::now();
            sink += ada::softmaxTwoPass(z)[0];
            const auto t2 = Clock::now();
            three.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
            two.push_back(std::chrono::duration<double, std::micro>(t2 - t1).count());
        }
        std::nth_element(three.begin(), three.begin() + reps / 2, three.end());
        std::nth_element(two.begin(), two.begin() + reps / 2, two.end());
        const double a = three[std::size_t(reps / 2)], b = two[std::size_t(reps / 2)];
        std::printf("%10d  %14.2f  %14.2f  %8.3f   (checksum %.3g)\n", n, a, b, a / b, sink);
    }
    return 0;
}
