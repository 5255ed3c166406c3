// libFuzzer target: the NumPy readers (datasets/Numpy.h, NpzArchive.h). The first input byte picks
// the file name (.npy or .npz; the readers go by content, the name only changes messages); the
// rest is the file. Every reader entry point is tried on it.
#include "FuzzSupport.h"

#include "datasets/DatasetError.h"
#include "datasets/Numpy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::string path = fuzz::writeInput((data[0] & 1) ? "input.npz" : "input.npy", data + 1, size - 1);
    const ada::ReadLimits limits = fuzz::limits();
    auto attempt = [](auto&& f) {
        try {
            f();
        } catch (const ada::DatasetError&) {
        }
    };
    attempt([&] { (void)ada::listNumpy(path); });
    attempt([&] {
        ada::TensorFileOptions options;
        options.limits = limits;
        (void)ada::readNumpyHead(path, options);
    });
    attempt([&] { (void)ada::readNumpyQueries(path, limits); });
    attempt([&] { (void)ada::readNumpyIntegers(path, "", limits); });
    attempt([&] { (void)ada::readNumpyVector(path, "", limits); });
    return 0;
}
