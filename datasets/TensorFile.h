// What the tensor-file readers (safetensors, NumPy) share: a listing of the tensors a file declares,
// the options that pick the head among them, and the checks every reader applies to the values it
// converts (a memory limit checked before allocating, finiteness naming the row and column).
#pragma once

#include "HeadFile.h" // ReadLimits
#include "core/Head.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ada {

// A tensor as a file declares it, before any value is read.
struct TensorInfo {
    std::string name;                // "lm_head.weight", or an .npz member without ".npy"
    std::string dtype;               // as the file spells it: "F32", "BF16", "<f4", "<f2", …
    std::vector<std::int64_t> shape; // row-major, as declared
    std::string file;                // the file that holds it (a shard of a sharded checkpoint)
};

// How a tensor file becomes a head. Empty names mean "use the format's rules" (documented at each
// reader); a named tensor that is missing or not 2-D is an error that lists the candidates.
struct TensorFileOptions {
    std::string tensor; // the head W (n × d)
    std::string bias;   // its bias b (n)
    ReadLimits limits;
};

// Throws DatasetError "<file>: <what> would need X of memory, more than the limit of Y" when
// `bytes` exceeds limits.maxBytes. Call it before allocating.
void checkMemoryLimit(const std::string& file, std::string_view what, long double bytes,
                      const ReadLimits& limits);

// The `cols` of a 1-D array for the readers and checks below. Not 0: a 2-D array may have zero
// columns (shape [5, 0] holds no values), and reading it as five entries wrote past the empty
// matrix (a fuzz_numpy crash).
inline constexpr std::int64_t kVectorCols = -1;

// Throws DatasetError "<file>: <what> has a non-finite value (nan) at row R, column C" for the
// first non-finite entry of a row-major rows × cols block whose first row is `firstRow`.
// (`cols` == kVectorCols means a 1-D array: "at entry R".) Values are checked as converted, so a
// float64 that overflows float32 is reported as "outside the float32 range".
void checkFiniteDoubles(const std::string& file, std::string_view what, const double* values,
                        std::int64_t rows, std::int64_t cols, std::int64_t firstRow = 0);
void checkFiniteFloats(const std::string& file, std::string_view what, const float* values, std::int64_t rows,
                       std::int64_t cols, std::int64_t firstRow = 0);

// "2 × 3", "[5]" style shape text for messages.
[[nodiscard]] std::string shapeText(const std::vector<std::int64_t>& shape);
// "1.50 GiB" / "12.00 MiB" / "512 bytes".
[[nodiscard]] std::string byteText(long double bytes);

} // namespace ada
