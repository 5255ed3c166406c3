// Fashion-MNIST heads trained in C++ (FashionMnist.h): IDX reading, random ReLU features,
// minibatch SGD for multinomial logistic regression, the cache.
#include "FashionMnist.h"

#include "DatasetError.h"
#include "Idx.h"
#include "core/Rng.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <numbers>
#include <optional>
#include <thread>

namespace ada {

namespace {

// Bumped whenever the recipe or the code that trains changes, so old caches are retrained.
constexpr std::string_view kRecipeTag = "(trained by adasoftmax, recipe 1)";
constexpr int kFeatureBlock = 512;
constexpr int kTestImages = 10000;

std::string percent(double fraction)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * fraction);
    return buffer;
}

// Throws "<name>: cancelled" when the callback says stop.
void report(const DatasetProgress& progress, const std::string& name, int done, int total,
            std::string_view stage)
{
    if (progress && !progress(done, total, stage))
        throw DatasetError(name + ": cancelled");
}

RowMatrixF imagesToRows(const IdxArray& idx)
{
    RowMatrixF out(static_cast<Eigen::Index>(idx.dims[0]), kFashionMnistPixels);
    float* dst = out.data();
    for (std::size_t i = 0; i < idx.data.size(); ++i)
        dst[i] = static_cast<float>(idx.data[i]) / 255.0f;
    return out;
}

std::vector<std::int64_t> labelsOf(const IdxArray& idx, const std::string& path)
{
    std::vector<std::int64_t> out(idx.data.size());
    for (std::size_t i = 0; i < idx.data.size(); ++i) {
        if (idx.data[i] >= kFashionMnistClasses)
            throw DatasetError(path + ": label " + std::to_string(idx.data[i]) + " at index "
                               + std::to_string(i) + " is not a Fashion-MNIST class (0…9)");
        out[i] = idx.data[i];
    }
    return out;
}

std::string findIdxFile(const std::filesystem::path& dir, const std::string& stem)
{
    std::error_code ec;
    for (const std::string& name : {stem + ".gz", stem}) {
        const auto path = dir / name;
        if (std::filesystem::is_regular_file(path, ec))
            return path.string();
    }
    throw DatasetError("Fashion-MNIST is incomplete: neither " + (dir / (stem + ".gz")).string() + " nor "
                       + (dir / stem).string()
                       + " exists (reinstall with `apt-get install --reinstall "
                         "dataset-fashion-mnist`)");
}

// φ = max(0, X Wᵀ + b) in fixed blocks of rows shared by worker threads; each block is one
// single-threaded Eigen product of the same shape whichever thread runs it, so the bits do not
// depend on the thread count. Progress and cancellation happen on the calling thread.
RowMatrixF randomFeatures(const RowMatrixF& x, const RowMatrixF& w, const Eigen::VectorXf& b,
                          const DatasetProgress& progress, const std::string& name, std::string_view stage)
{
    const Eigen::Index rows = x.rows();
    RowMatrixF out(rows, w.rows());
    const int blocks = static_cast<int>((rows + kFeatureBlock - 1) / kFeatureBlock);
    const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic> wt = w.transpose(); // d_in × D, column-major
    const Eigen::RowVectorXf bias = b.transpose();

    auto computeBlock = [&](int block) {
        const Eigen::Index r0 = Eigen::Index{block} * kFeatureBlock;
        const Eigen::Index count = std::min<Eigen::Index>(kFeatureBlock, rows - r0);
        auto dst = out.middleRows(r0, count);
        dst.noalias() = x.middleRows(r0, count) * wt;
        dst.rowwise() += bias;
        dst = dst.cwiseMax(0.0f);
    };
    std::atomic<int> next{0};
    std::atomic<int> finished{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failureMutex;
    auto work = [&] {
        try {
            for (int block = next++; block < blocks && !stop; block = next++) {
                computeBlock(block);
                ++finished;
            }
        } catch (...) {
            std::lock_guard lock(failureMutex);
            if (!failure)
                failure = std::current_exception();
            stop = true;
        }
    };
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const int helpers = static_cast<int>(std::min<unsigned>(hw, 8u)) - 1;
    std::vector<std::thread> threads;
    for (int t = 0; t < std::min(helpers, blocks - 1); ++t)
        threads.emplace_back(work);

    // The calling thread works too, reporting (and honouring a cancel) between its own blocks.
    try {
        report(progress, name, 0, blocks, stage);
        for (int block = next++; block < blocks && !stop; block = next++) {
            computeBlock(block);
            ++finished;
            report(progress, name, finished.load(), blocks, stage);
        }
    } catch (...) {
        stop = true;
        for (auto& t : threads)
            t.join();
        throw;
    }
    for (auto& t : threads)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    report(progress, name, blocks, blocks, stage);
    return out;
}

struct LogisticModel {
    RowMatrixF weight;    // classes × d
    Eigen::VectorXf bias; // classes
};

// Minibatch SGD with heavy-ball momentum and a cosine learning-rate schedule (FashionMnist.h).
LogisticModel trainLogistic(const RowMatrixF& x, const std::vector<std::int64_t>& labels, Eigen::Index count,
                            const FashionMnistRecipe& recipe, const DatasetProgress& progress,
                            const std::string& name)
{
    const Eigen::Index d = x.cols();
    const int classes = kFashionMnistClasses;
    LogisticModel model{RowMatrixF::Zero(classes, d), Eigen::VectorXf::Zero(classes)};
    RowMatrixF velocityW = RowMatrixF::Zero(classes, d);
    Eigen::VectorXf velocityB = Eigen::VectorXf::Zero(classes);

    // Train on standardized features z = (x − μ) ⊙ s⁻¹ (per column, over the training rows; s is
    // floored at 1e-3 for constant columns) and fold the affine map into the head at the end:
    // W' z + b' = (W' ⊙ s⁻¹) x + (b' − (W' ⊙ s⁻¹) μ). Uncentered ReLU features are badly
    // conditioned for SGD; standardized ones need no per-head tuning of the step size.
    Eigen::ArrayXd sum = Eigen::ArrayXd::Zero(d);
    Eigen::ArrayXd sumSquares = Eigen::ArrayXd::Zero(d);
    for (Eigen::Index i = 0; i < count; ++i) {
        const Eigen::ArrayXd row = x.row(i).transpose().cast<double>().array();
        sum += row;
        sumSquares += row.square();
    }
    const Eigen::ArrayXd mean = sum / static_cast<double>(count);
    const Eigen::ArrayXd sd
        = (sumSquares / static_cast<double>(count) - mean.square()).max(0.0).sqrt().max(1e-3);
    const Eigen::RowVectorXf mu = mean.cast<float>().matrix().transpose();
    const Eigen::RowVectorXf invSd = sd.inverse().cast<float>().matrix().transpose();
    const double eta0 = recipe.learningRate / (1.0 + static_cast<double>(d));

    const int batch = std::max(1, recipe.batch);
    const int stepsPerEpoch = static_cast<int>((count + batch - 1) / batch);
    const long long totalSteps = static_cast<long long>(stepsPerEpoch) * recipe.epochs;
    const int reportEvery = std::max(1, stepsPerEpoch / 20);
    Rng rng(deriveSeed(recipe.seed, 2));

    RowMatrixF xb(batch, d);
    RowMatrixF probs(batch, classes);
    RowMatrixF gradW(classes, d);
    long long step = 0;
    const int totalReports
        = static_cast<int>(std::min<long long>(totalSteps, std::numeric_limits<int>::max()));
    report(progress, name, 0, totalReports, "training");
    for (int epoch = 0; epoch < recipe.epochs; ++epoch) {
        const std::vector<int> order = rng.permutation(static_cast<int>(count));
        for (int s = 0; s < stepsPerEpoch; ++s, ++step) {
            const int begin = s * batch;
            const int rows = static_cast<int>(std::min<Eigen::Index>(batch, count - begin));
            for (int r = 0; r < rows; ++r)
                xb.row(r) = (x.row(order[static_cast<std::size_t>(begin + r)]) - mu).cwiseProduct(invSd);
            auto xs = xb.topRows(rows);
            auto p = probs.topRows(rows);
            p.noalias() = xs * model.weight.transpose();
            p.rowwise() += model.bias.transpose();
            for (int r = 0; r < rows; ++r) {
                auto row = p.row(r);
                const float top = row.maxCoeff();
                row = (row.array() - top).exp();
                row /= row.sum();
                row(labels[static_cast<std::size_t>(order[static_cast<std::size_t>(begin + r)])]) -= 1.0f;
            }
            p /= static_cast<float>(rows);
            gradW.noalias() = p.transpose() * xs;
            gradW += static_cast<float>(recipe.l2) * model.weight;
            const Eigen::VectorXf gradB = p.colwise().sum().transpose();

            const double eta = eta0 * 0.5
                * (1.0
                   + std::cos(std::numbers::pi * static_cast<double>(step)
                              / static_cast<double>(totalSteps)));
            const auto lr = static_cast<float>(eta);
            const auto beta = static_cast<float>(recipe.momentum);
            velocityW = beta * velocityW - lr * gradW;
            velocityB = beta * velocityB - lr * gradB;
            model.weight += velocityW;
            model.bias += velocityB;
            if ((step + 1) % reportEvery == 0)
                report(progress, name, static_cast<int>(step + 1), totalReports, "training");
        }
        if (!model.weight.allFinite() || !model.bias.allFinite())
            throw DatasetError(name + ": training diverged (non-finite weights after epoch "
                               + std::to_string(epoch + 1) + "); lower the learning rate");
    }
    report(progress, name, totalReports, totalReports, "training");
    model.weight = model.weight.array().rowwise() * invSd.array();
    model.bias -= model.weight * mu.transpose();
    return model;
}

std::string descriptionFor(const FashionMnistSpec& spec, const FashionMnistRecipe& recipe, double accuracy)
{
    std::string what = spec.head == FashionMnistHead::Pixels
        ? std::string("Fashion-MNIST multinomial logistic regression on the 784 pixels")
        : "Fashion-MNIST multinomial logistic regression on " + std::to_string(spec.features)
            + " random ReLU features of the pixels";
    what += "; test accuracy " + percent(accuracy);
    if (recipe == FashionMnistRecipe::defaults(spec.head))
        what += " " + std::string(kRecipeTag);
    return what;
}

std::optional<std::string> envVar(const char* name)
{
    const char* v = std::getenv(name);
    if (!v || !*v)
        return std::nullopt;
    return std::string(v);
}

// A cached dataset is used only if it is what this build would train.
bool cacheMatches(const Dataset& ds, const FashionMnistSpec& spec)
{
    const Eigen::Index d = spec.head == FashionMnistHead::Pixels ? kFashionMnistPixels : spec.features;
    return ds.model == fashionMnistModelName(spec) && ds.head.arms() == kFashionMnistClasses
        && ds.head.dim() == d && ds.head.bias.size() == kFashionMnistClasses
        && ds.queries.rows() == kTestImages && ds.queries.cols() == d && ds.labels.size() == kTestImages
        && ds.vocab == fashionMnistClassNames() && ds.description.find(kRecipeTag) != std::string::npos;
}

} // namespace

const std::vector<std::string>& fashionMnistClassNames()
{
    static const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

FashionMnistRecipe FashionMnistRecipe::defaults(FashionMnistHead head)
{
    FashionMnistRecipe r;
    if (head == FashionMnistHead::RandomFeatures) {
        r.epochs = 10;
        r.learningRate = 30.0;
    } else {
        r.epochs = 30;
        r.learningRate = 10.0;
    }
    return r;
}

FashionMnistSpec parseFashionMnistSpec(std::string_view text)
{
    const std::string full(text);
    constexpr std::string_view prefix = "fmnist:";
    constexpr std::string_view accepted = "accepted: fmnist:pixels, fmnist:rf, fmnist:rf?d=D";
    if (!text.starts_with(prefix))
        throw DatasetError("'" + full + "' is not a Fashion-MNIST dataset name (" + std::string(accepted)
                           + ")");
    text.remove_prefix(prefix.size());
    const auto question = text.find('?');
    const std::string_view head = text.substr(0, question);
    const std::string_view query
        = question == std::string_view::npos ? std::string_view{} : text.substr(question + 1);
    FashionMnistSpec spec;
    if (head == "pixels") {
        spec.head = FashionMnistHead::Pixels;
        if (question != std::string_view::npos)
            throw DatasetError(full + ": fmnist:pixels takes no parameters (" + std::string(accepted) + ")");
        return spec;
    }
    if (head != "rf")
        throw DatasetError(full + ": unknown Fashion-MNIST head '" + std::string(head) + "' ("
                           + std::string(accepted) + ")");
    spec.head = FashionMnistHead::RandomFeatures;
    std::string_view rest = query;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        const auto eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::string_view value
            = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
        if (key != "d")
            throw DatasetError(full + ": unknown parameter '" + std::string(key) + "' (fmnist:rf accepts d)");
        int d = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), d);
        if (value.empty() || ec != std::errc{} || end != value.data() + value.size()
            || d < kFashionMnistMinFeatures || d > kFashionMnistMaxFeatures)
            throw DatasetError(
                full + ": d must be an integer from " + std::to_string(kFashionMnistMinFeatures) + " to "
                + std::to_string(kFashionMnistMaxFeatures) + ", not '" + std::string(value) + "'");
        spec.features = d;
    }
    return spec;
}

std::string formatFashionMnistSpec(const FashionMnistSpec& spec)
{
    return spec.head == FashionMnistHead::Pixels ? std::string("fmnist:pixels")
                                                 : "fmnist:rf?d=" + std::to_string(spec.features);
}

std::string fashionMnistModelName(const FashionMnistSpec& spec)
{
    return spec.head == FashionMnistHead::Pixels ? std::string("fmnist-logreg-pixels")
                                                 : "fmnist-logreg-rf" + std::to_string(spec.features);
}

std::string fashionMnistCacheFileName(const FashionMnistSpec& spec)
{
    return spec.head == FashionMnistHead::Pixels ? std::string("fmnist-pixels.h5")
                                                 : "fmnist-rf" + std::to_string(spec.features) + ".h5";
}

std::filesystem::path adasoftmaxCacheDir()
{
    if (const auto xdg = envVar("XDG_CACHE_HOME"))
        return std::filesystem::path(*xdg) / "adasoftmax";
    if (const auto home = envVar("HOME"))
        return std::filesystem::path(*home) / ".cache" / "adasoftmax";
    return {};
}

FashionMnistData readFashionMnist(const std::string& dir)
{
    std::error_code ec;
    const std::filesystem::path root(dir);
    if (!std::filesystem::is_directory(root, ec))
        throw DatasetError(
            "Fashion-MNIST is not installed: run `apt-get install dataset-fashion-mnist` (expected "
            + (root / "train-images-idx3-ubyte.gz").string() + " and the other IDX files)");
    const std::string trainImages = findIdxFile(root, "train-images-idx3-ubyte");
    const std::string trainLabels = findIdxFile(root, "train-labels-idx1-ubyte");
    const std::string testImages = findIdxFile(root, "t10k-images-idx3-ubyte");
    const std::string testLabels = findIdxFile(root, "t10k-labels-idx1-ubyte");

    FashionMnistData out;
    auto images = [](const std::string& path, RowMatrixF& into) {
        const IdxArray idx = readIdxImages(path);
        if (idx.dims[1] != 28 || idx.dims[2] != 28)
            throw DatasetError(path + ": Fashion-MNIST images are 28×28, this file holds "
                               + std::to_string(idx.dims[1]) + "×" + std::to_string(idx.dims[2]));
        into = imagesToRows(idx);
    };
    auto labels = [](const std::string& path, const RowMatrixF& imagesRead, const std::string& imagesPath,
                     std::vector<std::int64_t>& into) {
        const IdxArray idx = readIdxLabels(path);
        if (static_cast<Eigen::Index>(idx.dims[0]) != imagesRead.rows())
            throw DatasetError(path + ": holds " + std::to_string(idx.dims[0]) + " labels but " + imagesPath
                               + " holds " + std::to_string(imagesRead.rows()) + " images");
        into = labelsOf(idx, path);
    };
    images(trainImages, out.trainImages);
    labels(trainLabels, out.trainImages, trainImages, out.trainLabels);
    images(testImages, out.testImages);
    labels(testLabels, out.testImages, testImages, out.testLabels);
    return out;
}

Dataset trainFashionMnist(const FashionMnistSpec& spec, const FashionMnistData& data,
                          const FashionMnistRecipe& recipe, const DatasetProgress& progress)
{
    const std::string name = formatFashionMnistSpec(spec);
    if (data.trainImages.rows() == 0 || data.trainImages.cols() != kFashionMnistPixels
        || data.testImages.cols() != kFashionMnistPixels
        || static_cast<std::size_t>(data.trainImages.rows()) != data.trainLabels.size()
        || static_cast<std::size_t>(data.testImages.rows()) != data.testLabels.size())
        throw DatasetError(
            name
            + ": the training data is not Fashion-MNIST shaped (rows of 784 pixels with one label each)");
    if (recipe.epochs < 1 || recipe.batch < 1 || !(recipe.learningRate > 0)
        || !(recipe.momentum >= 0 && recipe.momentum < 1) || !(recipe.l2 >= 0) || recipe.trainSubset < 0)
        throw DatasetError(name + ": invalid training recipe");
    const Eigen::Index count = recipe.trainSubset > 0
        ? std::min<Eigen::Index>(recipe.trainSubset, data.trainImages.rows())
        : data.trainImages.rows();

    Dataset out;
    LogisticModel model;
    if (spec.head == FashionMnistHead::Pixels) {
        model = trainLogistic(data.trainImages, data.trainLabels, count, recipe, progress, name);
        out.queries = data.testImages;
    } else {
        const int features = spec.features;
        if (features < kFashionMnistMinFeatures || features > kFashionMnistMaxFeatures)
            throw DatasetError(name + ": d must be from " + std::to_string(kFashionMnistMinFeatures) + " to "
                               + std::to_string(kFashionMnistMaxFeatures));
        RowMatrixF w(features, kFashionMnistPixels);
        Eigen::VectorXf b(features);
        Rng rng(deriveSeed(recipe.seed, 1));
        const double sd = recipe.featureScale / std::sqrt(static_cast<double>(kFashionMnistPixels));
        for (int i = 0; i < features; ++i) {
            for (int j = 0; j < kFashionMnistPixels; ++j)
                w(i, j) = static_cast<float>(sd * rng.normal());
            b(i) = static_cast<float>(rng.uniform(-recipe.featureBias, recipe.featureBias));
        }
        const RowMatrixF train
            = count == data.trainImages.rows() ? RowMatrixF() : data.trainImages.topRows(count);
        const RowMatrixF& trainPixels = count == data.trainImages.rows() ? data.trainImages : train;
        const RowMatrixF phiTrain = randomFeatures(trainPixels, w, b, progress, name, "features");
        model = trainLogistic(phiTrain, data.trainLabels, count, recipe, progress, name);
        out.queries = randomFeatures(data.testImages, w, b, progress, name, "test features");
    }
    out.head.weight = std::move(model.weight);
    out.head.bias = std::move(model.bias);
    out.head.temperature = 1.0;
    out.labels = data.testLabels;
    out.vocab = fashionMnistClassNames();
    out.name = name;
    out.model = fashionMnistModelName(spec);
    out.source = "fashion-mnist/test";
    report(progress, name, 0, 1, "evaluating");
    out.description = descriptionFor(spec, recipe, testAccuracy(out));
    report(progress, name, 1, 1, "evaluating");
    return out;
}

Dataset loadFashionMnist(const FashionMnistSpec& spec, const FashionMnistOptions& options)
{
    const std::string name = formatFashionMnistSpec(spec);
    const Eigen::Index d = spec.head == FashionMnistHead::Pixels ? kFashionMnistPixels : spec.features;
    const double bytes
        = 4.0 * static_cast<double>(kFashionMnistClasses * (d + 1) + Eigen::Index{kTestImages} * d);
    if (bytes > static_cast<double>(options.limits.maxBytes))
        throw DatasetError(name + ": the head and its " + std::to_string(kTestImages) + " queries need "
                           + std::to_string(static_cast<long long>(bytes)) + " bytes, over the limit of "
                           + std::to_string(options.limits.maxBytes));

    const std::filesystem::path cacheDir = options.cacheDir.empty() ? adasoftmaxCacheDir() : options.cacheDir;
    const std::filesystem::path cachePath
        = cacheDir.empty() ? std::filesystem::path{} : cacheDir / fashionMnistCacheFileName(spec);
    std::error_code ec;
    if (options.useCache && !cachePath.empty() && std::filesystem::is_regular_file(cachePath, ec)) {
        report(options.progress, name, 0, 1, "reading cache");
        std::optional<Dataset> cached;
        try {
            cached = readHeadFile(cachePath.string(), options.limits);
        } catch (const DatasetError&) {
            // An unreadable cache is retrained and overwritten below.
        }
        if (cached && cacheMatches(*cached, spec)) {
            cached->name = name;
            report(options.progress, name, 1, 1, "reading cache");
            return std::move(*cached);
        }
    }

    report(options.progress, name, 0, 1, "reading");
    const FashionMnistData data = readFashionMnist(options.dataDir);
    report(options.progress, name, 1, 1, "reading");
    Dataset out = trainFashionMnist(spec, data, FashionMnistRecipe::defaults(spec.head), options.progress);

    if (options.useCache && !cachePath.empty()) {
        report(options.progress, name, 0, 1, "writing cache");
        // Write to a unique temporary name, then rename: a reader never sees half a file, and two
        // processes training at once do not corrupt each other's output.
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        const auto tid = std::hash<std::thread::id>{}(std::this_thread::get_id());
        const std::filesystem::path temp
            = cachePath.string() + ".tmp-" + std::to_string(stamp) + "-" + std::to_string(tid);
        try {
            std::filesystem::create_directories(cacheDir);
            writeHeadFile(out, temp.string());
            std::filesystem::rename(temp, cachePath);
        } catch (const std::exception&) {
            // The cache is an optimisation: a read-only or full disk must not fail the load.
            std::filesystem::remove(temp, ec);
        }
        report(options.progress, name, 1, 1, "writing cache");
    }
    return out;
}

double testAccuracy(const Dataset& dataset)
{
    const Eigen::Index m = dataset.queries.rows();
    if (m == 0 || dataset.labels.size() != static_cast<std::size_t>(m)
        || dataset.queries.cols() != dataset.head.dim())
        return 0.0;
    Eigen::Index correct = 0;
    constexpr Eigen::Index block = 1024;
    for (Eigen::Index r0 = 0; r0 < m; r0 += block) {
        const Eigen::Index rows = std::min(block, m - r0);
        RowMatrixF logits = dataset.queries.middleRows(r0, rows) * dataset.head.weight.transpose();
        if (dataset.head.hasBias())
            logits.rowwise() += dataset.head.bias.transpose();
        for (Eigen::Index r = 0; r < rows; ++r) {
            Eigen::Index arg = 0;
            logits.row(r).maxCoeff(&arg);
            if (arg == dataset.labels[static_cast<std::size_t>(r0 + r)])
                ++correct;
        }
    }
    return static_cast<double>(correct) / static_cast<double>(m);
}

} // namespace ada
