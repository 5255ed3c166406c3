#include "TensorFile.h"

#include "DatasetError.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace ada {

namespace {

[[noreturn]] void badValue(const std::string& file, std::string_view what, double v, std::int64_t row,
                           std::int64_t col, bool matrix)
{
    const std::string where = matrix ? "row " + std::to_string(row) + ", column " + std::to_string(col)
                                     : "entry " + std::to_string(row);
    std::string problem;
    if (std::isnan(v))
        problem = "a non-finite value (nan)";
    else if (std::isinf(v))
        problem = std::string("a non-finite value (") + (v > 0 ? "inf" : "-inf") + ")";
    else {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", v);
        throw DatasetError(file + ": " + std::string(what) + " has the value " + buf + " at " + where
                           + ", outside the float32 range");
    }
    throw DatasetError(file + ": " + std::string(what) + " has " + problem + " at " + where);
}

template <typename T>
void checkFinite(const std::string& file, std::string_view what, const T* values, std::int64_t rows,
                 std::int64_t cols, std::int64_t firstRow)
{
    const std::int64_t width = cols == kVectorCols ? 1 : cols;
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < width; ++c) {
            const double v = static_cast<double>(values[r * width + c]);
            if (!std::isfinite(v) || std::fabs(v) > double(std::numeric_limits<float>::max()))
                badValue(file, what, v, firstRow + r, c, cols != kVectorCols);
        }
}

} // namespace

void checkMemoryLimit(const std::string& file, std::string_view what, long double bytes,
                      const ReadLimits& limits)
{
    if (bytes > static_cast<long double>(limits.maxBytes))
        throw DatasetError(file + ": " + std::string(what) + " would need " + byteText(bytes)
                           + " of memory, more than the limit of "
                           + byteText(static_cast<long double>(limits.maxBytes)));
}

void checkFiniteDoubles(const std::string& file, std::string_view what, const double* values,
                        std::int64_t rows, std::int64_t cols, std::int64_t firstRow)
{
    checkFinite(file, what, values, rows, cols, firstRow);
}

void checkFiniteFloats(const std::string& file, std::string_view what, const float* values, std::int64_t rows,
                       std::int64_t cols, std::int64_t firstRow)
{
    checkFinite(file, what, values, rows, cols, firstRow);
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    if (shape.empty())
        return "a scalar";
    std::string out;
    for (std::size_t i = 0; i < shape.size(); ++i)
        out += (i ? " × " : "") + std::to_string(shape[i]);
    return shape.size() == 1 ? "[" + out + "]" : out;
}

std::string byteText(long double bytes)
{
    char buf[64];
    const long double gib = bytes / static_cast<long double>(std::uint64_t{1} << 30);
    if (gib >= 0.01L)
        std::snprintf(buf, sizeof buf, "%.2Lf GiB", gib);
    else if (bytes >= static_cast<long double>(1 << 20))
        std::snprintf(buf, sizeof buf, "%.2Lf MiB", bytes / static_cast<long double>(1 << 20));
    else
        std::snprintf(buf, sizeof buf, "%.0Lf bytes", bytes);
    return buf;
}

} // namespace ada
