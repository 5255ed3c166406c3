// Writes the HDF5 head format, version 1 (shared/HEAD_FORMAT.md): the layout h5py users write,
// float32 chunked + shuffle + gzip, so that readHeadFile(writeHeadFile(x)) is bit-identical.
#include "HeadFile.h"

#include "DatasetError.h"
#include "Hdf5Support.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace ada {

namespace {

using hdf5::ErrorSilencer;
using hdf5::Handle;

class Writer {
public:
    explicit Writer(std::string path)
        : path_(std::move(path))
    {
    }
    // Sets `created` once the file exists, so the caller knows whether there is a partial file.
    void write(const Dataset& dataset, bool& created);

private:
    [[noreturn]] void fail(const std::string& what) const { throw DatasetError(path_ + ": " + what); }
    void check(herr_t status, const std::string& what) const
    {
        if (status < 0)
            fail("cannot write " + what + hdf5::detail());
    }
    Handle group(const char* name);
    // /queries/exclude (the masked-query extension, HeadFile.cpp): int64 [m, w], −1 padded.
    void exclusions(hid_t parent, const Dataset& ds) const
    {
        std::size_t width = 0;
        for (const auto& e : ds.excludedArms)
            width = std::max(width, e.size());
        const hsize_t dims[2] = {ds.excludedArms.size(), width};
        std::vector<std::int64_t> flat(ds.excludedArms.size() * width, -1);
        for (std::size_t q = 0; q < ds.excludedArms.size(); ++q)
            std::copy(ds.excludedArms[q].begin(), ds.excludedArms[q].end(), flat.begin() + q * width);
        Handle space(H5Screate_simple(2, dims, nullptr), H5Sclose);
        Handle dset(
            H5Dcreate2(parent, "exclude", H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
            H5Dclose);
        if (!dset.valid())
            fail("cannot create /queries/exclude" + hdf5::detail());
        check(H5Dwrite(dset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, flat.data()),
              "/queries/exclude");
    }
    void floats(hid_t parent, const char* name, const std::string& path, const float* data, hsize_t rows,
                hsize_t cols, int rank);
    void stringAttribute(const char* name, const std::string& value);
    template <typename T>
    void scalarAttribute(const char* name, hid_t fileType, hid_t memType, T value);

    std::string path_;
    Handle file_;
};

Handle Writer::group(const char* name)
{
    Handle g(H5Gcreate2(file_.get(), name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
    if (!g.valid())
        fail(std::string("cannot create the group ") + name + hdf5::detail());
    return g;
}

void Writer::floats(hid_t parent, const char* name, const std::string& path, const float* data, hsize_t rows,
                    hsize_t cols, int rank)
{
    // Chunks of about 1 MiB: small enough for HDF5's default chunk cache, large enough to compress.
    constexpr hsize_t kChunkElements = hsize_t{1} << 18;
    const hsize_t dims[2] = {rows, cols};
    const hsize_t chunkCols = rank == 2 ? std::min(cols, kChunkElements) : 1;
    const hsize_t chunk[2] = {std::clamp<hsize_t>(kChunkElements / chunkCols, 1, rows), chunkCols};
    Handle space(H5Screate_simple(rank, dims, nullptr), H5Sclose);
    Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    if (!space.valid() || !dcpl.valid())
        fail("cannot write " + path + hdf5::detail());
    // Shuffle before deflate: grouping the floats' bytes by significance compresses better.
    check(H5Pset_chunk(dcpl.get(), rank, chunk), path);
    check(H5Pset_shuffle(dcpl.get()), path);
    check(H5Pset_deflate(dcpl.get(), 4), path);
    Handle dset(H5Dcreate2(parent, name, H5T_IEEE_F32LE, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                H5Dclose);
    if (!dset.valid())
        fail("cannot create " + path + hdf5::detail());
    check(H5Dwrite(dset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), path);
}

void Writer::stringAttribute(const char* name, const std::string& value)
{
    // Variable-length UTF-8, as h5py writes a Python str.
    Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    const std::string what = std::string("the attribute '") + name + "'";
    if (!type.valid() || !space.valid())
        fail("cannot write " + what + hdf5::detail());
    check(H5Tset_size(type.get(), H5T_VARIABLE), what);
    check(H5Tset_cset(type.get(), H5T_CSET_UTF8), what);
    Handle attr(H5Acreate2(file_.get(), name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    if (!attr.valid())
        fail("cannot write " + what + hdf5::detail());
    const char* text = value.c_str();
    check(H5Awrite(attr.get(), type.get(), &text), what);
}

template <typename T>
void Writer::scalarAttribute(const char* name, hid_t fileType, hid_t memType, T value)
{
    const std::string what = std::string("the attribute '") + name + "'";
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attr(H5Acreate2(file_.get(), name, fileType, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    if (!attr.valid())
        fail("cannot write " + what + hdf5::detail());
    check(H5Awrite(attr.get(), memType, &value), what);
}

void Writer::write(const Dataset& ds, bool& created)
{
    file_ = Handle(H5Fcreate(path_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    if (!file_.valid())
        fail("cannot create the file" + hdf5::detail());
    created = true;
    stringAttribute("format", hdf5::kFormatName);
    scalarAttribute<std::int64_t>("version", H5T_STD_I64LE, H5T_NATIVE_INT64, kHeadFormatVersion);
    scalarAttribute<double>("temperature", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, ds.head.temperature);
    if (!ds.model.empty())
        stringAttribute("model", ds.model);
    if (!ds.source.empty())
        stringAttribute("dataset", ds.source);
    if (!ds.description.empty())
        stringAttribute("description", ds.description);

    const auto n = static_cast<hsize_t>(ds.head.arms());
    const auto d = static_cast<hsize_t>(ds.head.dim());
    {
        Handle head = group("/head");
        floats(head.get(), "weight", "/head/weight", ds.head.weight.data(), n, d, 2);
        if (ds.head.hasBias())
            floats(head.get(), "bias", "/head/bias", ds.head.bias.data(), n, 1, 1);
    }
    const auto m = static_cast<hsize_t>(ds.queries.rows());
    if (m > 0 || !ds.labels.empty()) {
        Handle queries = group("/queries");
        if (m > 0)
            floats(queries.get(), "x", "/queries/x", ds.queries.data(), m, d, 2);
        if (!ds.labels.empty()) {
            const hsize_t count = ds.labels.size();
            Handle space(H5Screate_simple(1, &count, nullptr), H5Sclose);
            Handle dset(H5Dcreate2(queries.get(), "label", H5T_STD_I64LE, space.get(), H5P_DEFAULT,
                                   H5P_DEFAULT, H5P_DEFAULT),
                        H5Dclose);
            if (!dset.valid())
                fail("cannot create /queries/label" + hdf5::detail());
            check(H5Dwrite(dset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, ds.labels.data()),
                  "/queries/label");
        }
        if (std::any_of(ds.excludedArms.begin(), ds.excludedArms.end(),
                        [](const auto& e) { return !e.empty(); }))
            exclusions(queries.get(), ds);
    }
    if (!ds.vocab.empty()) {
        const hsize_t count = ds.vocab.size();
        Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
        check(H5Tset_size(type.get(), H5T_VARIABLE), "/vocab");
        check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "/vocab");
        Handle space(H5Screate_simple(1, &count, nullptr), H5Sclose);
        Handle dset(
            H5Dcreate2(file_.get(), "/vocab", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
            H5Dclose);
        if (!dset.valid())
            fail("cannot create /vocab" + hdf5::detail());
        std::vector<const char*> ptrs;
        ptrs.reserve(ds.vocab.size());
        for (const auto& s : ds.vocab)
            ptrs.push_back(s.c_str());
        check(H5Dwrite(dset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), "/vocab");
    }
    if (!file_.close())
        fail("cannot finish writing the file" + hdf5::detail());
}

} // namespace

void writeHeadFile(const Dataset& dataset, const std::string& path)
{
    // Refuse what the reader would refuse, rather than write a file nobody can open.
    try {
        dataset.validate();
    } catch (const std::invalid_argument& e) {
        throw DatasetError(path + ": cannot write an invalid dataset: " + e.what());
    }
    std::lock_guard lock(hdf5::mutex());
    ErrorSilencer silence;
    bool created = false;
    try {
        Writer writer(path);
        writer.write(dataset, created);
    } catch (const DatasetError&) {
        // The writer's handles are closed by now; do not leave half a file behind.
        std::error_code ec;
        if (created)
            std::filesystem::remove(path, ec);
        throw;
    }
}

} // namespace ada
