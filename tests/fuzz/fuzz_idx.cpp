// libFuzzer target: the IDX reader (datasets/Idx.h), plain and gzip-compressed (zlib reads both),
// as images and as labels, with a 16 MiB limit on declared sizes.
#include "FuzzSupport.h"

#include "datasets/DatasetError.h"
#include "datasets/Idx.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeInput("input-idx-ubyte", data, size);
    ada::IdxLimits limits;
    limits.maxBytes = std::uint64_t{16} << 20;
    (void)ada::idxMagicOf(path);
    for (const std::uint32_t magic : {ada::kIdxImagesMagic, ada::kIdxLabelsMagic}) {
        try {
            (void)ada::readIdx(path, magic, limits);
        } catch (const ada::DatasetError&) {
        }
    }
    return 0;
}
