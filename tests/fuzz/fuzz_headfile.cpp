// libFuzzer target: the HDF5 head validation layer (datasets/HeadFile.h). Raw bytes would mostly
// fuzz the HDF5 library's own parser (third-party, not ours); instead each input *describes* an
// HDF5 file that the library writes and reads without complaint: which of /head/weight, /head/bias,
// /queries/x, /queries/label, /queries/exclude and /vocab exist, their ranks, shapes (including
// absurd declared shapes with nothing stored), dtypes and values (NaN, Inf, huge float64), and the
// root attributes. readHeadFile must accept it or throw DatasetError, never crash or over-allocate.
#include "FuzzSupport.h"

#include "datasets/DatasetError.h"
#include "datasets/HeadFile.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <hdf5.h>

#include <string>
#include <vector>

namespace {

// IEEE half precision as h5py defines it (HDF5 1.10 has no predefined float16 type).
hid_t float16()
{
    const hid_t t = H5Tcopy(H5T_IEEE_F32LE);
    H5Tset_fields(t, 15, 10, 5, 0, 10);
    H5Tset_size(t, 2);
    H5Tset_ebias(t, 15);
    return t;
}

hid_t pickFloat(int which)
{
    return which == 0 ? H5Tcopy(H5T_NATIVE_FLOAT) : which == 1 ? H5Tcopy(H5T_NATIVE_DOUBLE) : float16();
}

hid_t pickType(FuzzedDataProvider& in, bool preferFloat)
{
    static const hid_t* ints[] = {&H5T_NATIVE_INT8, &H5T_NATIVE_INT32, &H5T_NATIVE_INT64, &H5T_NATIVE_UINT64};
    const int choice = in.ConsumeIntegralInRange<int>(0, 9);
    if (choice < 6 && preferFloat)
        return pickFloat(choice % 3);
    if (choice < 6)
        return H5Tcopy(*ints[choice % 4]);
    if (choice == 6)
        return pickFloat(in.ConsumeIntegralInRange<int>(0, 2));
    if (choice == 7)
        return H5Tcopy(*ints[in.ConsumeIntegralInRange<int>(0, 3)]);
    const hid_t s = H5Tcopy(H5T_C_S1); // a string dataset where numbers belong
    H5Tset_size(s, choice == 8 ? H5T_VARIABLE : 4);
    return s;
}

void writeDataset(hid_t file, const char* path, FuzzedDataProvider& in, bool preferFloat, int usualRank)
{
    if (in.ConsumeIntegralInRange<int>(0, 3) == 0)
        return; // absent
    const int rank = in.ConsumeBool() ? usualRank : in.ConsumeIntegralInRange<int>(0, 3);
    const bool huge = in.ConsumeIntegralInRange<int>(0, 15) == 0;
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    hsize_t count = 1;
    for (auto& d : dims) {
        d = huge ? in.ConsumeIntegralInRange<hsize_t>(1, hsize_t{1} << 40)
                 : in.ConsumeIntegralInRange<hsize_t>(0, 6);
        count *= d;
    }
    const hid_t type = pickType(in, preferFloat);
    const hid_t space = rank == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(rank, dims.data(), nullptr);
    const hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
    H5Pset_create_intermediate_group(lcpl, 1);
    const hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    if (huge && rank > 0) { // chunked and never written: HDF5 stores nothing, the shape claims it all
        std::vector<hsize_t> chunk(std::size_t(rank), 1);
        H5Pset_chunk(dcpl, rank, chunk.data());
    }
    const hid_t dset = H5Dcreate2(file, path, type, space, lcpl, dcpl, H5P_DEFAULT);
    if (dset >= 0 && !huge && count > 0) {
        if (H5Tis_variable_str(type) > 0) {
            std::vector<std::string> texts(count);
            std::vector<const char*> ptrs(count);
            for (hsize_t i = 0; i < count; ++i) {
                texts[i] = in.ConsumeRandomLengthString(16);
                ptrs[i] = texts[i].c_str();
            }
            H5Dwrite(dset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data());
        } else {
            std::vector<std::uint8_t> bytes = in.ConsumeBytes<std::uint8_t>(count * H5Tget_size(type));
            bytes.resize(count * H5Tget_size(type), 0); // raw bytes: NaN, Inf and huge values included
            H5Dwrite(dset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data());
        }
    }
    if (dset >= 0)
        H5Dclose(dset);
    H5Pclose(dcpl);
    H5Pclose(lcpl);
    H5Sclose(space);
    H5Tclose(type);
}

void stringAttribute(hid_t file, const char* name, const std::string& value)
{
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, value.empty() ? 1 : value.size());
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = H5Acreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    if (attr >= 0) {
        H5Awrite(attr, type, value.c_str());
        H5Aclose(attr);
    }
    H5Sclose(space);
    H5Tclose(type);
}

void writeScalarAttribute(hid_t file, const char* name, hid_t type, const void* value)
{
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = H5Acreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    if (attr >= 0) {
        H5Awrite(attr, type, value);
        H5Aclose(attr);
    }
    H5Sclose(space);
}

void numberAttribute(hid_t file, const char* name, double value)
{
    writeScalarAttribute(file, name, H5T_NATIVE_DOUBLE, &value);
}

void integerAttribute(hid_t file, const char* name, long long value)
{
    writeScalarAttribute(file, name, H5T_NATIVE_LLONG, &value);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); // the reader reports; HDF5's own stack printing is noise
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    const std::string path = (fuzz::workDir() / "head.h5").string();
    const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (file < 0)
        return 0;
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
    case 0: break; // no format attribute
    case 1: stringAttribute(file, "format", in.ConsumeRandomLengthString(20)); break;
    case 2: integerAttribute(file, "format", 1); break;
    default: stringAttribute(file, "format", "adasoftmax-head");
    }
    switch (in.ConsumeIntegralInRange<int>(0, 7)) {
    case 0: break;
    case 1: stringAttribute(file, "version", "1"); break;
    case 2: numberAttribute(file, "version", in.ConsumeFloatingPoint<double>()); break;
    case 3: integerAttribute(file, "version", in.ConsumeIntegral<int>()); break;
    default: integerAttribute(file, "version", 1);
    }
    switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: break;
    case 1: stringAttribute(file, "temperature", "hot"); break;
    default: numberAttribute(file, "temperature", in.ConsumeFloatingPoint<double>());
    }
    writeDataset(file, "/head/weight", in, true, 2);
    writeDataset(file, "/head/bias", in, true, 1);
    writeDataset(file, "/queries/x", in, true, 2);
    writeDataset(file, "/queries/label", in, false, 1);
    writeDataset(file, "/queries/exclude", in, false, 2);
    writeDataset(file, "/vocab", in, false, 1);
    H5Fclose(file);
    try {
        (void)ada::readHeadFile(path, fuzz::limits());
    } catch (const ada::DatasetError&) {
    }
    return 0;
}
