// Internal HDF5 helpers for the head reader and writer; see Hdf5Support.h.
#include "Hdf5Support.h"

#include <cstdint>
#include <cstdio>

namespace ada::hdf5 {

std::mutex& mutex()
{
    static std::mutex instance;
    return instance;
}

// E.g. " (truncated file: eof = …)" for a cut-short file.
std::string detail()
{
    std::string text;
    H5Ewalk2(
        H5E_DEFAULT, H5E_WALK_UPWARD,
        [](unsigned n, const H5E_error2_t* err, void* out) -> herr_t {
            if (n == 0 && err->desc)
                *static_cast<std::string*>(out) = err->desc;
            return 0;
        },
        &text);
    return text.empty() ? std::string() : " (" + text + ")";
}

std::string formatBytes(double bytes)
{
    char buf[64];
    const double gibs = bytes / double(std::uint64_t{1} << 30);
    if (gibs >= 0.01)
        std::snprintf(buf, sizeof buf, "%.2f GiB", gibs);
    else if (bytes >= double(1 << 20))
        std::snprintf(buf, sizeof buf, "%.2f MiB", bytes / double(1 << 20));
    else
        std::snprintf(buf, sizeof buf, "%.0f bytes", bytes);
    return buf;
}

std::string number(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

std::string shapeText(const std::vector<hsize_t>& dims)
{
    std::string out = "[";
    for (std::size_t i = 0; i < dims.size(); ++i)
        out += (i ? ", " : "") + std::to_string(dims[i]);
    return out + "]";
}

// A name for an HDF5 datatype in NumPy's words, for messages.
std::string typeName(hid_t type)
{
    const auto size = H5Tget_size(type);
    switch (H5Tget_class(type)) {
    case H5T_INTEGER:
        return std::string(H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(8 * size);
    case H5T_FLOAT: return "float" + std::to_string(8 * size);
    case H5T_STRING: return "string";
    case H5T_COMPOUND: return "compound";
    case H5T_ENUM: return "enum";
    case H5T_ARRAY: return "array";
    case H5T_VLEN: return "variable-length sequence";
    case H5T_BITFIELD: return "bitfield";
    case H5T_OPAQUE: return "opaque";
    case H5T_REFERENCE: return "reference";
    default: return "unknown type";
    }
}

} // namespace ada::hdf5
