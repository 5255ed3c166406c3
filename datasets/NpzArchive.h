// The byte level of NumPy files, internal to the NumPy reader (Numpy.h): the .npy preamble and
// header, and the zip side of .npz archives (np.savez stores, np.savez_compressed deflates, both
// with zip64 fields), read through minizip. Members are streamed one at a time, so that a member's
// .npy header is checked before its data is decompressed or anything is allocated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ada::npz {

inline constexpr char kNpyMagic[] = "\x93NUMPY";

// An .npy header as the file declares it.
struct NpyHeader {
    std::string descr; // as spelled: "<f4", or a structured dtype's list literal
    bool structured = false;
    char byteOrder = 0; // '<', '>', or '|' / '=' (native)
    char kind = 0;      // 'f', 'i', 'u', …; 0 when descr is not a plain type
    int itemSize = 0;
    bool fortran = false;
    std::vector<std::int64_t> shape;
    std::uint64_t available = 0; // bytes after the header
};

// Sequential bytes with a declared total: a whole .npy file, or one decompressed .npz member.
// Every error is a DatasetError whose message starts with context().
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Reads up to `count` bytes; fewer only where the data ends early.
    virtual std::size_t read(char* out, std::size_t count) = 0;
    // The size the file system or the zip directory declares.
    [[nodiscard]] virtual std::uint64_t size() const = 0;
    // Reads whatever is left and checks the member's CRC-32 (a no-op for plain files): called once
    // the array is read, so that damaged data is reported as damage rather than as bad values.
    virtual void finish() { }
    // "file.npy", or "file.npz: member 'W.npy'".
    [[nodiscard]] virtual const std::string& context() const = 0;
};

// A plain file opened for reading; throws DatasetError "<path>: cannot open …".
[[nodiscard]] std::unique_ptr<ByteSource> openFile(const std::string& path);

// Reads the .npy preamble and header at the start of `src` (format versions 1.0, 2.0 and 3.0) and
// parses the header dict strictly; checks that the header fits in src.size(), not yet the data.
[[nodiscard]] NpyHeader readNpyHeader(ByteSource& src);

struct Member {
    std::string name;       // as stored: "W.npy"
    std::uint64_t size = 0; // uncompressed, as the directory declares
};

class Archive {
public:
    // Reads the zip directory; throws DatasetError when it is missing or damaged.
    explicit Archive(std::string path);
    ~Archive();
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    [[nodiscard]] const std::vector<Member>& members() const { return members_; }
    [[nodiscard]] const Member* find(const std::string& name) const;
    // Opens one member for streaming (one at a time: the previous stream must be gone). Throws
    // DatasetError naming the member for an unsupported compression method, encryption or damage.
    [[nodiscard]] std::unique_ptr<ByteSource> open(const Member& member);

private:
    class MemberSource;
    std::string path_;
    void* zip_ = nullptr; // unzFile
    std::vector<Member> members_;
    // Per member, its directory offset and index (minizip's unz64_file_pos), to seek back to it.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> positions_;
};

} // namespace ada::npz
