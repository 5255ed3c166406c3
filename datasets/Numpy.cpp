// NumPy .npy / .npz reader. The .npy format: a 6-byte magic, a version, the length of a header that
// is a Python dict literal ({'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }), then the
// raw data. An .npz is a zip of such files (NpzArchive). Headers are parsed and every declared size
// checked before anything is allocated; values are converted block by block, so that float16 and
// float64 heads need no second full copy.
#include "Numpy.h"

#include "DatasetError.h"
#include "HalfFloat.h"
#include "NpzArchive.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <optional>

namespace ada {

namespace {

using npz::ByteSource;
using npz::kNpyMagic;
using npz::NpyHeader;

[[noreturn]] void fail(const std::string& context, const std::string& what)
{
    throw DatasetError(context + ": " + what);
}

std::string typeName(const NpyHeader& h)
{
    const std::string bits = std::to_string(8 * h.itemSize);
    return h.kind == 'f' ? "float" + bits
        : h.kind == 'i'  ? "int" + bits
        : h.kind == 'u'  ? "uint" + bits
                         : h.descr;
}

// What an array is read as: the noun for messages, its rank and element family.
struct Role {
    const char* noun; // "a head must be 2-D", "unsupported dtype <i8 for a head"
    int rank;
    bool integer;
};
constexpr Role kHead{"a head", 2, false}, kQueries{"queries", 2, false}, kMatrix{"a matrix", 2, false},
    kBias{"a bias", 1, false}, kVector{"a vector", 1, false}, kLabels{"labels", 1, true},
    kIntegers{"integers", 1, true};

bool accepts(const Role& role, const NpyHeader& h)
{
    if (h.structured)
        return false;
    if (role.integer)
        return (h.kind == 'i' || h.kind == 'u')
            && (h.itemSize == 1 || h.itemSize == 2 || h.itemSize == 4 || h.itemSize == 8);
    return h.kind == 'f' && (h.itemSize == 2 || h.itemSize == 4 || h.itemSize == 8);
}

std::string rankText(const std::vector<std::int64_t>& shape)
{
    if (shape.empty())
        return "a scalar";
    if (shape.size() == 1)
        return "1-D (" + std::to_string(shape[0]) + " entries)";
    return std::to_string(shape.size()) + "-D (" + shapeText(shape) + ")";
}

void validate(const std::string& ctx, const NpyHeader& h, const Role& role)
{
    if (!accepts(role, h)) {
        const char* hint = h.structured ? " (a structured dtype)" : h.kind == 'O' ? " (Python objects)" : "";
        fail(ctx,
             "unsupported dtype " + h.descr + hint + " for " + role.noun + "; this reader supports "
                 + (role.integer ? "int8, int16, int32, int64, uint8, uint16, uint32, uint64"
                                 : "float16, float32, float64"));
    }
    if (static_cast<int>(h.shape.size()) != role.rank)
        fail(ctx,
             "the array is " + rankText(h.shape) + "; " + role.noun + " must be " + std::to_string(role.rank)
                 + "-D");
    // Other code counts rows and columns in int.
    for (const auto dim : h.shape)
        if (dim > INT_MAX)
            fail(ctx,
                 "the array has shape " + shapeText(h.shape)
                     + "; dimensions above 2147483647 are not supported");
}

long double elements(const NpyHeader& h)
{
    long double count = 1;
    for (const auto dim : h.shape)
        count *= static_cast<long double>(dim);
    return count;
}

// The data the header declares must be there; overflow-checked (dimensions are below 2^31 by now).
void checkData(const std::string& ctx, const NpyHeader& h)
{
    std::uint64_t bytes = static_cast<std::uint64_t>(h.itemSize);
    bool overflow = false;
    for (const auto dim : h.shape)
        overflow = overflow || __builtin_mul_overflow(bytes, static_cast<std::uint64_t>(dim), &bytes);
    if (overflow || bytes > h.available)
        fail(ctx,
             "truncated: the header declares " + shapeText(h.shape) + " " + typeName(h) + " ("
                 + (overflow ? std::string("more than 2^64") : std::to_string(bytes))
                 + " bytes of data) but only " + std::to_string(h.available) + " bytes follow");
}

void readExact(ByteSource& src, char* out, std::size_t count)
{
    const std::size_t got = src.read(out, count);
    if (got != count)
        fail(src.context(),
             "the data ends " + std::to_string(count - got)
                 + " bytes early; the file is truncated or damaged");
}

template <typename T>
T load(const unsigned char* p, bool swap)
{
    unsigned char bytes[sizeof(T)];
    if (swap)
        std::reverse_copy(p, p + sizeof(T), bytes);
    else
        std::memcpy(bytes, p, sizeof(T));
    T v;
    std::memcpy(&v, bytes, sizeof v);
    return v;
}

bool needsSwap(const NpyHeader& h)
{
    return (h.byteOrder == '<' && std::endian::native == std::endian::big)
        || (h.byteOrder == '>' && std::endian::native == std::endian::little);
}

template <int Size>
double loadFloat(const unsigned char* p, bool swap)
{
    if constexpr (Size == 2)
        return halfToFloat(load<std::uint16_t>(p, swap));
    else if constexpr (Size == 4)
        return load<float>(p, swap);
    else
        return load<double>(p, swap);
}

constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

// Reads the data into `out`, row-major rows × cols (kVectorCols: a 1-D array of `rows`), transposing
// Fortran order. A non-finite or out-of-float32-range value is reported only after the whole member
// (and its CRC) is read, so damage is not mistaken for bad values; in Fortran order that also
// lets the report name the first bad value in row-major order, like every other reader.
template <int Size>
void readFloats(ByteSource& src, const NpyHeader& h, float* out, std::int64_t rows, std::int64_t cols)
{
    const std::int64_t width = cols == kVectorCols ? 1 : cols;
    const auto count = static_cast<std::uint64_t>(rows) * static_cast<std::uint64_t>(width);
    const bool swap = needsSwap(h);
    const bool transpose = h.fortran && rows > 1 && cols > 1;
    if (Size == 4 && !transpose) { // float32 in row order: straight into place
        readExact(src, reinterpret_cast<char*>(out), count * 4);
        if (swap)
            for (std::uint64_t k = 0; k < count; ++k)
                out[k] = load<float>(reinterpret_cast<const unsigned char*>(out + k), true);
        src.finish();
        checkFiniteFloats(src.context(), "the array", out, rows, cols);
        return;
    }
    std::vector<unsigned char> block(std::min<std::uint64_t>(kBlockBytes, count * Size));
    std::uint64_t badAt = UINT64_MAX;
    double badValue = 0.0;
    for (std::uint64_t k = 0; k < count;) {
        const std::uint64_t n = std::min<std::uint64_t>(count - k, kBlockBytes / Size);
        readExact(src, reinterpret_cast<char*>(block.data()), n * Size);
        for (std::uint64_t j = 0; j < n; ++j, ++k) {
            const double v = loadFloat<Size>(block.data() + j * Size, swap);
            const std::uint64_t at
                = transpose ? (k % std::uint64_t(rows)) * std::uint64_t(cols) + k / std::uint64_t(rows) : k;
            const bool ok = std::fabs(v) <= double(std::numeric_limits<float>::max()); // false for NaN
            out[at] = ok ? static_cast<float>(v) : 0.0f; // an out-of-range cast would be undefined
            if (!ok && at < badAt) {
                badAt = at;
                badValue = v;
            }
        }
    }
    src.finish();
    if (badAt != UINT64_MAX) { // the shared helper writes the message, from a row holding the value
        const auto w = static_cast<std::uint64_t>(width); // > 0: a value was read
        std::vector<double> row(w, 0.0);
        row[badAt % w] = badValue;
        checkFiniteDoubles(src.context(), "the array", row.data(), 1, cols, std::int64_t(badAt / w));
    }
}

void readFloatData(ByteSource& src, const NpyHeader& h, float* out, std::int64_t rows, std::int64_t cols)
{
    switch (h.itemSize) {
    case 2: readFloats<2>(src, h, out, rows, cols); break;
    case 4: readFloats<4>(src, h, out, rows, cols); break;
    default: readFloats<8>(src, h, out, rows, cols); break;
    }
}

std::vector<std::int64_t> readIntegerData(ByteSource& src, const NpyHeader& h)
{
    const auto count = static_cast<std::size_t>(h.shape[0]);
    std::vector<std::int64_t> out(count);
    const bool swap = needsSwap(h), isSigned = h.kind == 'i';
    const auto size = static_cast<std::size_t>(h.itemSize);
    std::vector<unsigned char> block(std::min(kBlockBytes, count * size));
    std::optional<std::pair<std::size_t, std::uint64_t>> bad; // uint64 values beyond int64
    for (std::size_t k = 0; k < count;) {
        const std::size_t n = std::min(count - k, kBlockBytes / size);
        readExact(src, reinterpret_cast<char*>(block.data()), n * size);
        for (std::size_t j = 0; j < n; ++j, ++k) {
            const unsigned char* p = block.data() + j * size;
            switch (size) {
            case 1: out[k] = isSigned ? std::int64_t(std::int8_t(p[0])) : std::int64_t(p[0]); break;
            case 2: // (each branch widened on its own: int32 ? … : uint32 would be uint32)
                out[k] = isSigned ? std::int64_t(load<std::int16_t>(p, swap)) : load<std::uint16_t>(p, swap);
                break;
            case 4:
                out[k] = isSigned ? std::int64_t(load<std::int32_t>(p, swap)) : load<std::uint32_t>(p, swap);
                break;
            default:
                if (isSigned)
                    out[k] = load<std::int64_t>(p, swap);
                else if (const auto u = load<std::uint64_t>(p, swap); u <= std::uint64_t(INT64_MAX))
                    out[k] = static_cast<std::int64_t>(u);
                else if (!bad)
                    bad = std::pair{k, u};
            }
        }
    }
    src.finish();
    if (bad)
        fail(src.context(),
             "the value " + std::to_string(bad->second) + " at entry " + std::to_string(bad->first)
                 + " does not fit in int64");
    return out;
}

enum class Kind { Npy, Npz };

Kind detect(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        fail(path, "no such file");
    if (std::filesystem::is_directory(path, ec))
        fail(path, "is a directory, not a NumPy file");
    std::ifstream in(path, std::ios::binary);
    char magic[6] = {};
    if (!in)
        fail(path, "cannot open the file");
    in.read(magic, sizeof magic);
    const auto got = in.gcount();
    if (got == 0)
        fail(path, "the file is empty");
    if (got == 6 && std::memcmp(magic, kNpyMagic, 6) == 0)
        return Kind::Npy;
    if (got >= 4 && (std::memcmp(magic, "PK\3\4", 4) == 0 || std::memcmp(magic, "PK\5\6", 4) == 0))
        return Kind::Npz;
    fail(path,
         "not a NumPy file: it starts with neither the .npy magic \\x93NUMPY nor the zip signature "
         "of an .npz");
}

// A .npy file (one array, named after its stem) or an .npz archive (one array per .npy member),
// with the headers read on demand and kept.
class NumpyFile {
public:
    explicit NumpyFile(std::string path)
        : path_(std::move(path))
    {
        if (detect(path_) == Kind::Npz)
            archive_ = std::make_unique<npz::Archive>(path_);
        else
            names_ = {std::filesystem::path(path_).stem().string()};
        if (archive_)
            for (const auto& m : archive_->members())
                if (m.name.size() > 4 && m.name.ends_with(".npy"))
                    names_.push_back(m.name.substr(0, m.name.size() - 4));
        std::sort(names_.begin(), names_.end());
    }

    [[nodiscard]] bool npz() const { return archive_ != nullptr; }
    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] const std::vector<std::string>& names() const { return names_; }
    [[nodiscard]] bool has(const std::string& name) const
    {
        return std::binary_search(names_.begin(), names_.end(), name);
    }
    [[nodiscard]] std::string context(const std::string& name) const
    {
        return npz() ? path_ + ": member '" + name + ".npy'" : path_;
    }

    // The array's source, positioned after its header. Throws for a missing member.
    std::unique_ptr<ByteSource> open(const std::string& name, NpyHeader& header)
    {
        std::unique_ptr<ByteSource> src;
        if (!npz())
            src = npz::openFile(path_);
        else if (const auto* member = has(name) ? archive_->find(name + ".npy") : nullptr)
            src = archive_->open(*member);
        else
            fail(path_, "has no member '" + name + ".npy'; its members are: " + membersText());
        header = npz::readNpyHeader(*src);
        headers_[name] = header;
        return src;
    }
    const NpyHeader& header(const std::string& name)
    {
        if (!headers_.count(name)) {
            NpyHeader h;
            (void)open(name, h);
        }
        return headers_.at(name);
    }

    [[nodiscard]] std::string membersText() const
    {
        std::string out;
        for (const auto& m : archive_->members())
            out += (out.empty() ? "" : ", ") + m.name;
        return out.empty() ? "none (the archive is empty)" : out;
    }
    // "b (<f4, [5]), x (<f4, 3 × 7)".
    std::string arraysText()
    {
        std::string out;
        for (const auto& name : names_)
            out += (out.empty() ? "" : ", ") + name + " (" + header(name).descr + ", "
                + shapeText(header(name).shape) + ")";
        return out.empty() ? "none" : out;
    }
    std::vector<std::string> matrices(const std::vector<std::string>& except = {})
    {
        std::vector<std::string> out;
        for (const auto& name : names_)
            if (std::find(except.begin(), except.end(), name) == except.end()
                && accepts(kMatrix, header(name)) && header(name).shape.size() == 2)
                out.push_back(name);
        return out;
    }

    // `member` as the caller spelled it ("W" or "W.npy"); "" for a .npy file.
    std::string resolve(const std::string& member) const
    {
        if (!npz())
            return names_.front();
        if (member.empty())
            fail(path_, "no member named to read; its members are: " + membersText());
        return member.ends_with(".npy") && !has(member) ? member.substr(0, member.size() - 4) : member;
    }

private:
    std::string path_;
    std::unique_ptr<npz::Archive> archive_;
    std::vector<std::string> names_;
    std::map<std::string, NpyHeader> headers_;
};

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::optional<std::string> firstPresent(const NumpyFile& file, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        if (file.has(name))
            return name;
    return std::nullopt;
}

// One array for the public single-array readers: header, role, memory limit, size, then the data.
template <typename Result, typename Read>
Result readOne(NumpyFile& file, const std::string& member, const Role& role, const ReadLimits& limits,
               Read read)
{
    NpyHeader h;
    auto src = file.open(file.resolve(member), h);
    validate(src->context(), h, role);
    checkMemoryLimit(src->context(), "the array (" + shapeText(h.shape) + ")",
                     elements(h) * (role.integer ? 8.0L : 4.0L), limits);
    checkData(src->context(), h);
    return read(*src, h);
}

RowMatrixF readMatrix(ByteSource& src, const NpyHeader& h)
{
    RowMatrixF m(h.shape[0], h.shape[1]);
    readFloatData(src, h, m.data(), h.shape[0], h.shape[1]);
    return m;
}

Eigen::VectorXf readVector(ByteSource& src, const NpyHeader& h)
{
    Eigen::VectorXf v(h.shape[0]);
    readFloatData(src, h, v.data(), h.shape[0], kVectorCols);
    return v;
}

const std::vector<std::string> kQueryNames = {"x", "X", "queries"};

std::string queriesMember(NumpyFile& file)
{
    if (const auto q = firstPresent(file, {"x", "X", "queries"}))
        return *q;
    const auto candidates = file.matrices();
    if (candidates.size() != 1)
        fail(file.path(),
             "has no member x, X or queries, and " + std::to_string(candidates.size())
                 + " 2-D float arrays instead of one; its arrays are: " + file.arraysText());
    return candidates.front();
}

// W by the rules of readNumpyHead (Numpy.h).
std::string headMember(NumpyFile& file, const std::string& named)
{
    if (!named.empty()) {
        const std::string name = file.resolve(named);
        if (!file.has(name))
            fail(file.path(), "has no member '" + name + ".npy'; its members are: " + file.membersText());
        try {
            validate(file.context(name), file.header(name), kHead);
        } catch (const DatasetError& e) {
            throw DatasetError(std::string(e.what())
                               + "; the 2-D float arrays are: " + joined(file.matrices()));
        }
        return name;
    }
    if (const auto w = firstPresent(file, {"weight", "W", "A", "lm_head.weight"}))
        return *w;
    const auto candidates = file.matrices(kQueryNames);
    if (candidates.empty())
        fail(file.path(),
             "has no 2-D float array to use as the head W; its arrays are: " + file.arraysText());
    if (candidates.size() > 1)
        fail(file.path(),
             "has no member weight, W, A or lm_head.weight, and several 2-D float arrays could be the "
             "head W ("
                 + joined(candidates) + "); name the one to use");
    return candidates.front();
}

} // namespace

bool looksLikeNpy(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[6] = {};
    return in.read(magic, sizeof magic) && std::memcmp(magic, kNpyMagic, 6) == 0;
}

bool looksLikeNpz(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, sizeof magic)
        && (std::memcmp(magic, "PK\3\4", 4) == 0 || std::memcmp(magic, "PK\5\6", 4) == 0);
}

std::vector<TensorInfo> listNumpy(const std::string& path)
{
    NumpyFile file(path);
    std::vector<TensorInfo> out;
    for (const auto& name : file.names())
        out.push_back({name, file.header(name).descr, file.header(name).shape, path});
    return out;
}

RowMatrixF readNumpyMatrix(const std::string& path, const std::string& member, const ReadLimits& limits)
{
    NumpyFile file(path);
    return readOne<RowMatrixF>(file, member, kMatrix, limits, readMatrix);
}

Eigen::VectorXf readNumpyVector(const std::string& path, const std::string& member, const ReadLimits& limits)
{
    NumpyFile file(path);
    return readOne<Eigen::VectorXf>(file, member, kVector, limits, readVector);
}

std::vector<std::int64_t> readNumpyIntegers(const std::string& path, const std::string& member,
                                            const ReadLimits& limits)
{
    NumpyFile file(path);
    return readOne<std::vector<std::int64_t>>(file, member, kIntegers, limits, readIntegerData);
}

RowMatrixF readNumpyQueries(const std::string& path, const ReadLimits& limits)
{
    NumpyFile file(path);
    return readOne<RowMatrixF>(file, file.npz() ? queriesMember(file) : "", kQueries, limits, readMatrix);
}

Dataset readNumpyHead(const std::string& path, const TensorFileOptions& options)
{
    NumpyFile file(path);
    std::string w;
    std::optional<std::string> q, b, y;
    if (!file.npz())
        w = file.names().front();
    else {
        w = headMember(file, options.tensor);
        q = firstPresent(file, {"x", "X", "queries"});
        b = options.bias.empty() ? firstPresent(file, {"bias", "b"}) : file.resolve(options.bias);
        y = firstPresent(file, {"label", "labels", "y"});
    }
    const std::string headName = file.npz() ? w : "W";

    // Every header, shape and size first, so that a bad file fails before any allocation.
    const NpyHeader hw = file.header(w);
    validate(file.context(w), hw, kHead);
    const std::int64_t n = hw.shape[0], d = hw.shape[1];
    if (n < 2 || d < 1)
        fail(file.context(w),
             "the head has shape " + shapeText(hw.shape) + "; it needs at least 2 rows and 1 column");
    std::int64_t m = 0;
    NpyHeader hq, hb, hy;
    if (q) {
        hq = file.header(*q);
        validate(file.context(*q), hq, kQueries);
        m = hq.shape[0];
        if (hq.shape[1] != d)
            fail(file.context(*q),
                 "has " + std::to_string(hq.shape[1]) + " columns but the head " + headName + " has "
                     + std::to_string(d));
    }
    if (b) {
        hb = file.header(*b); // throws for a named bias that is missing
        validate(file.context(*b), hb, kBias);
        if (hb.shape[0] != n)
            fail(file.context(*b),
                 "has " + std::to_string(hb.shape[0]) + " entries but the head " + headName + " has "
                     + std::to_string(n) + " rows");
    }
    if (y) {
        hy = file.header(*y);
        validate(file.context(*y), hy, kLabels);
        if (hy.shape[0] != m)
            fail(file.context(*y),
                 "has " + std::to_string(hy.shape[0]) + " entries but there are " + std::to_string(m)
                     + " queries" + (q ? " in " + *q : ""));
    }
    const long double bytes
        = 4.0L * (elements(hw) + (q ? elements(hq) : 0) + (b ? n : 0)) + (y ? 8.0L * m : 0);
    checkMemoryLimit(path,
                     (file.npz() ? headName : std::string("the array")) + " (" + shapeText(hw.shape) + ")"
                         + (q ? " and queries " + *q + " (" + shapeText(hq.shape) + ")" : ""),
                     bytes, options.limits);
    checkData(file.context(w), hw);
    if (q)
        checkData(file.context(*q), hq);
    if (b)
        checkData(file.context(*b), hb);
    if (y)
        checkData(file.context(*y), hy);

    Dataset out;
    out.name = path;
    NpyHeader h;
    out.head.weight = readMatrix(*file.open(w, h), h);
    std::string description = headName + " (" + hw.descr + ", " + shapeText(hw.shape) + ")";
    if (q) {
        out.queries = readMatrix(*file.open(*q, h), h);
        description += ", queries " + *q + " (" + hq.descr + ", " + shapeText(hq.shape) + ")";
    }
    if (b) {
        out.head.bias = readVector(*file.open(*b, h), h);
        description += ", bias " + *b;
    }
    if (y) {
        out.labels = readIntegerData(*file.open(*y, h), h);
        description += ", labels " + *y;
    }
    out.description = description + " from " + std::filesystem::path(path).filename().string();
    return out;
}

} // namespace ada
