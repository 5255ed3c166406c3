// A small reader for IDX files, the format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/):
// a 4-byte big-endian magic number 0x0000TTNN (TT = element type, NN = number of dimensions), NN
// big-endian uint32 dimensions, then the elements in row-major order. Only unsigned bytes
// (TT = 0x08) are read: 0x00000803 is a stack of images (count × rows × columns), 0x00000801 a
// vector of labels. The file may be gzip-compressed or not (zlib reads both).
//
// Everything is bounds-checked before use: a wrong magic number, a short header, a zero or absurd
// dimension, a product of dimensions over the size limit, truncated data and trailing bytes are
// each a DatasetError whose message names the file and the problem.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ada {

inline constexpr std::uint32_t kIdxImagesMagic = 0x00000803; // ubyte, 3 dimensions
inline constexpr std::uint32_t kIdxLabelsMagic = 0x00000801; // ubyte, 1 dimension

struct IdxLimits {
    // The most element bytes a file may declare; a file declaring more is refused before any
    // allocation. Fashion-MNIST's largest file holds 47 040 000 bytes.
    std::uint64_t maxBytes = std::uint64_t{1} << 30; // 1 GiB
};

struct IdxArray {
    std::uint32_t magic = 0;
    std::vector<std::uint32_t> dims;
    std::vector<std::uint8_t> data; // product(dims) bytes, row-major

    [[nodiscard]] std::uint32_t dim(std::size_t i) const { return dims.at(i); }
};

// Reads a ubyte IDX file whose magic number must be `expectedMagic` (kIdxImagesMagic or
// kIdxLabelsMagic, or any 0x000008NN). Throws DatasetError.
[[nodiscard]] IdxArray readIdx(const std::string& path, std::uint32_t expectedMagic,
                               const IdxLimits& limits = {});

// The IDX magic number of a file (plain or gzip-compressed) when its first bytes look like one:
// 0x0000TTNN with an IDX element type TT (0x08…0x0E) and 1 ≤ NN ≤ 3; 0 otherwise. Never throws.
[[nodiscard]] std::uint32_t idxMagicOf(const std::string& path);

// Convenience wrappers: images (count × rows × columns) and labels (count).
[[nodiscard]] inline IdxArray readIdxImages(const std::string& path, const IdxLimits& limits = {})
{
    return readIdx(path, kIdxImagesMagic, limits);
}
[[nodiscard]] inline IdxArray readIdxLabels(const std::string& path, const IdxLimits& limits = {})
{
    return readIdx(path, kIdxLabelsMagic, limits);
}

} // namespace ada
