// Resolves a dataset name (DESIGN.md "Files and formats"): a synthetic spec (ALGORITHM.md §8.1),
// a built-in Fashion-MNIST head (FashionMnist.h) or a path to an HDF5 head file (HEAD_FORMAT.md).
#include "DatasetLoader.h"

#include "DatasetError.h"
#include "FashionMnist.h"
#include "SyntheticDatasets.h"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace ada {

namespace {

constexpr std::string_view kAcceptedForms
    = "accepted: a path to an HDF5 head file (HEAD_FORMAT.md) or "
      "synthetic:FAMILY?n=…&d=…&m=…&seed=… with FAMILY one of sanity, noisy, random-mu, high-variance, "
      "or fmnist:pixels, fmnist:rf, fmnist:rf?d=D (Fashion-MNIST heads trained on first use)";

} // namespace

Dataset loadDataset(std::string_view name, const ReadLimits& limits)
{
    return loadDataset(name, limits, DatasetProgress{});
}

Dataset loadDataset(std::string_view name, const ReadLimits& limits, const DatasetProgress& progress)
{
    const std::string text(name);
    if (text.empty())
        throw DatasetError("no dataset given (" + std::string(kAcceptedForms) + ")");

    Dataset out;
    if (name.starts_with("synthetic:")) {
        out = generateSynthetic(parseSyntheticSpec(name));
    } else if (name.starts_with("fmnist:")) {
        FashionMnistOptions options;
        options.limits = limits;
        options.progress = progress;
        out = loadFashionMnist(parseFashionMnistSpec(name), options);
    } else {
        std::error_code ec;
        const std::filesystem::path path(text);
        const auto status = std::filesystem::status(path, ec);
        if (std::filesystem::is_regular_file(status)) {
            out = readHeadFile(text, limits);
        } else if (std::filesystem::exists(status)) {
            throw DatasetError(text + " is not a regular file (" + std::string(kAcceptedForms) + ")");
        } else if (const auto colon = text.find(':');
                   colon != std::string::npos && colon > 1 && text.find('/') > colon) {
            // "scheme:…" that is not ours (and not a Windows drive letter like C:).
            throw DatasetError("unknown dataset form '" + text + "' (" + std::string(kAcceptedForms) + ")");
        } else {
            throw DatasetError("no such file: " + text + " (" + std::string(kAcceptedForms) + ")");
        }
    }
    // The readers and generators check as they go; this is the one place every dataset passes
    // through, so the core's own consistency check runs here too.
    try {
        out.validate();
    } catch (const std::invalid_argument& e) {
        throw DatasetError(out.name + ": " + e.what());
    }
    return out;
}

} // namespace ada
