// libFuzzer target: the sharded-checkpoint index (*.index.json) of the safetensors reader. The input
// is the index; two valid shards sit next to it, so a fuzzed weight_map can point at real files,
// missing ones, or paths that try to leave the folder.
#include "FuzzSupport.h"

#include "datasets/DatasetError.h"
#include "datasets/Safetensors.h"

#include <cstring>

namespace {

// A minimal valid shard: one F32 tensor `name` of shape rows × 2.
void writeShard(const std::string& file, const std::string& name, int rows)
{
    std::string header = "{\"" + name + "\":{\"dtype\":\"F32\",\"shape\":[" + std::to_string(rows)
        + ",2],\"data_offsets\":[0," + std::to_string(rows * 8) + "]}}";
    while (header.size() % 8 != 0)
        header += ' ';
    std::string bytes(8, '\0');
    const std::uint64_t len = header.size();
    std::memcpy(bytes.data(), &len, 8); // little-endian on every platform we build for
    bytes += header;
    bytes += std::string(std::size_t(rows) * 8, '\0');
    (void)fuzz::writeInput(file, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    writeShard("model-00001-of-00002.safetensors", "lm_head.weight", 3);
    writeShard("model-00002-of-00002.safetensors", "lm_head.bias", 3);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeInput("model.safetensors.index.json", data, size);
    try {
        (void)ada::listSafetensors(path);
    } catch (const ada::DatasetError&) {
    }
    try {
        ada::TensorFileOptions options;
        options.limits = fuzz::limits();
        (void)ada::readSafetensorsHead(path, options);
    } catch (const ada::DatasetError&) {
    }
    return 0;
}
