// NumPy's .npy arrays and .npz archives (a zip of .npy members) as heads, queries, biases and labels.
// The .npy header is parsed strictly (exactly the dict numpy writes, format versions 1.0–3.0), every
// declared size is checked against the file and the memory limit before anything is allocated, and
// every error is a DatasetError whose message starts with the file (and, in an .npz, the member).
#pragma once

#include "TensorFile.h"
#include "core/Head.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ada {

// By content, not by name: ".npy" starts with "\x93NUMPY"; an .npz is a zip ("PK\3\4", or "PK\5\6"
// for an empty archive). False for files that cannot be read.
[[nodiscard]] bool looksLikeNpy(const std::string& path);
[[nodiscard]] bool looksLikeNpz(const std::string& path);

// .npy: one entry named after the file stem; .npz: every .npy member (name without ".npy"). Dtypes
// as the header spells them ("<f4"), shapes as declared, sorted by name. Reads headers only, so a
// structured or oversized array is listed; a malformed header is an error.
[[nodiscard]] std::vector<TensorInfo> listNumpy(const std::string& path);

// A 2-D float array (float16/32/64, any byte order, C or Fortran order) as float32 row-major.
// `member` names the array of an .npz, with or without ".npy" (ignored for an .npy file). The
// memory limit is checked from the header before allocating; every value must be finite.
[[nodiscard]] RowMatrixF readNumpyMatrix(const std::string& path, const std::string& member,
                                         const ReadLimits& limits = {});
// A 1-D float array (a bias).
[[nodiscard]] Eigen::VectorXf readNumpyVector(const std::string& path, const std::string& member,
                                              const ReadLimits& limits = {});
// A 1-D integer array (labels): int8–int64 or uint8–uint64, any byte order; values beyond int64
// are refused.
[[nodiscard]] std::vector<std::int64_t> readNumpyIntegers(const std::string& path, const std::string& member,
                                                          const ReadLimits& limits = {});

// A head. An .npy file is W. In an .npz:
//   W       options.tensor, else the first of "weight", "W", "A", "lm_head.weight", else the only
//           2-D float array that is not a query matrix (else an error listing the 2-D arrays);
//   queries "x", "X" or "queries" (2-D, d columns), optional;
//   bias    options.bias, else "bias" or "b" (1-D, n entries), optional;
//   labels  "label", "labels" or "y" (1-D integers, one per query), optional.
// name is the path; description says which members were used.
[[nodiscard]] Dataset readNumpyHead(const std::string& path, const TensorFileOptions& options = {});

// A query matrix from a file of its own: an .npy, or the member x / X / queries of an .npz, else its
// only 2-D float array.
[[nodiscard]] RowMatrixF readNumpyQueries(const std::string& path, const ReadLimits& limits = {});

} // namespace ada
