#include "DatasetInspection.h"

#include "Numpy.h"
#include "Safetensors.h"
#include "core/ExactSoftmax.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace ada {

namespace {

template <typename Derived>
Summary summarize(const Eigen::DenseBase<Derived>& values)
{
    Summary s;
    if (values.size() == 0)
        return s;
    double sum = 0.0, sumSq = 0.0;
    s.min = s.max = static_cast<double>(values(0, 0));
    for (Eigen::Index r = 0; r < values.rows(); ++r)
        for (Eigen::Index c = 0; c < values.cols(); ++c) {
            const double v = values(r, c);
            sum += v;
            sumSq += v * v;
            s.min = std::min(s.min, v);
            s.max = std::max(s.max, v);
        }
    const double count = static_cast<double>(values.size());
    s.mean = sum / count;
    s.stddev = std::sqrt(std::max(0.0, sumSq / count - s.mean * s.mean));
    return s;
}

Quantiles quantilesOf(std::vector<double> v)
{
    Quantiles q;
    if (v.empty())
        return q;
    std::sort(v.begin(), v.end());
    q.min = v.front();
    q.max = v.back();
    q.median = v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
    return q;
}

std::vector<double> rowNorms(const RowMatrixF& m)
{
    std::vector<double> out(static_cast<std::size_t>(m.rows()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        out[static_cast<std::size_t>(i)] = m.row(i).cast<double>().norm();
    return out;
}

} // namespace

FileListing listFile(const FileDatasetName& name)
{
    FileListing out;
    out.path = name.path;
    try {
        out.format = detectFileFormat(name.path);
        switch (out.format) {
        case FileFormat::Safetensors:
        case FileFormat::SafetensorsIndex: {
            out.tensors = listSafetensors(name.path);
            const HeadTensorChoice choice = chooseHeadTensor(out.tensors, name.tensor, name.path);
            out.headTensor = choice.name;
            out.tiedEmbedding = choice.tiedEmbedding;
            break;
        }
        case FileFormat::Npy:
        case FileFormat::Npz: out.tensors = listNumpy(name.path); break;
        case FileFormat::Hdf5Head: out.headTensor = "/head/weight"; break;
        case FileFormat::Unknown: break;
        }
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

DatasetStatistics datasetStatistics(const Dataset& ds, int maxQueries)
{
    DatasetStatistics s;
    s.arms = ds.head.arms();
    s.dim = ds.head.dim();
    s.queries = ds.queryCount();
    s.bias = ds.head.hasBias();
    s.temperature = ds.head.temperature;
    s.weight = summarize(ds.head.weight);
    s.rowNorm = quantilesOf(rowNorms(ds.head.weight));
    for (const auto& e : ds.excludedArms)
        s.maskedQueries += e.empty() ? 0 : 1;
    if (s.queries == 0)
        return s;
    s.queryValues = summarize(ds.queries);
    s.queryNorm = quantilesOf(rowNorms(ds.queries));

    s.sampledQueries = static_cast<int>(std::min<Eigen::Index>(s.queries, std::max(0, maxQueries)));
    std::vector<double> top1, entropy;
    int labelled = 0, correct = 0;
    for (int q = 0; q < s.sampledQueries; ++q) {
        Eigen::VectorXd logits = exactLogits(ds.head, ds.queries.row(q).transpose(), ds.head.temperature);
        excludeArms(logits, ds.excludedFor(q));
        const double logS = logSumExp(logits);
        double h = 0.0;
        for (Eigen::Index i = 0; i < logits.size(); ++i) {
            const double lp = logits[i] - logS;
            if (std::isfinite(lp))
                h -= std::exp(lp) * lp;
        }
        const int best = topKIndices(logits, 1).front();
        top1.push_back(std::exp(logits[best] - logS));
        entropy.push_back(h / std::log(2.0));
        if (!ds.labels.empty() && ds.labels[static_cast<std::size_t>(q)] >= 0) {
            ++labelled;
            correct += ds.labels[static_cast<std::size_t>(q)] == best ? 1 : 0;
        }
    }
    if (!top1.empty()) {
        s.top1Probability = quantilesOf(top1);
        s.medianEntropyBits = quantilesOf(entropy).median;
    }
    if (labelled > 0)
        s.labelAccuracy = double(correct) / double(labelled);
    return s;
}

} // namespace ada
