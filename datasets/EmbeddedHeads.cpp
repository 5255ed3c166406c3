#include "EmbeddedHeads.h"

#include "DatasetError.h"
#include "FashionMnist.h" // adasoftmaxCacheDir

#include <cstdio>
#include <fstream>
#include <system_error>

// The file's bytes, placed in read-only data by the assembler (`.incbin`): no multi-megabyte
// generated source, and the build re-assembles when the file changes (OBJECT_DEPENDS in CMake).
// ADASOFTMAX_EMBED_FMNIST_PIXELS is the file's absolute path, set by datasets/CMakeLists.txt.
__asm__(".section .rodata\n"
        ".balign 16\n"
        "ada_embedded_fmnist_pixels_begin:\n"
        ".incbin \"" ADASOFTMAX_EMBED_FMNIST_PIXELS "\"\n"
        "ada_embedded_fmnist_pixels_end:\n"
        ".previous\n");
extern "C" const char ada_embedded_fmnist_pixels_begin[];
extern "C" const char ada_embedded_fmnist_pixels_end[];

namespace ada {

namespace {

struct Blob {
    const char* begin;
    const char* end;
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(end - begin); }
};

Blob blobOf(std::string_view name)
{
    if (name == "embedded:fmnist-pixels")
        return {ada_embedded_fmnist_pixels_begin, ada_embedded_fmnist_pixels_end};
    std::string known;
    for (const auto& h : embeddedHeads())
        known += (known.empty() ? "" : ", ") + h.name;
    throw DatasetError("unknown built-in dataset '" + std::string(name) + "' (embedded heads: " + known
                       + ")");
}

} // namespace

const std::vector<EmbeddedHeadInfo>& embeddedHeads()
{
    static const std::vector<EmbeddedHeadInfo> heads = {
        {"embedded:fmnist-pixels",
         "Fashion-MNIST logistic regression on the pixels (10 × 784, 300 test queries), shipped with the "
         "program",
         static_cast<std::size_t>(ada_embedded_fmnist_pixels_end - ada_embedded_fmnist_pixels_begin)},
    };
    return heads;
}

Dataset loadEmbeddedHead(std::string_view name, const ReadLimits& limits,
                         const std::filesystem::path& cacheDir)
{
    const Blob blob = blobOf(name);
    std::filesystem::path dir = cacheDir.empty() ? adasoftmaxCacheDir() : cacheDir;
    if (dir.empty())
        dir = std::filesystem::temp_directory_path();
    dir /= "embedded";
    const std::string fileName = std::string(name.substr(name.find(':') + 1)) + ".h5";
    const std::filesystem::path path = dir / fileName;
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) != blob.size() || ec) {
        std::filesystem::create_directories(dir, ec);
        if (ec)
            throw DatasetError(std::string(name) + ": cannot create the cache directory " + dir.string()
                               + ": " + ec.message());
        // Write a temporary name and rename, so a reader never sees a half-written copy.
        const std::filesystem::path tmp = path.string() + ".part";
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            out.write(blob.begin, static_cast<std::streamsize>(blob.size()));
            if (!out)
                throw DatasetError(std::string(name) + ": cannot write " + tmp.string());
        }
        std::filesystem::rename(tmp, path, ec);
        if (ec)
            throw DatasetError(std::string(name) + ": cannot write " + path.string() + ": " + ec.message());
    }
    Dataset out = readHeadFile(path.string(), limits);
    out.name = std::string(name);
    return out;
}

} // namespace ada
