// A whole file mapped read-only into memory (POSIX mmap), for readers that index into a large
// binary file (Safetensors.cpp) instead of copying it.
#pragma once

#include <cstdint>
#include <string>

namespace ada {

// The descriptor is closed right away; the mapping outlives it and is released by the destructor,
// on error paths too. Opening throws DatasetError "<path>: <problem>" for a missing or unreadable
// file, a directory ("is a directory, not a <kind> file"), anything but a regular file, or a
// failed mapping. An empty file maps to data() == nullptr, size() == 0.
class MappedFile {
public:
    MappedFile(const std::string& path, const std::string& kind);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    [[nodiscard]] const unsigned char* data() const { return data_; }
    [[nodiscard]] std::uint64_t size() const { return data_ ? size_ : 0; }
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_;
    const unsigned char* data_ = nullptr;
    std::uint64_t size_ = 0;
};

} // namespace ada
