// The HDF5 head format, version 1 (shared/HEAD_FORMAT.md), read through the HDF5 C API. The
// reader checks every rule of the contract and every declared shape before it allocates anything.
#include "HeadFile.h"

#include "DatasetError.h"
#include "Hdf5Support.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace ada {

namespace {

using hdf5::ErrorSilencer;
using hdf5::Handle;

class Reader {
public:
    Reader(std::string path, const ReadLimits& limits)
        : path_(std::move(path))
        , limits_(limits)
    {
    }

    Dataset read();

private:
    struct Array {
        Handle dset, type, space;
        std::vector<hsize_t> dims;
        std::string path;
    };

    [[noreturn]] void fail(const std::string& what) const { throw DatasetError(path_ + ": " + what); }
    bool exists(const std::string& hdfPath) const;
    std::optional<Array> open(const std::string& hdfPath, int rank);
    void requireFloat(const Array& a) const;
    void requireInteger(const Array& a) const;
    std::optional<std::string> stringAttribute(const char* name);
    std::optional<double> numberAttribute(const char* name, bool integer);
    void readFloats(const Array& a, float* out);
    [[noreturn]] void badValue(const Array& a, double v, hsize_t row, hsize_t col) const;
    std::vector<std::int64_t> readIntegers(const Array& a);
    std::vector<std::string> readStrings(const Array& a);
    std::vector<std::vector<int>> readExclusions(const Array& a);
    void checkMemory(const std::optional<Array>& bias, const std::optional<Array>& queries,
                     const std::optional<Array>& labels, const std::optional<Array>& vocab) const;

    std::string path_;
    ReadLimits limits_;
    Handle file_;
    hsize_t n_ = 0, d_ = 0;
    std::vector<hsize_t> weightDims_;
};

bool Reader::exists(const std::string& hdfPath) const
{
    // H5Lexists fails rather than answering "no" when a parent group is missing, so walk the path.
    std::string prefix;
    std::size_t start = 1;
    while (start <= hdfPath.size()) {
        const auto slash = hdfPath.find('/', start);
        prefix = hdfPath.substr(0, slash);
        if (H5Lexists(file_.get(), prefix.c_str(), H5P_DEFAULT) <= 0)
            return false;
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return true;
}

std::optional<Reader::Array> Reader::open(const std::string& hdfPath, int rank)
{
    if (!exists(hdfPath))
        return std::nullopt;
    Array a;
    a.path = hdfPath;
    // A chunk cache larger than HDF5's 1 MiB default, so that a chunk spanning two read blocks
    // is decompressed once.
    Handle dapl(H5Pcreate(H5P_DATASET_ACCESS), H5Pclose);
    if (!dapl.valid() || H5Pset_chunk_cache(dapl.get(), H5D_CHUNK_CACHE_NSLOTS_DEFAULT, 64 << 20, 1.0) < 0)
        fail("cannot open " + hdfPath + hdf5::detail());
    a.dset = Handle(H5Dopen2(file_.get(), hdfPath.c_str(), dapl.get()), H5Dclose);
    if (!a.dset.valid())
        fail(hdfPath + " is not a readable dataset" + hdf5::detail());
    a.type = Handle(H5Dget_type(a.dset.get()), H5Tclose);
    a.space = Handle(H5Dget_space(a.dset.get()), H5Sclose);
    if (!a.type.valid() || !a.space.valid())
        fail("cannot read the type or shape of " + hdfPath + hdf5::detail());
    const int actual = H5Sget_simple_extent_ndims(a.space.get());
    if (actual < 0)
        fail("cannot read the shape of " + hdfPath + hdf5::detail());
    a.dims.resize(static_cast<std::size_t>(actual));
    if (actual > 0 && H5Sget_simple_extent_dims(a.space.get(), a.dims.data(), nullptr) < 0)
        fail("cannot read the shape of " + hdfPath + hdf5::detail());
    if (actual != rank)
        fail(hdfPath + " must be " + std::to_string(rank) + "-D, but it has shape "
             + hdf5::shapeText(a.dims));
    // Other code counts rows and columns in int; no real head comes near this.
    for (auto dim : a.dims)
        if (dim > static_cast<hsize_t>(std::numeric_limits<int>::max()))
            fail(hdfPath + " declares the shape " + hdf5::shapeText(a.dims)
                 + "; dimensions above 2147483647 are not supported");
    return a;
}

void Reader::requireFloat(const Array& a) const
{
    const auto size = H5Tget_size(a.type.get());
    if (H5Tget_class(a.type.get()) != H5T_FLOAT || (size != 2 && size != 4 && size != 8))
        fail(a.path + " has dtype " + hdf5::typeName(a.type.get())
             + "; expected float16, float32 or float64");
}

void Reader::requireInteger(const Array& a) const
{
    if (H5Tget_class(a.type.get()) != H5T_INTEGER)
        fail(a.path + " has dtype " + hdf5::typeName(a.type.get()) + "; expected an integer type");
}

std::optional<std::string> Reader::stringAttribute(const char* name)
{
    if (H5Aexists(file_.get(), name) <= 0)
        return std::nullopt;
    const std::string what = "the root attribute '" + std::string(name) + "'";
    Handle attr(H5Aopen(file_.get(), name, H5P_DEFAULT), H5Aclose);
    if (!attr.valid())
        fail("cannot open " + what + hdf5::detail());
    Handle type(H5Aget_type(attr.get()), H5Tclose);
    Handle space(H5Aget_space(attr.get()), H5Sclose);
    if (!type.valid() || !space.valid())
        fail("cannot read " + what + hdf5::detail());
    if (H5Tget_class(type.get()) != H5T_STRING || H5Sget_simple_extent_npoints(space.get()) != 1)
        fail(what + " must be a single string, but its type is " + hdf5::typeName(type.get()));
    Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_cset(mem.get(), H5Tget_cset(type.get()));
    std::string value;
    if (H5Tis_variable_str(type.get()) > 0) {
        H5Tset_size(mem.get(), H5T_VARIABLE);
        char* text = nullptr;
        if (H5Aread(attr.get(), mem.get(), &text) < 0)
            fail("cannot read " + what + hdf5::detail());
        if (text)
            value = text;
        H5free_memory(text);
    } else {
        const auto size = H5Tget_size(type.get());
        std::vector<char> buf(size + 1, '\0');
        H5Tset_size(mem.get(), size);
        H5Tset_strpad(mem.get(), H5T_STR_NULLPAD);
        if (H5Aread(attr.get(), mem.get(), buf.data()) < 0)
            fail("cannot read " + what + hdf5::detail());
        value.assign(buf.data(), strnlen(buf.data(), size));
    }
    return value;
}

std::optional<double> Reader::numberAttribute(const char* name, bool integer)
{
    if (H5Aexists(file_.get(), name) <= 0)
        return std::nullopt;
    const std::string what = "the root attribute '" + std::string(name) + "'";
    Handle attr(H5Aopen(file_.get(), name, H5P_DEFAULT), H5Aclose);
    if (!attr.valid())
        fail("cannot open " + what + hdf5::detail());
    Handle type(H5Aget_type(attr.get()), H5Tclose);
    Handle space(H5Aget_space(attr.get()), H5Sclose);
    if (!type.valid() || !space.valid())
        fail("cannot read " + what + hdf5::detail());
    const auto cls = H5Tget_class(type.get());
    const bool ok = cls == H5T_INTEGER || (!integer && cls == H5T_FLOAT);
    if (!ok || H5Sget_simple_extent_npoints(space.get()) != 1)
        fail(what + " must be a single " + (integer ? "integer" : "number") + ", but its type is "
             + hdf5::typeName(type.get()));
    double value = 0.0;
    if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value) < 0)
        fail("cannot read " + what + hdf5::detail());
    return value;
}

void Reader::checkMemory(const std::optional<Array>& bias, const std::optional<Array>& queries,
                         const std::optional<Array>& labels, const std::optional<Array>& vocab) const
{
    // Every dimension is below 2^31 (checked in open), so these products fit in 64 bits; the sum is
    // taken in long double only to report sizes that are absurd but still exact enough to read.
    const long double m = queries ? static_cast<long double>(queries->dims[0]) : 0.0L;
    long double bytes = 4.0L * (static_cast<long double>(n_) * d_ + m * d_);
    if (bias)
        bytes += 4.0L * n_;
    if (labels)
        bytes += 8.0L * labels->dims[0];
    if (vocab) // a std::string per name, plus the fixed-length buffer where there is one
        bytes += static_cast<long double>(vocab->dims[0])
            * (sizeof(std::string)
               + (H5Tis_variable_str(vocab->type.get()) > 0 ? 16 : H5Tget_size(vocab->type.get())));
    if (bytes > static_cast<long double>(limits_.maxBytes))
        fail("/head/weight " + hdf5::shapeText(weightDims_)
             + (queries ? " and /queries/x " + hdf5::shapeText(queries->dims) : "") + " would need "
             + hdf5::formatBytes(static_cast<double>(bytes)) + " of memory, more than the limit of "
             + hdf5::formatBytes(static_cast<double>(limits_.maxBytes)));
}

void Reader::readFloats(const Array& a, float* out)
{
    // Read in blocks of at most 2^20 values as double: every float16/32/64 value converts exactly,
    // so the finiteness and float32-range checks see the file's own values, and the extra memory
    // is one block (8 MiB) rather than a second copy of the head, however wide a row is.
    constexpr hsize_t kBlock = hsize_t{1} << 20;
    const int rank = static_cast<int>(a.dims.size());
    const hsize_t rows = a.dims[0];
    const hsize_t cols = rank == 2 ? a.dims[1] : 1;
    const hsize_t colsPerBlock = std::min(cols, kBlock);
    const hsize_t rowsPerBlock = std::max<hsize_t>(1, kBlock / colsPerBlock);
    std::vector<double> block(static_cast<std::size_t>(std::min(rows, rowsPerBlock) * colsPerBlock));
    for (hsize_t r0 = 0; r0 < rows; r0 += rowsPerBlock) {
        for (hsize_t c0 = 0; c0 < cols; c0 += colsPerBlock) {
            const hsize_t count[2] = {std::min(rowsPerBlock, rows - r0), std::min(colsPerBlock, cols - c0)};
            const hsize_t start[2] = {r0, c0};
            Handle memSpace(H5Screate_simple(rank, count, nullptr), H5Sclose);
            if (!memSpace.valid()
                || H5Sselect_hyperslab(a.space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr) < 0
                || H5Dread(a.dset.get(), H5T_NATIVE_DOUBLE, memSpace.get(), a.space.get(), H5P_DEFAULT,
                           block.data())
                    < 0)
                fail("cannot read " + a.path + hdf5::detail());
            for (hsize_t r = 0; r < count[0]; ++r) {
                const double* src = block.data() + r * count[1];
                float* dst = out + (r0 + r) * cols + c0;
                for (hsize_t c = 0; c < count[1]; ++c) {
                    const double v = src[c];
                    if (!std::isfinite(v) || std::fabs(v) > double(std::numeric_limits<float>::max()))
                        badValue(a, v, r0 + r, c0 + c);
                    dst[c] = static_cast<float>(v);
                }
            }
        }
    }
}

void Reader::badValue(const Array& a, double v, hsize_t row, hsize_t col) const
{
    const std::string where = a.dims.size() == 2
        ? "row " + std::to_string(row) + ", column " + std::to_string(col)
        : "entry " + std::to_string(row);
    if (std::isnan(v))
        fail(a.path + " has a non-finite value (nan) at " + where);
    if (std::isinf(v))
        fail(a.path + " has a non-finite value (" + (v > 0 ? "inf" : "-inf") + ") at " + where);
    fail(a.path + " has the value " + hdf5::number(v) + " at " + where + ", outside the float32 range");
}

std::vector<std::int64_t> Reader::readIntegers(const Array& a)
{
    std::vector<std::int64_t> out(static_cast<std::size_t>(a.dims[0]));
    if (!out.empty()
        && H5Dread(a.dset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0)
        fail("cannot read " + a.path + hdf5::detail());
    return out;
}

std::vector<std::vector<int>> Reader::readExclusions(const Array& a)
{
    const auto rows = static_cast<std::size_t>(a.dims[0]);
    const auto width = static_cast<std::size_t>(a.dims[1]);
    std::vector<std::int64_t> flat(rows * width);
    if (!flat.empty()
        && H5Dread(a.dset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, flat.data()) < 0)
        fail("cannot read " + a.path + hdf5::detail());
    std::vector<std::vector<int>> out(rows);
    for (std::size_t q = 0; q < rows; ++q)
        for (std::size_t c = 0; c < width; ++c) {
            const std::int64_t arm = flat[q * width + c];
            if (arm == -1)
                continue; // padding
            if (arm < 0 || arm >= static_cast<std::int64_t>(n_))
                fail(a.path + " has the value " + std::to_string(arm) + " at row " + std::to_string(q)
                     + ", column " + std::to_string(c) + "; expected a row of /head/weight (0 … "
                     + std::to_string(n_ - 1) + ") or −1 for padding");
            out[q].push_back(static_cast<int>(arm));
        }
    return out;
}

std::vector<std::string> Reader::readStrings(const Array& a)
{
    const auto count = static_cast<std::size_t>(a.dims[0]);
    std::vector<std::string> out(count);
    if (count == 0)
        return out;
    Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_cset(mem.get(), H5Tget_cset(a.type.get()));
    if (H5Tis_variable_str(a.type.get()) > 0) {
        H5Tset_size(mem.get(), H5T_VARIABLE);
        std::vector<char*> ptrs(count, nullptr);
        if (H5Dread(a.dset.get(), mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()) < 0)
            fail("cannot read " + a.path + hdf5::detail());
        for (std::size_t i = 0; i < count; ++i)
            if (ptrs[i])
                out[i] = ptrs[i];
#if H5_VERSION_GE(1, 12, 0)
        H5Treclaim(mem.get(), a.space.get(), H5P_DEFAULT, ptrs.data());
#else
        H5Dvlen_reclaim(mem.get(), a.space.get(), H5P_DEFAULT, ptrs.data());
#endif
    } else {
        const auto size = H5Tget_size(a.type.get());
        H5Tset_size(mem.get(), size);
        H5Tset_strpad(mem.get(), H5T_STR_NULLPAD);
        std::vector<char> buf(count * size);
        if (H5Dread(a.dset.get(), mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) < 0)
            fail("cannot read " + a.path + hdf5::detail());
        for (std::size_t i = 0; i < count; ++i)
            out[i].assign(buf.data() + i * size, strnlen(buf.data() + i * size, size));
    }
    return out;
}

Dataset Reader::read()
{
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec))
        fail("no such file");
    if (std::filesystem::is_directory(path_, ec))
        fail("is a directory, not an HDF5 file");
#if H5_VERSION_GE(1, 12, 0)
    const htri_t isHdf5 = H5Fis_accessible(path_.c_str(), H5P_DEFAULT);
#else
    const htri_t isHdf5 = H5Fis_hdf5(path_.c_str());
#endif
    if (isHdf5 == 0)
        fail("not an HDF5 file (HEAD_FORMAT.md describes the expected layout)");
    if (isHdf5 < 0)
        fail("cannot open the file" + hdf5::detail());
    file_ = Handle(H5Fopen(path_.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file_.valid())
        fail("cannot open as HDF5; the file may be truncated or damaged" + hdf5::detail());

    const auto format = stringAttribute("format");
    if (!format)
        fail("the root attribute 'format' is missing; this is not an adasoftmax head file (HEAD_FORMAT.md)");
    if (*format != hdf5::kFormatName)
        fail("the root attribute 'format' is '" + *format + "', expected '" + hdf5::kFormatName + "'");
    const auto version = numberAttribute("version", true);
    if (!version)
        fail("the root attribute 'version' is missing");
    if (*version > kHeadFormatVersion)
        fail("written by format version " + hdf5::number(*version) + "; this build reads version "
             + std::to_string(kHeadFormatVersion));
    if (*version < 1)
        fail("unknown format version " + hdf5::number(*version) + "; this build reads version "
             + std::to_string(kHeadFormatVersion));

    Dataset out;
    out.name = path_;
    if (const auto t = numberAttribute("temperature", false)) {
        if (!std::isfinite(*t) || !(*t > 0.0))
            fail("the root attribute 'temperature' must be a positive finite number, got "
                 + hdf5::number(*t));
        out.head.temperature = *t;
    }
    out.model = stringAttribute("model").value_or("");
    out.source = stringAttribute("dataset").value_or("");
    out.description = stringAttribute("description").value_or("");

    // Shapes and types of everything first, so a bad file fails before any allocation.
    auto weight = open("/head/weight", 2);
    if (!weight)
        fail("/head/weight is missing");
    requireFloat(*weight);
    weightDims_ = weight->dims;
    n_ = weight->dims[0];
    d_ = weight->dims[1];
    if (n_ < 2 || d_ < 1)
        fail("/head/weight has shape " + hdf5::shapeText(weight->dims)
             + "; it needs at least 2 rows and 1 column");
    auto bias = open("/head/bias", 1);
    if (bias) {
        requireFloat(*bias);
        if (bias->dims[0] != n_)
            fail("/head/bias has " + std::to_string(bias->dims[0]) + " entries but /head/weight has "
                 + std::to_string(n_) + " rows");
    }
    auto queries = open("/queries/x", 2);
    if (queries) {
        requireFloat(*queries);
        if (queries->dims[1] != d_)
            fail("/queries/x has " + std::to_string(queries->dims[1]) + " columns but /head/weight has "
                 + std::to_string(d_));
    }
    auto labels = open("/queries/label", 1);
    if (labels) {
        requireInteger(*labels);
        const hsize_t m = queries ? queries->dims[0] : 0;
        if (labels->dims[0] != m)
            fail("/queries/label has " + std::to_string(labels->dims[0]) + " entries but there are "
                 + std::to_string(m) + " queries in /queries/x");
    }
    // An extension of version 1 (readers that do not know it ignore it, as HEAD_FORMAT.md allows):
    // /queries/exclude, integers [m, w], row q = the arms masked out for query q, padded with −1.
    auto exclude = open("/queries/exclude", 2);
    if (exclude) {
        requireInteger(*exclude);
        const hsize_t m = queries ? queries->dims[0] : 0;
        if (exclude->dims[0] != m)
            fail("/queries/exclude has " + std::to_string(exclude->dims[0]) + " rows but there are "
                 + std::to_string(m) + " queries in /queries/x");
    }
    auto vocab = open("/vocab", 1);
    if (vocab) {
        if (H5Tget_class(vocab->type.get()) != H5T_STRING)
            fail("/vocab has dtype " + hdf5::typeName(vocab->type.get()) + "; expected strings");
        if (vocab->dims[0] != n_)
            fail("/vocab has " + std::to_string(vocab->dims[0]) + " names but /head/weight has "
                 + std::to_string(n_) + " rows");
    }
    checkMemory(bias, queries, labels, vocab);
    if (exclude
        && static_cast<long double>(exclude->dims[0]) * exclude->dims[1] * 8.0L
            > static_cast<long double>(limits_.maxBytes))
        fail("/queries/exclude " + hdf5::shapeText(exclude->dims)
             + " would need more memory than the limit of "
             + hdf5::formatBytes(static_cast<double>(limits_.maxBytes)));

    out.head.weight.resize(static_cast<Eigen::Index>(n_), static_cast<Eigen::Index>(d_));
    readFloats(*weight, out.head.weight.data());
    if (bias) {
        out.head.bias.resize(static_cast<Eigen::Index>(n_));
        readFloats(*bias, out.head.bias.data());
    }
    if (queries) {
        out.queries.resize(static_cast<Eigen::Index>(queries->dims[0]), static_cast<Eigen::Index>(d_));
        if (queries->dims[0] > 0)
            readFloats(*queries, out.queries.data());
    }
    if (labels)
        out.labels = readIntegers(*labels);
    if (vocab)
        out.vocab = readStrings(*vocab);
    if (exclude)
        out.excludedArms = readExclusions(*exclude);
    return out;
}

} // namespace

Dataset readHeadFile(const std::string& path, const ReadLimits& limits)
{
    std::lock_guard lock(hdf5::mutex());
    ErrorSilencer silence;
    return Reader(path, limits).read();
}

} // namespace ada
