// Resolves a dataset name (DatasetLoader.h): generators, built-in heads, and files recognised by
// their content rather than their extension (a renamed file still opens; a mislabelled one is
// refused by the reader of what it really is).
#include "DatasetLoader.h"

#include "DatasetError.h"
#include "EmbeddedHeads.h"
#include "FashionMnist.h"
#include "Glove.h"
#include "Idx.h"
#include "Numpy.h"
#include "Safetensors.h"
#include "SyntheticDatasets.h"
#include "TensorFile.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace ada {

namespace {

constexpr std::string_view kAcceptedForms
    = "accepted: a file (HDF5 head, safetensors or its *.index.json, NumPy .npy/.npz), optionally "
      "followed by ?tensor=NAME&bias=NAME&queries=FILE&labels=FILE&temperature=T; "
      "synthetic:FAMILY?n=…&d=…&m=…&seed=… with FAMILY one of sanity, noisy, random-mu, high-variance, "
      "llm-like; fmnist:pixels, fmnist:rf, fmnist:rf?d=D; glove:100d; embedded:fmnist-pixels. "
      "`adasoftmax datasets` lists the built-in ones";

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool isRegularFile(const std::string& path)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

// HDF5's signature sits at offset 0 or, after a user block, at 512, 1024, 2048, … (HDF5 spec §2.1).
bool hasHdf5Signature(const std::string& path)
{
    static constexpr std::array<char, 8> kSignature = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return false;
    for (std::uintmax_t offset = 0; offset + 8 <= size; offset = offset == 0 ? 512 : offset * 2) {
        std::array<char, 8> buf{};
        in.seekg(static_cast<std::streamoff>(offset));
        if (!in.read(buf.data(), 8))
            return false;
        if (buf == kSignature)
            return true;
    }
    return false;
}

double parseTemperature(const std::string& text, const std::string& path)
{
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || !(value > 0.0))
        throw DatasetError(path + ": temperature=" + text + " is not a positive number");
    return value;
}

// The queries of the PATH form, from a NumPy file (the only format that holds a bare matrix).
RowMatrixF readQueryFile(const std::string& path, const ReadLimits& limits)
{
    if (!isRegularFile(path))
        throw DatasetError("no such queries file: " + path);
    const FileFormat format = detectFileFormat(path);
    if (format != FileFormat::Npy && format != FileFormat::Npz)
        throw DatasetError(path + ": queries must be a NumPy .npy (m × d) or .npz file; this is "
                           + std::string(fileFormatName(format)));
    return readNumpyQueries(path, limits);
}

// An IDX file (MNIST's format) holds images or labels, not a head. Read it anyway, so that a damaged
// one is reported with its own problem, and otherwise say what it is and what uses it.
[[noreturn]] void refuseIdxFile(const std::string& path, std::uint32_t magic)
{
    const std::uint32_t expected = (magic & 0xFF00) == 0x0800 ? magic : kIdxImagesMagic;
    const IdxArray idx = readIdx(path, expected);
    std::string dims;
    for (const std::uint32_t d : idx.dims)
        dims += (dims.empty() ? "" : " × ") + std::to_string(d);
    throw DatasetError(path + ": an IDX file (unsigned bytes, " + dims
                       + "), the format of MNIST images and labels, not a model head; fmnist:pixels and "
                         "fmnist:rf train heads from Fashion-MNIST's IDX files");
}

Dataset loadFile(const FileDatasetName& spec, const ReadLimits& limits)
{
    const std::string& path = spec.path;
    const FileFormat format = detectFileFormat(path);
    TensorFileOptions options;
    options.tensor = spec.tensor;
    options.bias = spec.bias;
    options.limits = limits;
    Dataset out;
    switch (format) {
    case FileFormat::Hdf5Head:
        if (!spec.tensor.empty() || !spec.bias.empty())
            throw DatasetError(path
                               + ": an HDF5 head file has one head (/head/weight); tensor= and bias= "
                                 "apply to safetensors and NumPy files");
        out = readHeadFile(path, limits);
        break;
    case FileFormat::Safetensors:
    case FileFormat::SafetensorsIndex: out = readSafetensorsHead(path, options); break;
    case FileFormat::Npy:
    case FileFormat::Npz: out = readNumpyHead(path, options); break;
    case FileFormat::Unknown:
        if (const std::uint32_t magic = idxMagicOf(path))
            refuseIdxFile(path, magic);
        throw DatasetError(path
                           + ": not a recognised file: expected an HDF5 head file (HEAD_FORMAT.md), "
                             "safetensors, a safetensors *.index.json, or NumPy .npy/.npz");
    }
    if (!spec.queries.empty()) {
        ReadLimits rest = limits;
        const auto headBytes = static_cast<std::uint64_t>(out.head.weight.size()) * 4;
        rest.maxBytes = limits.maxBytes > headBytes ? limits.maxBytes - headBytes : 0;
        out.queries = readQueryFile(spec.queries, rest);
        out.labels.clear();
        out.excludedArms.clear();
        if (out.queries.cols() != out.head.dim())
            throw DatasetError(spec.queries + ": the queries have dimension "
                               + std::to_string(out.queries.cols()) + " but the head in " + path
                               + " has dimension " + std::to_string(out.head.dim()));
        out.source = spec.queries;
    }
    if (!spec.labels.empty()) {
        if (!isRegularFile(spec.labels))
            throw DatasetError("no such labels file: " + spec.labels);
        out.labels = readNumpyIntegers(spec.labels, "", limits);
        if (static_cast<Eigen::Index>(out.labels.size()) != out.queries.rows())
            throw DatasetError(spec.labels + ": " + std::to_string(out.labels.size()) + " labels for "
                               + std::to_string(out.queries.rows()) + " queries");
    }
    if (!spec.temperature.empty())
        out.head.temperature = parseTemperature(spec.temperature, path);
    return out;
}

} // namespace

FileFormat detectFileFormat(const std::string& path)
{
    if (hasHdf5Signature(path))
        return FileFormat::Hdf5Head;
    if (looksLikeNpy(path))
        return FileFormat::Npy;
    if (looksLikeNpz(path))
        return FileFormat::Npz;
    if (looksLikeSafetensors(path))
        return std::filesystem::path(path).extension() == ".json" ? FileFormat::SafetensorsIndex
                                                                  : FileFormat::Safetensors;
    return FileFormat::Unknown;
}

const char* fileFormatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Hdf5Head: return "an HDF5 file";
    case FileFormat::Safetensors: return "a safetensors file";
    case FileFormat::SafetensorsIndex: return "a safetensors index (sharded checkpoint)";
    case FileFormat::Npy: return "a NumPy .npy file";
    case FileFormat::Npz: return "a NumPy .npz archive";
    case FileFormat::Unknown: break;
    }
    return "not a recognised format";
}

FileDatasetName parseFileDatasetName(std::string_view name)
{
    FileDatasetName out;
    const std::string text(name);
    const auto q = text.rfind('?');
    if (isRegularFile(text) || q == std::string::npos) {
        out.path = text;
        return out;
    }
    out.path = text.substr(0, q);
    std::string_view rest = std::string_view(text).substr(q + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view item = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        const auto eq = item.find('=');
        const std::string key(item.substr(0, eq));
        const std::string value(eq == std::string_view::npos ? std::string_view{} : item.substr(eq + 1));
        if (eq == std::string_view::npos || value.empty())
            throw DatasetError(out.path + ": option '" + std::string(item) + "' needs a value (KEY=VALUE)");
        if (key == "tensor")
            out.tensor = value;
        else if (key == "bias")
            out.bias = value;
        else if (key == "queries")
            out.queries = value;
        else if (key == "labels")
            out.labels = value;
        else if (key == "temperature")
            out.temperature = value;
        else
            throw DatasetError(out.path + ": unknown option '" + key
                               + "' (options: tensor, bias, queries, labels, temperature)");
    }
    return out;
}

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
    if (startsWith(name, "synthetic:")) {
        out = generateSynthetic(parseSyntheticSpec(name));
    } else if (startsWith(name, "fmnist:")) {
        FashionMnistOptions options;
        options.limits = limits;
        options.progress = progress;
        out = loadFashionMnist(parseFashionMnistSpec(name), options);
    } else if (startsWith(name, "glove:")) {
        parseGloveSpec(name);
        out = loadGlove({}, limits, progress);
    } else if (startsWith(name, "embedded:")) {
        out = loadEmbeddedHead(name, limits);
    } else {
        // "scheme:…" that is not ours (and not a Windows drive letter like C:), before its options
        // are parsed as a file's: "synth:noisy?n=5" is a typo for a name, not a file with option n.
        std::error_code ec;
        const std::string pathPart = text.substr(0, text.rfind('?'));
        if (const auto colon = text.find(':'); colon != std::string::npos && colon > 1
            && text.find('/') > colon && !std::filesystem::exists(text, ec)
            && !std::filesystem::exists(pathPart, ec))
            throw DatasetError("unknown dataset form '" + text + "' (" + std::string(kAcceptedForms) + ")");
        const FileDatasetName spec = parseFileDatasetName(name);
        const auto status = std::filesystem::status(spec.path, ec);
        if (std::filesystem::is_regular_file(status)) {
            out = loadFile(spec, limits);
            out.name = text;
        } else if (std::filesystem::exists(status)) {
            throw DatasetError(spec.path + " is not a regular file (" + std::string(kAcceptedForms) + ")");
        } else {
            throw DatasetError("no such file: " + spec.path + " (" + std::string(kAcceptedForms) + ")");
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

std::vector<BuiltinDataset> builtinDatasets()
{
    std::vector<BuiltinDataset> out;
    for (const auto& h : embeddedHeads())
        out.push_back({h.name, h.description, true, true, "compiled into the program"});

    const std::filesystem::path cache = adasoftmaxCacheDir();
    std::error_code ec;
    const bool fmnistInstalled = std::filesystem::is_directory(kFashionMnistDir, ec);
    auto fmnist = [&](const char* name, const char* description, const char* firstUse) {
        const FashionMnistSpec spec = parseFashionMnistSpec(name);
        const auto file = cache.empty() ? std::filesystem::path{} : cache / fashionMnistCacheFileName(spec);
        std::error_code fe;
        const bool cached = !file.empty() && std::filesystem::is_regular_file(file, fe);
        BuiltinDataset d{name, description, cached || fmnistInstalled, cached, ""};
        if (cached)
            d.detail = "cached: " + file.string();
        else if (fmnistInstalled)
            d.detail = std::string("first use trains it (") + firstUse + ") and caches it";
        else
            d.detail
                = "unavailable: Fashion-MNIST is not installed; run `apt-get install dataset-fashion-mnist`";
        out.push_back(std::move(d));
    };
    fmnist("fmnist:pixels", "Fashion-MNIST multinomial logistic regression on the 784 pixels (10 × 784)",
           "a few seconds");
    fmnist("fmnist:rf", "Fashion-MNIST logistic regression on 8 192 random ReLU features (10 × 8192)",
           "about half a minute");

    const GloveStatus glove = gloveStatus();
    out.push_back({"glove:100d",
                   "GloVe 100-d word vectors (341 479 words × 100), analogy and neighbour queries",
                   glove.cached || glove.npmAvailable, glove.cached, glove.detail});

    const char* families[][2] = {
        {"synthetic:sanity", "the paper's sanity family: one planted best row (§8.1)"},
        {"synthetic:noisy", "the paper's noisy family: a planted row in Gaussian noise (§8.1)"},
        {"synthetic:random-mu", "the paper's random-μ family (§8.1)"},
        {"synthetic:high-variance", "the paper's high-variance family (§8.1)"},
        {"synthetic:llm-like", "an LLM-shaped head: Zipf-like logits, outlier dimensions (docs/llm-like.md)"},
    };
    for (const auto& f : families)
        out.push_back({f[0], f[1], true, true, "generated on request; parameters n, d, m, seed"});
    return out;
}

} // namespace ada
