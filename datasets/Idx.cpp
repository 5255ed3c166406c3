// IDX reader (Idx.h): zlib's gzread reads gzip-compressed and plain files alike.
#include "Idx.h"

#include "DatasetError.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>

namespace ada {

namespace {

std::string hex32(std::uint32_t v)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08X", static_cast<unsigned>(v));
    return buffer;
}

std::string shapeText(const std::vector<std::uint32_t>& dims)
{
    std::string out;
    for (std::size_t i = 0; i < dims.size(); ++i) {
        if (i)
            out += "×";
        out += std::to_string(dims[i]);
    }
    return out;
}

class GzFile {
public:
    explicit GzFile(const std::string& path)
        : path_(path)
    {
        errno = 0;
        file_ = gzopen(path.c_str(), "rb");
        if (!file_) {
            const int err = errno;
            throw DatasetError("cannot open " + path + ": "
                               + (err ? std::string(std::strerror(err)) : std::string("out of memory")));
        }
    }
    GzFile(const GzFile&) = delete;
    GzFile& operator=(const GzFile&) = delete;
    ~GzFile() { gzclose(file_); }

    // Reads up to `size` bytes; returns how many were read (fewer only at the end of the data).
    std::size_t read(void* buffer, std::size_t size)
    {
        auto* out = static_cast<unsigned char*>(buffer);
        std::size_t done = 0;
        while (done < size) {
            const auto chunk
                = static_cast<unsigned>(std::min<std::size_t>(size - done, std::size_t{1} << 24));
            const int got = gzread(file_, out + done, chunk);
            if (got < 0) {
                int code = 0;
                const char* message = gzerror(file_, &code);
                throw DatasetError(path_ + ": cannot read: "
                                   + (code == Z_ERRNO
                                          ? std::string(std::strerror(errno))
                                          : std::string(message ? message : "unknown zlib error")));
            }
            if (got == 0)
                break;
            done += static_cast<std::size_t>(got);
        }
        // A gzip stream that ends early reads as a short read; zlib flags it as an error too.
        if (done < size) {
            int code = 0;
            const char* message = gzerror(file_, &code);
            if (code != Z_OK && code != Z_BUF_ERROR)
                throw DatasetError(path_ + ": cannot read: " + std::string(message ? message : "zlib error"));
        }
        return done;
    }

private:
    std::string path_;
    gzFile file_ = nullptr;
};

std::uint32_t bigEndian32(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8)
        | std::uint32_t{p[3]};
}

} // namespace

std::uint32_t idxMagicOf(const std::string& path)
{
    // gzopen reads plain files too; a gzip header alone is not enough (any .gz would pass).
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file)
        return 0;
    unsigned char word[4] = {};
    const int got = gzread(file, word, sizeof word);
    gzclose(file);
    if (got != 4 || word[0] != 0 || word[1] != 0 || word[2] < 0x08 || word[2] > 0x0E || word[3] < 1
        || word[3] > 3)
        return 0;
    return bigEndian32(word);
}

IdxArray readIdx(const std::string& path, std::uint32_t expectedMagic, const IdxLimits& limits)
{
    if ((expectedMagic >> 8) != 0x08 || (expectedMagic & 0xFF) == 0)
        throw DatasetError(path
                           + ": this reader handles unsigned-byte IDX files only (magic 0x000008NN), not "
                           + hex32(expectedMagic));
    GzFile file(path);
    IdxArray out;

    unsigned char word[4];
    if (file.read(word, 4) < 4)
        throw DatasetError(path + ": truncated IDX file: shorter than its 4-byte magic number");
    out.magic = bigEndian32(word);
    if (out.magic != expectedMagic) {
        const char* what = expectedMagic == kIdxImagesMagic ? "images"
            : expectedMagic == kIdxLabelsMagic              ? "labels"
                                                            : "data";
        throw DatasetError(path + ": not an IDX file of " + what + ": magic number " + hex32(out.magic)
                           + ", expected " + hex32(expectedMagic));
    }

    const unsigned rank = expectedMagic & 0xFF;
    for (unsigned i = 0; i < rank; ++i) {
        if (file.read(word, 4) < 4)
            throw DatasetError(path + ": truncated IDX header: it declares " + std::to_string(rank)
                               + " dimensions but ends after " + std::to_string(i));
        out.dims.push_back(bigEndian32(word));
    }
    std::uint64_t total = 1;
    for (std::size_t i = 0; i < out.dims.size(); ++i) {
        if (out.dims[i] == 0)
            throw DatasetError(path + ": dimension " + std::to_string(i) + " is 0 in the IDX header ("
                               + shapeText(out.dims) + ")");
        // total · dim ≤ maxBytes  ⇔  total ≤ ⌊maxBytes / dim⌋, so the product never overflows.
        if (total > limits.maxBytes / out.dims[i])
            throw DatasetError(path + ": absurd size in the IDX header: " + shapeText(out.dims)
                               + " bytes exceeds the limit of " + std::to_string(limits.maxBytes) + " bytes");
        total *= out.dims[i];
    }

    out.data.resize(static_cast<std::size_t>(total));
    const std::size_t got = file.read(out.data.data(), out.data.size());
    if (got < out.data.size())
        throw DatasetError(path + ": truncated IDX file: the header declares " + shapeText(out.dims) + " = "
                           + std::to_string(total) + " bytes of data but only " + std::to_string(got)
                           + " follow");
    unsigned char extra = 0;
    if (file.read(&extra, 1) != 0)
        throw DatasetError(path + ": trailing bytes after the " + std::to_string(total)
                           + " bytes of data the IDX header declares (" + shapeText(out.dims) + ")");
    return out;
}

} // namespace ada
