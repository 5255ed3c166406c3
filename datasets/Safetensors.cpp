// The safetensors reader. Nothing the file declares is trusted: the header length, every shape, dtype
// and offset is checked against the file before any byte it points at is read, and sizes are
// multiplied with overflow checks, so a damaged or hostile file is an error, never a wild read.
#include "Safetensors.h"

#include "DatasetError.h"
#include "HalfFloat.h"
#include "MappedFile.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <system_error>
#include <utility>

namespace ada {

namespace {

namespace fs = std::filesystem;

// The reference implementation's limit; a larger "length" means the file is something else.
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;

[[noreturn]] void fail(const std::string& file, const std::string& what)
{
    throw DatasetError(file + ": " + what);
}

std::string inQuotes(const std::string& name)
{
    return "'" + name + "'";
}

// A JSON value as compact text, for messages ("[2,-1]", "\"x\"", "5").
std::string jsonText(const QJsonValue& v)
{
    const QByteArray text = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2).toStdString();
}

// Little-endian loads byte by byte: correct on any host and at any alignment (the data section
// has none guaranteed); compilers turn them into plain loads on x86 and ARM.
std::uint16_t le16(const unsigned char* p)
{
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}
std::uint32_t le32(const unsigned char* p)
{
    return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16
        | std::uint32_t{p[3]} << 24;
}
std::uint64_t le64(const unsigned char* p)
{
    return le32(p) | std::uint64_t{le32(p + 4)} << 32;
}

// Bytes per element of the dtypes the format defines; the sizes of tensors we cannot convert are
// still checked, so a listing of a whole checkpoint validates every entry.
std::optional<std::uint64_t> dtypeSize(std::string_view dtype)
{
    if (dtype == "F64" || dtype == "I64" || dtype == "U64" || dtype == "C64")
        return 8;
    if (dtype == "F32" || dtype == "I32" || dtype == "U32")
        return 4;
    if (dtype == "F16" || dtype == "BF16" || dtype == "I16" || dtype == "U16")
        return 2;
    if (dtype == "BOOL" || dtype == "U8" || dtype == "I8" || dtype.starts_with("F8_"))
        return 1;
    return std::nullopt; // sub-byte (F4, F6_…) or unknown: offsets are still bounds-checked
}

// A tensor with where its bytes are: [dataStart + begin, dataStart + end) of info.file.
struct Entry {
    TensorInfo info;
    std::uint64_t dataStart = 0, begin = 0, end = 0;
};

struct Checkpoint {
    std::vector<Entry> entries;                                // sorted by name
    std::vector<std::pair<std::string, std::string>> metadata; // index "metadata", then __metadata__
};

// A non-negative integer that JSON spells exactly (toInteger refuses fractions and big doubles),
// or -1.
std::int64_t jsonCount(const QJsonValue& v)
{
    return v.isDouble() ? std::max<qint64>(v.toInteger(-1), -1) : -1;
}

// One tensor's header entry, checked against the data section ([dataStart, dataStart + dataSize)).
Entry parseEntry(const std::string& path, const std::string& name, const QJsonValue& value,
                 std::uint64_t dataStart, std::uint64_t dataSize)
{
    const auto bad = [&](const std::string& what) { fail(path, "tensor " + inQuotes(name) + what); };
    if (!value.isObject())
        fail(path,
             "the header entry for tensor " + inQuotes(name) + " is " + jsonText(value)
                 + ", not a JSON object");
    const QJsonObject object = value.toObject();
    Entry e{{name, {}, {}, path}, dataStart, 0, 0};

    const QJsonValue dtype = object.value("dtype");
    if (dtype.isUndefined())
        bad(" has no \"dtype\"");
    if (!dtype.isString())
        bad(" has the invalid \"dtype\" " + jsonText(dtype) + "; expected a string");
    e.info.dtype = dtype.toString().toStdString();

    const QJsonValue shape = object.value("shape");
    if (shape.isUndefined())
        bad(" has no \"shape\"");
    bool shapeOk = shape.isArray();
    for (const QJsonValue dim : shape.toArray()) {
        e.info.shape.push_back(jsonCount(dim));
        shapeOk = shapeOk && e.info.shape.back() >= 0;
    }
    if (!shapeOk)
        bad(" has the invalid \"shape\" " + jsonText(shape) + "; expected a list of non-negative integers");

    const QJsonValue offsets = object.value("data_offsets");
    if (offsets.isUndefined())
        bad(" has no \"data_offsets\"");
    const QJsonArray pair = offsets.toArray();
    const std::int64_t begin = pair.size() == 2 ? jsonCount(pair[0]) : -1;
    const std::int64_t end = pair.size() == 2 ? jsonCount(pair[1]) : -1;
    if (!offsets.isArray() || begin < 0 || end < 0)
        bad(" has the invalid \"data_offsets\" " + jsonText(offsets)
            + "; expected [begin, end] with non-negative integers");
    e.begin = static_cast<std::uint64_t>(begin);
    e.end = static_cast<std::uint64_t>(end);
    const std::string span = "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) + "]";
    if (e.begin > e.end)
        bad(" has " + span + " whose begin is after its end");
    if (e.end > dataSize)
        bad(" has " + span + " beyond the end of the data section (" + std::to_string(dataSize)
            + " bytes); the file is truncated or damaged");

    // product(shape) · element size, refusing anything that does not fit in 64 bits. Dtypes of
    // unknown size keep only the bounds check above; they cannot be converted anyway.
    if (const auto elementSize = dtypeSize(e.info.dtype)) {
        std::uint64_t bytes = *elementSize;
        bool overflow = false;
        for (const auto dim : e.info.shape) {
            const auto factor = static_cast<std::uint64_t>(dim);
            overflow = overflow || (factor != 0 && bytes > UINT64_MAX / factor);
            bytes *= factor; // wraps only once overflow is set
        }
        if (std::find(e.info.shape.begin(), e.info.shape.end(), 0) != e.info.shape.end())
            bytes = 0; // an empty tensor, however large its other dimensions
        else if (overflow)
            bad(" has the shape " + shapeText(e.info.shape)
                + ", too large to address (its size in bytes overflows 64 bits)");
        if (bytes != e.end - e.begin)
            bad(" is " + e.info.dtype + " of shape " + shapeText(e.info.shape) + ", which needs "
                + std::to_string(bytes) + " bytes, but its " + span + " span "
                + std::to_string(e.end - e.begin) + " bytes");
    }
    return e;
}

// Reads the header of a mapped file: every entry validated against the data section.
std::vector<Entry> parseHeader(const MappedFile& file, std::vector<std::pair<std::string, std::string>>* meta)
{
    const std::string& path = file.path();
    const std::uint64_t size = file.size();
    const unsigned char* data = file.data();
    if (size < 8)
        fail(path,
             "truncated: the file has " + std::to_string(size)
                 + " bytes, fewer than the 8-byte header length that starts a safetensors file");
    const std::uint64_t length = le64(data);
    if (length > kMaxHeaderBytes)
        fail(path,
             "not a safetensors file: its first 8 bytes give a header length of " + std::to_string(length)
                 + " bytes, more than the 100 MB a safetensors header may have");
    if (size > 8 && data[8] != '{')
        fail(path, "not a safetensors file: the header after the 8-byte length does not start with '{'");
    if (length > size - 8)
        fail(path,
             "truncated: the header length is " + std::to_string(length) + " bytes, but only "
                 + std::to_string(size - 8) + " bytes follow it");
    if (length == 0)
        fail(path, "not a safetensors file: the header length is 0");

    // Only the position of a JSON error: Qt's error texts are often misleading ("unterminated string"
    // for an unterminated object) and change between versions.
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data + 8), static_cast<qsizetype>(length)),
        &error);
    if (error.error != QJsonParseError::NoError)
        fail(path,
             "the header is not valid JSON (parsing failed at byte " + std::to_string(error.offset)
                 + " of the header)");
    if (!doc.isObject())
        fail(path, "the header is not a JSON object");

    const std::uint64_t dataStart = 8 + length;
    const QJsonObject header = doc.object();
    std::vector<Entry> out;
    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string name = it.key().toStdString();
        const QJsonValue value = it.value();
        if (name == "__metadata__") {
            if (!value.isObject())
                fail(path, "\"__metadata__\" must map strings to strings, but it is " + jsonText(value));
            const QJsonObject m = value.toObject();
            for (auto k = m.begin(); k != m.end(); ++k) {
                if (!k.value().isString())
                    fail(path,
                         "\"__metadata__\" must map strings to strings, but \"" + k.key().toStdString()
                             + "\" is " + jsonText(k.value()));
                if (meta)
                    meta->emplace_back(k.key().toStdString(), k.value().toString().toStdString());
            }
            continue;
        }
        out.push_back(parseEntry(path, name, value, dataStart, size - dataStart));
    }
    return out;
}

bool isIndexPath(const std::string& path)
{
    return path.ends_with(".index.json");
}

// The JSON object of a sharded checkpoint's index.
QJsonObject readIndex(const std::string& path)
{
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
        fail(path, "no such file");
    if (fs::is_directory(status))
        fail(path, "is a directory, not a safetensors index");
    if (!fs::is_regular_file(status))
        fail(path, "is not a regular file");
    const auto size = fs::file_size(path, ec);
    if (ec)
        fail(path, "cannot read the file's size (" + ec.message() + ")");
    if (size > kMaxHeaderBytes)
        fail(path, "not a safetensors index: the file is larger than 100 MB");
    std::ifstream in(path, std::ios::binary);
    QByteArray bytes(static_cast<qsizetype>(size), Qt::Uninitialized);
    if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size)))
        fail(path, "cannot read the file");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        fail(path,
             "not a safetensors index: the file is not valid JSON (parsing failed at byte "
                 + std::to_string(error.offset) + ")");
    if (!doc.isObject() || !doc.object().value("weight_map").isObject())
        fail(path, "not a safetensors index: it has no \"weight_map\" object");
    return doc.object();
}

Checkpoint loadCheckpoint(const std::string& path)
{
    Checkpoint out;
    if (!isIndexPath(path)) {
        const MappedFile file(path, "safetensors");
        out.entries = parseHeader(file, &out.metadata);
    } else {
        const QJsonObject index = readIndex(path);
        // Only its string entries ("total_size" is a number).
        const QJsonObject metadata = index.value("metadata").toObject();
        for (auto it = metadata.begin(); it != metadata.end(); ++it)
            if (it.value().isString())
                out.metadata.emplace_back(it.key().toStdString(), it.value().toString().toStdString());
        // Shards sit next to the index's real file, so a symlinked index still finds them.
        std::error_code ec;
        const fs::path dir = fs::canonical(path, ec).parent_path();
        if (ec)
            fail(path, "cannot resolve the file's location (" + ec.message() + ")");
        // shard name → the tensors the index puts there (sorted by tensor name)
        std::map<std::string, std::vector<std::string>> shards;
        const QJsonObject weightMap = index.value("weight_map").toObject();
        for (auto it = weightMap.begin(); it != weightMap.end(); ++it) {
            if (!it.value().isString() || it.value().toString().isEmpty())
                fail(path,
                     "the weight_map entry for tensor " + inQuotes(it.key().toStdString()) + " is "
                         + jsonText(it.value()) + ", not a shard file name");
            shards[it.value().toString().toStdString()].push_back(it.key().toStdString());
        }
        std::vector<std::pair<std::string, std::string>> shardMetadata;
        for (auto& [shard, tensors] : shards) {
            std::sort(tensors.begin(), tensors.end());
            const std::string shardPath = (dir / shard).string();
            if (!fs::exists(shardPath, ec))
                fail(path,
                     "shard " + inQuotes(shard) + " (holding tensor " + inQuotes(tensors.front())
                         + ") is missing: no such file " + shardPath);
            const MappedFile file(shardPath, "safetensors");
            std::vector<Entry> entries = parseHeader(file, &shardMetadata);
            for (const auto& tensor : tensors) {
                auto found = std::find_if(entries.begin(), entries.end(),
                                          [&](const Entry& e) { return e.info.name == tensor; });
                if (found == entries.end())
                    fail(path,
                         "the weight_map puts tensor " + inQuotes(tensor) + " in shard " + inQuotes(shard)
                             + ", but that shard has no such tensor");
                out.entries.push_back(std::move(*found));
            }
        }
        out.metadata.insert(out.metadata.end(), shardMetadata.begin(), shardMetadata.end());
    }
    std::sort(out.entries.begin(), out.entries.end(),
              [](const Entry& a, const Entry& b) { return a.info.name < b.info.name; });
    return out;
}

const Entry* findEntry(const Checkpoint& c, std::string_view name)
{
    for (const auto& e : c.entries)
        if (e.info.name == name)
            return &e;
    return nullptr;
}

// "the 2-D tensors are: a (5 × 7), b (4 × 4)", at most 20 of them.
std::string twoDimensionalList(const std::vector<TensorInfo>& tensors)
{
    constexpr std::size_t kShown = 20;
    std::vector<const TensorInfo*> matrices;
    for (const auto& t : tensors)
        if (t.shape.size() == 2)
            matrices.push_back(&t);
    if (matrices.empty())
        return "there are no 2-D tensors";
    std::sort(matrices.begin(), matrices.end(), [](auto* a, auto* b) { return a->name < b->name; });
    std::string out = "the 2-D tensors are: ";
    for (std::size_t i = 0; i < std::min(matrices.size(), kShown); ++i)
        out += (i ? ", " : "") + matrices[i]->name + " (" + shapeText(matrices[i]->shape) + ")";
    if (matrices.size() > kShown)
        out += ", … and " + std::to_string(matrices.size() - kShown) + " more";
    return out;
}

// Where Hugging Face architectures keep the input embedding that a tied head reuses.
// clang-format off
constexpr std::array<std::string_view, 8> kEmbeddingNames{
    "model.embed_tokens.weight", "transformer.wte.weight", "token_embd.weight",
    "model.decoder.embed_tokens.weight", "gpt_neox.embed_in.weight", "embed_tokens.weight", "wte.weight",
    "word_embeddings.weight"};
// clang-format on
constexpr std::array<std::string_view, 3> kEmbeddingSuffixes{"embed_tokens.weight", "wte.weight",
                                                             "word_embeddings.weight"};

bool isEmbeddingName(std::string_view name)
{
    return std::find(kEmbeddingNames.begin(), kEmbeddingNames.end(), name) != kEmbeddingNames.end()
        || std::any_of(kEmbeddingSuffixes.begin(), kEmbeddingSuffixes.end(),
                       [&](std::string_view s) { return name.ends_with(s); });
}

// A 2-D tensor's rows and columns, within what the rest of the code counts in int.
std::pair<std::int64_t, std::int64_t> matrixShape(const std::string& path, const TensorInfo& t)
{
    if (t.shape.size() != 2)
        fail(path, "tensor " + inQuotes(t.name) + " has shape " + shapeText(t.shape) + ", not 2-D");
    for (const auto dim : t.shape)
        if (dim > INT_MAX)
            fail(path,
                 "tensor " + inQuotes(t.name) + " has shape " + shapeText(t.shape)
                     + "; dimensions above 2147483647 are not supported");
    return {t.shape[0], t.shape[1]};
}

void requireConvertible(const TensorInfo& t)
{
    const std::string& d = t.dtype;
    if (d != "F32" && d != "F16" && d != "BF16" && d != "F64")
        fail(t.file,
             "unsupported dtype " + d + " for tensor " + inQuotes(t.name)
                 + "; this reader supports F32, F16, BF16, F64");
}

// Converts `rows` × `cols` values of `e` to float32 (kVectorCols: a vector of `rows`) and checks each.
void readValues(const Entry& e, float* out, std::int64_t rows, std::int64_t cols)
{
    requireConvertible(e.info);
    const MappedFile file(e.info.file, "safetensors");
    // The file may have changed since its header was validated; check again before reading.
    if (file.size() < e.dataStart || file.size() - e.dataStart < e.end)
        fail(e.info.file,
             "the file changed while it was being read (it is now " + std::to_string(file.size())
                 + " bytes)");
    const unsigned char* src = file.data() + e.dataStart + e.begin;
    const std::int64_t width = cols == kVectorCols ? 1 : cols;
    const auto count = static_cast<std::size_t>(rows * width);
    if (count == 0)
        return; // e.g. shape [5, 0]: nothing to convert (and no block size to divide by)
    const std::string what = "tensor " + inQuotes(e.info.name);
    const std::string& dtype = e.info.dtype;
    if (dtype == "F64") {
        // Checked as double first, so values beyond the float32 range are refused, not made ±inf;
        // in blocks, so the extra memory stays small however large the tensor is.
        const std::int64_t blockRows = std::max<std::int64_t>(1, (std::int64_t{1} << 16) / width);
        std::vector<double> block(static_cast<std::size_t>(std::min(rows, blockRows) * width));
        for (std::int64_t r0 = 0; r0 < rows; r0 += blockRows) {
            const std::int64_t n = std::min(blockRows, rows - r0);
            const auto offset = static_cast<std::size_t>(r0 * width);
            for (std::size_t i = 0; i < static_cast<std::size_t>(n * width); ++i)
                block[i] = std::bit_cast<double>(le64(src + 8 * (offset + i)));
            checkFiniteDoubles(e.info.file, what, block.data(), n, cols, r0);
            for (std::size_t i = 0; i < static_cast<std::size_t>(n * width); ++i)
                out[offset + i] = static_cast<float>(block[i]);
        }
        return;
    }
    if (dtype == "F32")
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::bit_cast<float>(le32(src + 4 * i));
    else if (dtype == "F16")
        for (std::size_t i = 0; i < count; ++i)
            out[i] = halfToFloat(le16(src + 2 * i));
    else
        for (std::size_t i = 0; i < count; ++i)
            out[i] = bfloat16ToFloat(le16(src + 2 * i));
    checkFiniteFloats(e.info.file, what, out, rows, cols);
}

std::vector<TensorInfo> infosOf(const Checkpoint& c)
{
    std::vector<TensorInfo> out;
    out.reserve(c.entries.size());
    for (const auto& e : c.entries)
        out.push_back(e.info);
    return out;
}

} // namespace

bool looksLikeSafetensors(const std::string& path)
{
    try {
        if (isIndexPath(path))
            return (void)readIndex(path), true;
        std::error_code ec;
        if (!fs::is_regular_file(path, ec))
            return false;
        std::ifstream in(path, std::ios::binary);
        unsigned char head[9];
        if (!in || !in.read(reinterpret_cast<char*>(head), sizeof head))
            return false;
        // A truncated file still counts, so that the reader can say it is truncated.
        const std::uint64_t length = le64(head);
        return length >= 2 && length <= kMaxHeaderBytes && head[8] == '{';
    } catch (const std::exception&) {
        return false;
    }
}

std::vector<TensorInfo> listSafetensors(const std::string& path)
{
    return infosOf(loadCheckpoint(path));
}

HeadTensorChoice chooseHeadTensor(const std::vector<TensorInfo>& tensors, std::string_view requested,
                                  const std::string& path)
{
    auto find = [&](std::string_view name) -> const TensorInfo* {
        for (const auto& t : tensors)
            if (t.name == name)
                return &t;
        return nullptr;
    };
    auto matrix = [&](std::string_view name) {
        const TensorInfo* t = find(name);
        return t && t->shape.size() == 2 ? t : nullptr;
    };
    if (!requested.empty()) {
        const TensorInfo* t = find(requested);
        if (!t)
            fail(path,
                 "no tensor named " + inQuotes(std::string(requested)) + "; " + twoDimensionalList(tensors));
        if (t->shape.size() != 2)
            fail(path,
                 "tensor " + inQuotes(t->name) + " has shape " + shapeText(t->shape) + ", not 2-D; "
                     + twoDimensionalList(tensors));
        return {t->name, isEmbeddingName(t->name)};
    }
    // GPT-NeoX (Pythia) calls its untied output layer embed_out; its embed_in is the input side.
    for (const auto name : {"lm_head.weight", "embed_out.weight"})
        if (const TensorInfo* t = matrix(name))
            return {t->name, false};
    for (const auto name : kEmbeddingNames)
        if (const TensorInfo* t = matrix(name))
            return {t->name, true};
    std::vector<std::string> names;
    for (const auto& t : tensors)
        if (t.shape.size() == 2)
            names.push_back(t.name);
    std::sort(names.begin(), names.end());
    for (const auto suffix : kEmbeddingSuffixes)
        for (const auto& name : names)
            if (name.ends_with(suffix))
                return {name, true};
    if (names.size() == 1)
        return {names.front(), false};
    fail(path,
         "found no lm_head.weight, no input embedding and no single 2-D tensor to use as the head; "
             + twoDimensionalList(tensors) + (names.empty() ? "" : "; pass the head tensor by name"));
}

RowMatrixF readSafetensorsMatrix(const std::string& path, const std::string& tensor, const ReadLimits& limits)
{
    const Checkpoint checkpoint = loadCheckpoint(path);
    const Entry* e = findEntry(checkpoint, tensor);
    if (!e)
        fail(path, "no tensor named " + inQuotes(tensor) + "; " + twoDimensionalList(infosOf(checkpoint)));
    const auto [rows, cols] = matrixShape(path, e->info);
    requireConvertible(e->info);
    checkMemoryLimit(path, "tensor " + inQuotes(tensor) + " (" + shapeText(e->info.shape) + " as float32)",
                     4.0L * rows * cols, limits);
    RowMatrixF out(rows, cols);
    readValues(*e, out.data(), rows, cols);
    return out;
}

Dataset readSafetensorsHead(const std::string& path, const TensorFileOptions& options)
{
    const Checkpoint checkpoint = loadCheckpoint(path);
    const HeadTensorChoice choice = chooseHeadTensor(infosOf(checkpoint), options.tensor, path);
    const Entry& weight = *findEntry(checkpoint, choice.name);
    const auto [n, d] = matrixShape(path, weight.info);
    if (n < 2 || d < 1)
        fail(path,
             "tensor " + inQuotes(choice.name) + " has shape " + shapeText(weight.info.shape)
                 + "; a head needs at least 2 rows and 1 column");

    const Entry* bias = nullptr;
    if (!options.bias.empty()) {
        bias = findEntry(checkpoint, options.bias);
        if (!bias)
            fail(path, "no tensor named " + inQuotes(options.bias) + " for the bias");
        if (bias->info.shape != std::vector<std::int64_t>{n})
            fail(path,
                 "the bias tensor " + inQuotes(options.bias) + " has shape " + shapeText(bias->info.shape)
                     + ", but the head " + inQuotes(choice.name) + " has " + std::to_string(n)
                     + " rows, so it must be [" + std::to_string(n) + "]");
    } else if (const Entry* b = findEntry(checkpoint, "lm_head.bias");
               b && b->info.shape == std::vector<std::int64_t>{n}) {
        bias = b;
    }

    requireConvertible(weight.info);
    if (bias)
        requireConvertible(bias->info);
    checkMemoryLimit(path,
                     choice.name + " (" + shapeText(weight.info.shape) + " as float32)"
                         + (bias ? " with " + bias->info.name : ""),
                     4.0L * n * d + (bias ? 4.0L * n : 0.0L), options.limits);

    Dataset out;
    out.name = path;
    out.head.weight.resize(n, d);
    readValues(weight, out.head.weight.data(), n, d);
    if (bias) {
        out.head.bias.resize(n);
        readValues(*bias, out.head.bias.data(), n, kVectorCols);
    }
    // Checkpoints rarely name their model; take it when a conventional key does.
    for (const std::string_view key :
         {"model", "model_name", "name", "base_model", "_name_or_path", "model_id"}) {
        const auto it = std::find_if(checkpoint.metadata.begin(), checkpoint.metadata.end(),
                                     [&](const auto& kv) { return kv.first == key && !kv.second.empty(); });
        if (it != checkpoint.metadata.end()) {
            out.model = it->second;
            break;
        }
    }
    out.description = (choice.tiedEmbedding ? "tied input embedding " : "") + choice.name + " ("
        + weight.info.dtype + ", " + shapeText(weight.info.shape) + ")"
        + (bias ? " with bias " + bias->info.name : "") + " from "
        + fs::path(weight.info.file).filename().string();
    return out;
}

} // namespace ada
