// libFuzzer target: the safetensors reader (datasets/Safetensors.h), single files. Every input must
// either load or throw DatasetError; a crash, a sanitizer report or another exception type is a bug.
#include "FuzzSupport.h"

#include "datasets/DatasetError.h"
#include "datasets/Safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeInput("input.safetensors", data, size);
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
