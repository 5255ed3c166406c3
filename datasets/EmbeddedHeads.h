// Heads compiled into the program (resources/), so that a real dataset works on a fresh machine
// with nothing downloaded: "embedded:fmnist-pixels", a small Fashion-MNIST logistic-regression head
// with 300 test queries (resources/make_fmnist_head.py). Shared by the CLI and the studio.
#pragma once

#include "HeadFile.h"
#include "core/Head.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ada {

struct EmbeddedHeadInfo {
    std::string name; // "embedded:fmnist-pixels"
    std::string description;
    std::size_t bytes = 0; // the embedded HDF5 file's size
};

[[nodiscard]] const std::vector<EmbeddedHeadInfo>& embeddedHeads();

// Reads an embedded head. HDF5 reads files, so the bytes are copied once to `cacheDir`
// (adasoftmaxCacheDir() when empty, else the system temp directory) and read from there; a copy of
// another size is rewritten. The dataset's name is the embedded name. Throws DatasetError.
[[nodiscard]] Dataset loadEmbeddedHead(std::string_view name, const ReadLimits& limits = {},
                                       const std::filesystem::path& cacheDir = {});

} // namespace ada
