// Built-in real heads trained here, in C++, on Debian's dataset-fashion-mnist
// (/usr/share/datasets/fashion-mnist, IDX files, gzip-compressed or not):
//
//   fmnist:pixels        multinomial logistic regression on the 784 pixels scaled to [0, 1]:
//                        n = 10 classes, d = 784, with bias.
//   fmnist:rf[?d=D]      multinomial logistic regression on D (default 8192, 16 ≤ D ≤ 16384) random
//                        ReLU features of the pixels, with bias:
//                            φ(x) = max(0, W x + b),  W_ij ~ N(0, σ²/784),  b_i ~ Unif(−β, β),
//                        x the pixels in [0, 1], σ = FashionMnistRecipe::featureScale (2),
//                        β = featureBias (1). W and b are drawn row by row (W_i then b_i) from
//                        ada::Rng(deriveSeed(seed, 1)), so D = 4096 features are the first 4096
//                        of D = 8192.
//
// Training (both heads): the features are standardized per column over the training images
// (z = (φ − μ) / s, s floored at 1e-3), and the affine map is folded back into the head at the end,
// so the head acts on the raw features φ. Minibatch SGD with heavy-ball momentum 0.9 on the mean
// cross-entropy plus (λ/2)‖W‖² in standardized units (λ = l2 = 1e-5, bias not decayed), batch 256
// (the last batch of an epoch is smaller), a fresh permutation of the training set each epoch from
// ada::Rng(deriveSeed(seed, 2)), learning rate η_t = η₀ · ½(1 + cos(π t / T)) over the T steps of
// all epochs, η₀ = learningRate / (1 + d). Pixels: 30 epochs, learningRate 10; random features:
// 10 epochs, learningRate 30; both on all 60 000 training images, seed 20200523. All in float32
// with Eigen, single-threaded Eigen products; the random-feature matrix is computed in fixed
// blocks of 512 rows which worker threads share, so the bits do not depend on the number of
// threads. The same build on the same machine gives the same bits (Eigen's GEMM blocking follows
// the CPU's cache sizes, so another machine may differ in the last bits). On a 2-core x86-64
// (SSE2 build): pixels about 3 s (84.7% test accuracy; 13.5 MB cache), rf with d = 8192 about
// 25 s (88.0%) plus about 10 s to write its 200 MB cache (mostly the 10 000 × 8192 queries),
// which reads back in about 3 s.
//
// The result, as an ada::Dataset: head.weight (10 × d), head.bias (10), temperature 1, vocab = the
// ten class names, queries = the 10 000 test-set feature vectors (float32), labels = the test
// labels, model "fmnist-logreg-pixels" / "fmnist-logreg-rf<D>", source "fashion-mnist/test", and a
// description that states the test accuracy and the recipe version, e.g. "Fashion-MNIST multinomial
// logistic regression on the 784 pixels; test accuracy 84.7% (trained by adasoftmax, recipe 1)".
//
// Cache: a trained head is written with writeHeadFile to $XDG_CACHE_HOME/adasoftmax/ (else
// $HOME/.cache/adasoftmax/) as fmnist-pixels.h5 / fmnist-rf<D>.h5 and read back next time; a cached
// file that is unreadable or does not match the recipe is retrained and overwritten.
#pragma once

#include "DatasetProgress.h"
#include "HeadFile.h"
#include "core/Head.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ada {

inline constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";
inline constexpr int kFashionMnistClasses = 10;
inline constexpr int kFashionMnistPixels = 784;
inline constexpr int kFashionMnistDefaultFeatures = 8192;
inline constexpr int kFashionMnistMinFeatures = 16;
inline constexpr int kFashionMnistMaxFeatures = 16384;

// "T-shirt/top", "Trouser", …, "Ankle boot", in label order.
[[nodiscard]] const std::vector<std::string>& fashionMnistClassNames();

enum class FashionMnistHead { Pixels, RandomFeatures };

struct FashionMnistSpec {
    FashionMnistHead head = FashionMnistHead::Pixels;
    int features = kFashionMnistDefaultFeatures; // random features only
};

// Parses "fmnist:pixels", "fmnist:rf", "fmnist:rf?d=4096". Throws DatasetError naming the bad part.
[[nodiscard]] FashionMnistSpec parseFashionMnistSpec(std::string_view text);
// The canonical name: "fmnist:pixels" or "fmnist:rf?d=8192".
[[nodiscard]] std::string formatFashionMnistSpec(const FashionMnistSpec& spec);
// "fmnist-logreg-pixels" or "fmnist-logreg-rf8192".
[[nodiscard]] std::string fashionMnistModelName(const FashionMnistSpec& spec);
// "fmnist-pixels.h5" or "fmnist-rf8192.h5".
[[nodiscard]] std::string fashionMnistCacheFileName(const FashionMnistSpec& spec);
// $XDG_CACHE_HOME/adasoftmax, else $HOME/.cache/adasoftmax; empty when neither is set.
[[nodiscard]] std::filesystem::path adasoftmaxCacheDir();

// The training recipe (see the top of this file). The defaults per head are what the named
// datasets use; other recipes are for experiments and tests and are never cached.
struct FashionMnistRecipe {
    std::uint64_t seed = 20200523;
    int epochs = 30;
    int batch = 256;
    double learningRate = 10.0; // η₀ · (1 + d)
    double momentum = 0.9;
    double l2 = 1e-5;
    int trainSubset = 0;       // 0: all training images; else the first trainSubset of them
    double featureScale = 2.0; // σ
    double featureBias = 1.0;  // β

    [[nodiscard]] static FashionMnistRecipe defaults(FashionMnistHead head);
    bool operator==(const FashionMnistRecipe&) const = default;
};

// The four IDX files, decoded: images as rows of 784 floats in [0, 1] (byte / 255).
struct FashionMnistData {
    RowMatrixF trainImages; // 60000 × 784
    std::vector<std::int64_t> trainLabels;
    RowMatrixF testImages; // 10000 × 784
    std::vector<std::int64_t> testLabels;
};

// Reads {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz] from `dir`. Throws DatasetError; a
// missing directory gives "Fashion-MNIST is not installed: run `apt-get install
// dataset-fashion-mnist` (expected <dir>/…)".
[[nodiscard]] FashionMnistData readFashionMnist(const std::string& dir = kFashionMnistDir);

// Trains the head (no cache). Throws DatasetError ("…: cancelled" when progress returns false).
[[nodiscard]] Dataset trainFashionMnist(const FashionMnistSpec& spec, const FashionMnistData& data,
                                        const FashionMnistRecipe& recipe,
                                        const DatasetProgress& progress = {});

struct FashionMnistOptions {
    std::string dataDir = kFashionMnistDir;
    std::filesystem::path cacheDir; // empty: adasoftmaxCacheDir()
    bool useCache = true;           // read the cache if valid, write it after training
    ReadLimits limits;
    DatasetProgress progress;
};

// The named dataset: from the cache when a valid one is there, else read, train and cache.
[[nodiscard]] Dataset loadFashionMnist(const FashionMnistSpec& spec, const FashionMnistOptions& options = {});

// Fraction of the dataset's queries whose largest logit W x + b is at their label (0 when there
// are no labelled queries).
[[nodiscard]] double testAccuracy(const Dataset& dataset);

} // namespace ada
