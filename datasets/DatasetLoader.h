// One entry point for every dataset name the CLI and the studio accept, and the listing of the
// built-in ones:
//
//   synthetic:FAMILY?n=…&d=…&m=…&seed=…   the paper's families and llm-like (SyntheticDatasets.h)
//   fmnist:pixels, fmnist:rf[?d=D]         heads trained here on Debian's Fashion-MNIST (FashionMnist.h)
//   glove:100d                             GloVe 100-d word vectors, fetched with npm (Glove.h)
//   embedded:fmnist-pixels                 a small real head compiled into the program
//   PATH[?tensor=NAME&bias=NAME&queries=QPATH&labels=LPATH&temperature=T]
//       a file, recognised by its content: an HDF5 head (HEAD_FORMAT.md), a safetensors file or a
//       sharded checkpoint's *.index.json, a NumPy .npy or .npz. The options pick the head tensor and
//       its bias by name, and read queries (.npy/.npz, m × d) and labels (.npy integers) from
//       separate files; they apply to every format where they make sense.
#pragma once

#include "DatasetProgress.h"
#include "HeadFile.h"
#include "core/Head.h"

#include <string>
#include <string_view>
#include <vector>

namespace ada {

// Throws DatasetError with a message that names the dataset and the problem.
[[nodiscard]] Dataset loadDataset(std::string_view name, const ReadLimits& limits = {});
// The same, with progress (and cancel) for the names that train or download.
[[nodiscard]] Dataset loadDataset(std::string_view name, const ReadLimits& limits,
                                  const DatasetProgress& progress);

enum class FileFormat { Hdf5Head, Safetensors, SafetensorsIndex, Npy, Npz, Unknown };
[[nodiscard]] FileFormat detectFileFormat(const std::string& path);
[[nodiscard]] const char* fileFormatName(FileFormat format);

// A dataset name split into the file and its options (for the PATH form).
struct FileDatasetName {
    std::string path;
    std::string tensor, bias, queries, labels;
    std::string temperature; // as typed; empty: the file's own
};
// Recognises the PATH form: `name` itself when it is an existing file, else the part before '?'.
// Throws DatasetError for an unknown option.
[[nodiscard]] FileDatasetName parseFileDatasetName(std::string_view name);

// A built-in dataset as `adasoftmax datasets` and the studio list it.
struct BuiltinDataset {
    std::string name;
    std::string description;
    bool available = false; // usable now (maybe after a one-time build or download)
    bool ready = false;     // usable without downloading or training (cached, embedded, generated)
    std::string detail;     // why unavailable / what the first use does / the cached file
};
[[nodiscard]] std::vector<BuiltinDataset> builtinDatasets();

} // namespace ada
