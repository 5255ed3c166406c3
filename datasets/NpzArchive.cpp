#include "NpzArchive.h"

#include "DatasetError.h"

#include <unzip.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>

namespace ada::npz {

namespace {

class FileSource final : public ByteSource {
public:
    explicit FileSource(std::string path)
        : path_(std::move(path))
    {
        file_ = std::fopen(path_.c_str(), "rb");
        if (!file_)
            throw DatasetError(path_ + ": cannot open the file (" + std::strerror(errno) + ")");
        std::error_code ec;
        size_ = std::filesystem::file_size(path_, ec);
        if (ec) {
            std::fclose(file_);
            throw DatasetError(path_ + ": cannot read the file size (" + ec.message() + ")");
        }
    }
    ~FileSource() override { std::fclose(file_); }
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

    std::size_t read(char* out, std::size_t count) override
    {
        const std::size_t got = std::fread(out, 1, count, file_);
        if (got < count && std::ferror(file_))
            throw DatasetError(path_ + ": cannot read the file (" + std::strerror(errno) + ")");
        return got;
    }
    std::uint64_t size() const override { return size_; }
    const std::string& context() const override { return path_; }

private:
    std::string path_;
    std::FILE* file_ = nullptr;
    std::uint64_t size_ = 0;
};

constexpr std::uint64_t kMaxHeaderBytes = 1 << 20; // numpy writes a few hundred bytes

[[noreturn]] void fail(const std::string& context, const std::string& what)
{
    throw DatasetError(context + ": " + what);
}

// A strict parser for the header dict exactly as numpy writes it: the three keys in any order,
// single spaces or padding, a trailing comma, and the space padding and '\n' at the end.
class HeaderParser {
public:
    HeaderParser(std::string_view text, const std::string& context)
        : s_(text)
        , context_(context)
    {
    }

    NpyHeader parse()
    {
        NpyHeader h;
        bool haveDescr = false, haveOrder = false, haveShape = false;
        expect('{');
        spaces();
        while (!accept('}')) {
            const std::size_t keyAt = i_;
            const std::string key = quoted();
            bool* seen = key == "descr"  ? &haveDescr
                : key == "fortran_order" ? &haveOrder
                : key == "shape"         ? &haveShape
                                         : nullptr;
            if (!seen || *seen) {
                i_ = keyAt;
                error(seen ? "the key '" + key + "' appears twice" : "unexpected key '" + key + "'");
            }
            *seen = true;
            spaces();
            expect(':');
            spaces();
            if (key == "descr" && i_ < s_.size() && s_[i_] == '[') {
                h.descr = list();
                h.structured = true;
            } else if (key == "descr")
                h.descr = quoted();
            else if (key == "fortran_order")
                h.fortran = boolean();
            else
                h.shape = tuple();
            spaces();
            if (!accept(',')) {
                expect('}');
                break;
            }
            spaces();
        }
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n'))
            ++i_;
        if (i_ != s_.size())
            error("unexpected text after the closing '}'");
        for (const auto& [have, key] :
             {std::pair{haveDescr, "descr"}, {haveOrder, "fortran_order"}, {haveShape, "shape"}})
            if (!have)
                fail(context_, std::string("the .npy header has no '") + key + "' key");
        parseDescr(h);
        return h;
    }

private:
    [[noreturn]] void error(const std::string& what) const
    {
        std::string text(s_.substr(0, std::min<std::size_t>(s_.size(), 120)));
        while (!text.empty() && (text.back() == ' ' || text.back() == '\n'))
            text.pop_back();
        for (char& c : text)
            if (static_cast<unsigned char>(c) < 0x20)
                c = '?';
        fail(context_,
             "the .npy header is not the dict numpy writes (" + what + " at character "
                 + std::to_string(i_ + 1) + "): " + text);
    }
    void spaces()
    {
        while (i_ < s_.size() && s_[i_] == ' ')
            ++i_;
    }
    bool accept(char c)
    {
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    void expect(char c)
    {
        if (!accept(c))
            error(std::string("expected '") + c + "'");
    }
    std::string quoted()
    {
        if (i_ >= s_.size() || (s_[i_] != '\'' && s_[i_] != '"'))
            error("expected a quoted string");
        const char quote = s_[i_++];
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] != quote) {
            if (s_[i_] == '\\' || s_[i_] == '\n')
                error("unexpected escape or line break in a string");
            ++i_;
        }
        if (i_ >= s_.size())
            error("unterminated string");
        return std::string(s_.substr(start, i_++ - start));
    }
    // A structured dtype, [('a', '<f4'), …]: kept verbatim for listings, refused when read.
    std::string list()
    {
        const std::size_t start = i_;
        int depth = 0;
        do {
            if (i_ >= s_.size())
                error("unterminated list");
            const char c = s_[i_];
            if (c == '\'' || c == '"') {
                (void)quoted();
                continue;
            }
            depth += (c == '[' || c == '(') ? 1 : (c == ']' || c == ')') ? -1 : 0;
            ++i_;
        } while (depth > 0);
        return std::string(s_.substr(start, i_ - start));
    }
    bool boolean()
    {
        for (const auto& [word, value] : {std::pair{std::string_view("True"), true}, {"False", false}})
            if (s_.substr(i_, word.size()) == word) {
                i_ += word.size();
                return value;
            }
        error("expected True or False");
    }
    std::vector<std::int64_t> tuple()
    {
        std::vector<std::int64_t> dims;
        expect('(');
        spaces();
        bool comma = false;
        while (!accept(')')) {
            if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9')
                error("expected a dimension or ')'");
            std::uint64_t v = 0;
            for (; i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; ++i_) {
                if (v > (std::uint64_t(INT64_MAX) - 9) / 10)
                    error("a dimension beyond int64");
                v = v * 10 + std::uint64_t(s_[i_] - '0');
            }
            (void)accept('L'); // Python 2's long literals, as old numpy wrote them
            dims.push_back(static_cast<std::int64_t>(v));
            spaces();
            comma = accept(',');
            spaces();
            if (!comma && !accept(')'))
                error("expected ',' or ')'");
            if (!comma)
                break;
        }
        if (dims.size() == 1 && !comma)
            error("a one-element shape needs a trailing comma, as in (3,)");
        return dims;
    }
    // "<f4" → byte order '<', kind 'f', 4 bytes. Anything else ("|O", "<U10", "<M8[ns]") keeps kind 0
    // or a kind no role accepts, and is refused with its own spelling.
    static void parseDescr(NpyHeader& h)
    {
        if (h.structured)
            return;
        const std::string& d = h.descr;
        std::size_t i = 0;
        if (i < d.size() && std::string_view("<>|=").find(d[i]) != std::string_view::npos)
            h.byteOrder = d[i++];
        if (i >= d.size() || !std::isalpha(static_cast<unsigned char>(d[i])) || d.size() - i > 4)
            return;
        const char kind = d[i++];
        int size = 0;
        for (; i < d.size(); ++i) {
            if (d[i] < '0' || d[i] > '9')
                return;
            size = size * 10 + (d[i] - '0');
        }
        h.kind = kind;
        h.itemSize = size;
    }

    std::string_view s_;
    std::size_t i_ = 0;
    const std::string& context_;
};

std::uint32_t littleEndian(const unsigned char* p, int bytes)
{
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// np.savez with no arrays writes only the 22-byte end record ("PK\5\6", no entries, no comment).
// minizip never looks for that record at offset 0, so it cannot open such a file.
bool isEmptyArchive(const std::string& path)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return false;
    unsigned char record[23] = {};
    const std::size_t got = std::fread(record, 1, sizeof record, f);
    std::fclose(f);
    const unsigned char expected[22] = {'P', 'K', 5, 6};
    return got == 22 && std::memcmp(record, expected, 22) == 0;
}

std::string methodName(unsigned long method)
{
    switch (method) {
    case 9: return " (deflate64)";
    case 12: return " (bzip2)";
    case 14: return " (lzma)";
    case 93: return " (zstandard)";
    case 95: return " (xz)";
    default: return "";
    }
}

} // namespace

NpyHeader readNpyHeader(ByteSource& src)
{
    const std::string& ctx = src.context();
    unsigned char pre[12];
    std::size_t got = src.read(reinterpret_cast<char*>(pre), 10);
    if (std::memcmp(pre, kNpyMagic, std::min<std::size_t>(got, 6)) != 0)
        fail(ctx, "not a .npy array: it does not start with the magic \\x93NUMPY");
    if (got < 10)
        fail(ctx, "truncated: " + std::to_string(got) + " bytes, too short for the 10-byte .npy preamble");
    const int major = pre[6], minor = pre[7];
    if ((major < 1 || major > 3) || minor != 0)
        fail(ctx,
             "unsupported .npy format version " + std::to_string(major) + "." + std::to_string(minor)
                 + "; this reader supports 1.0, 2.0 and 3.0");
    // 1.0 has a 16-bit header length; 2.0 a 32-bit one; 3.0 is 2.0 with a UTF-8 header.
    std::uint64_t preamble = 10;
    if (major > 1) {
        got = src.read(reinterpret_cast<char*>(pre) + 10, 2);
        if (got < 2)
            fail(ctx,
                 "truncated: " + std::to_string(10 + got)
                     + " bytes, too short for the 12-byte preamble of .npy version " + std::to_string(major)
                     + ".0");
        preamble = 12;
    }
    const std::uint64_t length = littleEndian(pre + 8, major > 1 ? 4 : 2);
    const std::uint64_t after = src.size() > preamble ? src.size() - preamble : 0;
    if (length > after)
        fail(ctx,
             "header out of bounds: the header is declared as " + std::to_string(length) + " bytes but only "
                 + std::to_string(after) + " bytes follow the " + std::to_string(preamble)
                 + "-byte preamble");
    if (length > kMaxHeaderBytes)
        fail(ctx,
             "header out of bounds: the header is declared as " + std::to_string(length)
                 + " bytes, more than the 1 MiB this reader accepts");
    std::string text(length, '\0');
    if (src.read(text.data(), length) != length)
        fail(ctx, "truncated: the data ends inside the .npy header");
    NpyHeader h = HeaderParser(text, ctx).parse();
    h.available = after - length;
    return h;
}

std::unique_ptr<ByteSource> openFile(const std::string& path)
{
    return std::make_unique<FileSource>(path);
}

// One member between unzOpenCurrentFile and unzCloseCurrentFile.
class Archive::MemberSource final : public ByteSource {
public:
    MemberSource(unzFile zip, std::string context, std::uint64_t size)
        : zip_(zip)
        , context_(std::move(context))
        , size_(size)
    {
    }
    ~MemberSource() override
    {
        if (!closed_)
            unzCloseCurrentFile(zip_);
    }
    MemberSource(const MemberSource&) = delete;
    MemberSource& operator=(const MemberSource&) = delete;

    std::size_t read(char* out, std::size_t count) override
    {
        std::size_t done = 0;
        while (done < count) {
            const auto chunk = static_cast<unsigned>(std::min<std::size_t>(count - done, 1u << 30));
            const int got = unzReadCurrentFile(zip_, out + done, chunk);
            if (got < 0)
                fail(got);
            if (got == 0)
                break;
            done += static_cast<std::size_t>(got);
        }
        return done;
    }
    std::uint64_t size() const override { return size_; }
    const std::string& context() const override { return context_; }

    void finish() override
    {
        // minizip verifies the CRC-32 on close, and only once every byte has been read.
        char scratch[1 << 16];
        while (read(scratch, sizeof scratch) > 0) { }
        closed_ = true;
        const int rc = unzCloseCurrentFile(zip_);
        if (rc == UNZ_CRCERROR)
            throw DatasetError(context_
                               + ": CRC error: the data does not match the archive's checksum; "
                                 "the archive is damaged");
        if (rc != UNZ_OK)
            fail(rc);
    }

private:
    [[noreturn]] void fail(int rc) const
    {
        if (rc == Z_DATA_ERROR)
            throw DatasetError(context_ + ": cannot decompress: the deflate data is damaged");
        if (rc == UNZ_ERRNO)
            throw DatasetError(context_ + ": cannot read the member; the archive is truncated or damaged");
        throw DatasetError(context_ + ": cannot read the member (zip error " + std::to_string(rc)
                           + "); the archive is damaged");
    }

    unzFile zip_;
    std::string context_;
    std::uint64_t size_;
    bool closed_ = false;
};

Archive::Archive(std::string path)
    : path_(std::move(path))
{
    const auto damaged = [this](const char* what) {
        return DatasetError(path_ + ": " + what + "; the archive is truncated or damaged");
    };
    zip_ = unzOpen64(path_.c_str());
    if (!zip_ && isEmptyArchive(path_))
        return;
    if (!zip_)
        throw damaged("not a readable zip archive (an .npz is a zip of .npy files): its directory is "
                      "missing");
    try {
        for (int rc = unzGoToFirstFile(zip_); rc != UNZ_END_OF_LIST_OF_FILE; rc = unzGoToNextFile(zip_)) {
            if (rc != UNZ_OK)
                throw damaged("cannot read the zip directory");
            unz_file_info64 info{};
            if (unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
                throw damaged("cannot read the zip directory");
            std::string name(info.size_filename, '\0');
            unz64_file_pos pos{};
            if (unzGetCurrentFileInfo64(zip_, &info, name.data(), info.size_filename + 1, nullptr, 0, nullptr,
                                        0)
                    != UNZ_OK
                || unzGetFilePos64(zip_, &pos) != UNZ_OK)
                throw damaged("cannot read the zip directory");
            members_.push_back({std::move(name), info.uncompressed_size});
            positions_.emplace_back(pos.pos_in_zip_directory, pos.num_of_file);
        }
    } catch (...) {
        unzClose(zip_);
        throw;
    }
}

Archive::~Archive()
{
    if (zip_)
        unzClose(zip_);
}

const Member* Archive::find(const std::string& name) const
{
    const auto it
        = std::find_if(members_.begin(), members_.end(), [&](const Member& m) { return m.name == name; });
    return it == members_.end() ? nullptr : &*it;
}

std::unique_ptr<ByteSource> Archive::open(const Member& member)
{
    const std::string context = path_ + ": member '" + member.name + "'";
    const auto index = static_cast<std::size_t>(&member - members_.data());
    const unz64_file_pos pos{positions_[index].first, positions_[index].second};
    unz_file_info64 info{};
    if (unzGoToFilePos64(zip_, &pos) != UNZ_OK
        || unzGetCurrentFileInfo64(zip_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        throw DatasetError(context + ": cannot find it in the zip directory; the archive is damaged");
    if (info.flag & 1u)
        throw DatasetError(context + ": is encrypted, which NumPy archives never are");
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
        throw DatasetError(context + ": uses zip compression method "
                           + std::to_string(info.compression_method) + methodName(info.compression_method)
                           + "; only stored and deflate members (np.savez, np.savez_compressed) can be read");
    if (unzOpenCurrentFile(zip_) != UNZ_OK)
        throw DatasetError(context + ": cannot open the member; its zip entry is damaged");
    return std::make_unique<MemberSource>(zip_, context, member.size);
}

} // namespace ada::npz
