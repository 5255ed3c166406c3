// What `adasoftmax inspect` reports about a dataset: the file's format and declared tensors (read
// from headers only, so a file too big or too broken to load is still described), and for a loaded
// dataset its shapes and value statistics, including how peaked its softmax is on the queries.
#pragma once

#include "DatasetLoader.h"
#include "TensorFile.h"
#include "core/Head.h"

#include <optional>
#include <string>
#include <vector>

namespace ada {

struct FileListing {
    std::string path;
    FileFormat format = FileFormat::Unknown;
    std::vector<TensorInfo> tensors; // safetensors and NumPy: every declared tensor
    std::string headTensor;          // the tensor the loader would use as the head ("" unknown)
    bool tiedEmbedding = false;
    std::string error; // the listing itself failed (bad header): the reason
};
// Lists a file's tensors from its headers; errors are captured in `error`, never thrown.
[[nodiscard]] FileListing listFile(const FileDatasetName& name);

struct Summary { // of a set of values
    double min = 0, max = 0, mean = 0, stddev = 0;
};
struct Quantiles {
    double min = 0, median = 0, max = 0;
};

struct DatasetStatistics {
    Eigen::Index arms = 0, dim = 0, queries = 0;
    bool bias = false;
    double temperature = 1.0;
    Summary weight;    // every entry of W
    Quantiles rowNorm; // ‖W_i‖₂ over rows
    std::optional<Summary> queryValues;
    std::optional<Quantiles> queryNorm;
    // Over the first `sampledQueries` queries (softmax of β(Wx + b), masks applied):
    int sampledQueries = 0;
    std::optional<Quantiles> top1Probability;
    std::optional<double> medianEntropyBits;
    std::optional<double> labelAccuracy; // top-1 == label, where labels exist (−1 labels skipped)
    std::size_t maskedQueries = 0;       // queries with excluded arms
};

// Statistics of a loaded dataset; softmax figures over at most `maxQueries` queries.
[[nodiscard]] DatasetStatistics datasetStatistics(const Dataset& dataset, int maxQueries = 256);

} // namespace ada
