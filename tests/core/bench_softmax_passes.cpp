// Benchmark (label "bench", excluded from CI with `ctest -LE bench`): does Dukhan & Ablavatski's
// two-pass softmax beat the usual three-pass one here (ALGORITHM.md §11.2, "measure whether it helps")?
// Not a unit test: it prints numbers and always succeeds.
//
// Method: the two algorithms run interleaved, alternating which goes first, so drift in clock speed or
// load hits both alike; medians over many repetitions. Two forms are timed: into a preallocated output
// (the algorithms themselves) and the allocating API (what a caller of the convenience overload pays).
// For scale, one exact n·d logit computation (§1) is timed too: the normalisation is what two-pass
// speeds up, the matrix–vector product is what AdaptiveSoftmax saves.
#include "core/ExactSoftmax.h"
#include "core/Rng.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v)
{
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

double timeUs(const std::function<void()>& f)
{
    const auto t0 = Clock::now();
    f();
    return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

// Medians (µs) of a and b, interleaved over reps repetitions.
std::pair<double, double> interleaved(int reps, const std::function<void()>& a,
                                      const std::function<void()>& b)
{
    a(); // warm caches and page in buffers
    b();
    std::vector<double> ta, tb;
    for (int r = 0; r < reps; ++r) {
        if (r % 2 == 0) {
            ta.push_back(timeUs(a));
            tb.push_back(timeUs(b));
        } else {
            tb.push_back(timeUs(b));
            ta.push_back(timeUs(a));
        }
    }
    return {median(ta), median(tb)};
}

} // namespace

int main()
{
    std::printf("softmax over n logits (z ~ 5·N(0,1)); medians in microseconds; ratio = three/two "
                "(> 1 means two-pass is faster)\n");
    std::printf("%9s  %-12s  %12s  %12s  %7s  %9s\n", "n", "form", "three-pass", "two-pass", "ratio",
                "ns/logit");
    double sink = 0.0;
    for (int n : {1000, 50257, 256000, 4000000}) {
        ada::Rng rng(1);
        Eigen::VectorXd z(n), out3(n), out2(n);
        for (int i = 0; i < n; ++i)
            z[i] = 5.0 * rng.normal();
        const int reps = n <= 1000 ? 20000 : n <= 300000 ? 400 : 40;
        const auto pre = interleaved(
            reps, [&] { ada::softmaxThreePass(z, out3); }, [&] { ada::softmaxTwoPass(z, out2); });
        sink += out3[0] + out2[0];
        std::printf("%9d  %-12s  %12.1f  %12.1f  %7.3f  %4.2f/%4.2f\n", n, "preallocated", pre.first,
                    pre.second, pre.first / pre.second, 1e3 * pre.first / n, 1e3 * pre.second / n);
        const auto alloc = interleaved(
            reps, [&] { sink += ada::softmaxThreePass(z)[0]; }, [&] { sink += ada::softmaxTwoPass(z)[0]; });
        std::printf("%9d  %-12s  %12.1f  %12.1f  %7.3f  %4.2f/%4.2f\n", n, "allocating", alloc.first,
                    alloc.second, alloc.first / alloc.second, 1e3 * alloc.first / n, 1e3 * alloc.second / n);
        std::printf("%9d  max |three − two| = %.3g\n", n, (out3 - out2).cwiseAbs().maxCoeff());
    }

    // Context: the exact logits for a GPT-2-sized head (n = 50 257, d = 768), n·d multiply-adds.
    ada::Head head;
    head.weight = ada::RowMatrixF::Random(50257, 768);
    const Eigen::VectorXf x = Eigen::VectorXf::Random(768);
    std::vector<double> tl;
    for (int r = 0; r < 15; ++r)
        tl.push_back(timeUs([&] { sink += ada::exactLogits(head, x, 1.0)[0]; }));
    std::printf("exact logits n = 50257, d = 768: median %.0f us (the softmax above is a small fraction)\n",
                median(tl));
    std::printf("(checksum %.6g)\n", sink);
    return 0;
}
