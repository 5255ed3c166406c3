// One entry point for every dataset name the CLI and the studio accept: a synthetic spec or a
// path to an HDF5 head file.
#pragma once

#include "HeadFile.h"
#include "core/Head.h"

#include <string_view>

namespace ada {

// Throws DatasetError with a message that names the dataset and the problem.
[[nodiscard]] Dataset loadDataset(std::string_view name, const ReadLimits& limits = {});

} // namespace ada
