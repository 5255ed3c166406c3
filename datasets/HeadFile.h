// The HDF5 model-head format, version 1 (shared/HEAD_FORMAT.md): a reader that enforces every rule
// of the contract with an error naming the file and the path, and a writer.
#pragma once

#include "core/Head.h"

#include <cstdint>
#include <string>

namespace ada {

struct ReadLimits {
    // The most memory the reader may allocate for the head and queries (float32 in memory).
    // A file whose declared shapes need more is refused before anything is allocated.
    std::uint64_t maxBytes = std::uint64_t{8} << 30; // 8 GiB
};

inline constexpr int kHeadFormatVersion = 1;

// Throws DatasetError with a message naming the file and the offending path / row / column.
// Safe to call from any thread: HDF5 calls are serialized inside (a serial HDF5 is not thread-safe).
// float64 values outside the float32 range are refused rather than silently turned into ±inf.
[[nodiscard]] Dataset readHeadFile(const std::string& path, const ReadLimits& limits = {});

// Writes float32 datasets (gzip-compressed, chunked) and the root attributes. Throws DatasetError.
void writeHeadFile(const Dataset& dataset, const std::string& path);

} // namespace ada
