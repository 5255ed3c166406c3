// Shared by the libFuzzer targets: our parsers read files by path, so each input is written to a
// per-process temporary file first (under $TMPDIR, in a folder removed at exit). The limits keep a
// fuzzed header that declares a huge tensor from allocating more than the fuzzer's RSS limit.
#pragma once

#include "datasets/HeadFile.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fuzz {

inline const std::filesystem::path& workDir()
{
    static const std::filesystem::path dir = [] {
        const char* tmp = std::getenv("TMPDIR");
        auto d = std::filesystem::path(tmp && *tmp ? tmp : "/tmp")
            / ("adasoftmax-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(workDir(), ec);
        });
        return d;
    }();
    return dir;
}

// Writes the input to workDir()/name and returns the path.
inline std::string writeInput(const std::string& name, const std::uint8_t* data, std::size_t size)
{
    const auto path = workDir() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path.string();
}

// 8 MiB: above every seed, and small enough that a fuzzed header declaring (or a deflate stream
// expanding to) the limit costs milliseconds, not seconds.
inline ada::ReadLimits limits()
{
    ada::ReadLimits l;
    l.maxBytes = std::uint64_t{8} << 20;
    return l;
}

} // namespace fuzz
