// Fashion-MNIST heads (datasets/FashionMnist.h) and the IDX reader (datasets/Idx.h): the reader on
// tiny hand-written files, spec parsing, and, where Debian's dataset-fashion-mnist is installed,
// accuracy, bit-for-bit reproducible training, the cache and cancellation.
#include "datasets/DatasetError.h"
#include "datasets/DatasetLoader.h"
#include "datasets/FashionMnist.h"
#include "datasets/Idx.h"

#include <QtTest>

#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <string>

using namespace ada;

namespace {

QByteArray bigEndian(std::initializer_list<quint32> words)
{
    QByteArray out;
    for (const quint32 w : words) {
        out.append(static_cast<char>((w >> 24) & 0xFF));
        out.append(static_cast<char>((w >> 16) & 0xFF));
        out.append(static_cast<char>((w >> 8) & 0xFF));
        out.append(static_cast<char>(w & 0xFF));
    }
    return out;
}

QByteArray bytes(int count, int start = 0)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out.append(static_cast<char>((start + i) & 0xFF));
    return out;
}

std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path.toStdString();
}

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

bool sameBytes(const Dataset& a, const Dataset& b)
{
    auto same = [](const auto& x, const auto& y) {
        return x.rows() == y.rows() && x.cols() == y.cols()
            && std::memcmp(x.data(), y.data(), sizeof(float) * static_cast<std::size_t>(x.size())) == 0;
    };
    return same(a.head.weight, b.head.weight) && same(a.head.bias, b.head.bias) && same(a.queries, b.queries)
        && a.labels == b.labels && a.vocab == b.vocab && a.model == b.model && a.description == b.description;
}

bool installed()
{
    std::error_code ec;
    return std::filesystem::is_directory(kFashionMnistDir, ec);
}

#define REQUIRE_FASHION_MNIST()                                                                              \
    do {                                                                                                     \
        if (!installed())                                                                                    \
            QSKIP("Fashion-MNIST is not installed: run `apt-get install dataset-fashion-mnist` "             \
                  "(expected /usr/share/datasets/fashion-mnist/)");                                          \
    } while (false)

// Sets XDG_CACHE_HOME for the scope and restores it.
class CacheHome {
public:
    explicit CacheHome(const QString& dir)
        : had_(qEnvironmentVariableIsSet("XDG_CACHE_HOME"))
        , old_(qgetenv("XDG_CACHE_HOME"))
    {
        qputenv("XDG_CACHE_HOME", dir.toUtf8());
    }
    ~CacheHome()
    {
        if (had_)
            qputenv("XDG_CACHE_HOME", old_);
        else
            qunsetenv("XDG_CACHE_HOME");
    }
    CacheHome(const CacheHome&) = delete;
    CacheHome& operator=(const CacheHome&) = delete;

private:
    bool had_;
    QByteArray old_;
};

} // namespace

class TestFashionMnist : public QObject {
    Q_OBJECT

private slots:
    void idxGood()
    {
        QTemporaryDir dir;
        const auto images = writeFile(dir, "img", bigEndian({kIdxImagesMagic, 2, 3, 4}) + bytes(24, 250));
        const IdxArray a = readIdxImages(images);
        QCOMPARE(a.magic, kIdxImagesMagic);
        QCOMPARE(a.dims, (std::vector<std::uint32_t>{2, 3, 4}));
        QCOMPARE(a.data.size(), std::size_t{24});
        QCOMPARE(a.data[0], std::uint8_t{250});
        QCOMPARE(a.data[23], std::uint8_t{(250 + 23) & 0xFF});

        const auto labels = writeFile(dir, "lab", bigEndian({kIdxLabelsMagic, 3}) + bytes(3, 7));
        const IdxArray l = readIdxLabels(labels);
        QCOMPARE(l.dims, (std::vector<std::uint32_t>{3}));
        QCOMPARE(l.data, (std::vector<std::uint8_t>{7, 8, 9}));
    }

    void idxErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("images");
        QTest::addColumn<QString>("message");
        QTest::newRow("labels read as images")
            << bigEndian({kIdxLabelsMagic, 3}) + bytes(3) << true
            << "not an IDX file of images: magic number 0x00000801, expected 0x00000803";
        QTest::newRow("images read as labels")
            << bigEndian({kIdxImagesMagic, 1, 1, 1}) + bytes(1) << false
            << "not an IDX file of labels: magic number 0x00000803, expected 0x00000801";
        QTest::newRow("not IDX at all")
            << QByteArray("PK\x03\x04 a zip file") << true
            << "not an IDX file of images: magic number 0x504B0304, expected 0x00000803";
        QTest::newRow("empty") << QByteArray() << true
                               << "truncated IDX file: shorter than its 4-byte magic number";
        QTest::newRow("truncated header")
            << bigEndian({kIdxImagesMagic, 2, 3}) << true
            << "truncated IDX header: it declares 3 dimensions but ends after 2";
        QTest::newRow("truncated data")
            << bigEndian({kIdxImagesMagic, 2, 3, 4}) + bytes(10) << true
            << "truncated IDX file: the header declares 2×3×4 = 24 bytes of data but only 10 follow";
        QTest::newRow("truncated labels")
            << bigEndian({kIdxLabelsMagic, 60000}) + bytes(100) << false
            << "truncated IDX file: the header declares 60000 = 60000 bytes of data but only 100 follow";
        QTest::newRow("trailing bytes") << bigEndian({kIdxLabelsMagic, 2})
                + bytes(3) << false << "trailing bytes after the 2 bytes of data the IDX header declares (2)";
        QTest::newRow("zero dimension") << bigEndian({kIdxImagesMagic, 5, 0, 28}) << true
                                        << "dimension 1 is 0 in the IDX header (5×0×28)";
        QTest::newRow("absurd size")
            << bigEndian({kIdxImagesMagic, 0xFFFFFFFFu, 28, 28}) << true
            << "absurd size in the IDX header: 4294967295×28×28 bytes exceeds the limit of 1073741824 bytes";
    }
    void idxErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, images);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto path = writeFile(dir, "file.idx", content);
        const QString error = errorOf([&] { (void)(images ? readIdxImages(path) : readIdxLabels(path)); });
        QVERIFY2(error.startsWith(QString::fromStdString(path) + ": "), qPrintable(error)); // names the file
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void idxMissingFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("absent-idx3-ubyte.gz").toStdString();
        const QString error = errorOf([&] { (void)readIdxImages(path); });
        QVERIFY2(error.startsWith(QString::fromStdString("cannot open " + path + ": ")), qPrintable(error));
    }

    void notInstalled()
    {
        QTemporaryDir dir;
        FashionMnistOptions options;
        options.dataDir = dir.filePath("no-such-dir").toStdString();
        options.useCache = false;
        const QString error
            = errorOf([&] { (void)loadFashionMnist(parseFashionMnistSpec("fmnist:pixels"), options); });
        QVERIFY2(error.startsWith(
                     "Fashion-MNIST is not installed: run `apt-get install dataset-fashion-mnist` (expected "
                     + dir.filePath("no-such-dir/train-images-idx3-ubyte.gz")),
                 qPrintable(error));
    }

    void labelsImagesMismatch()
    {
        QTemporaryDir dir;
        writeFile(dir, "train-images-idx3-ubyte", bigEndian({kIdxImagesMagic, 2, 28, 28}) + bytes(2 * 784));
        writeFile(dir, "train-labels-idx1-ubyte", bigEndian({kIdxLabelsMagic, 3}) + bytes(3));
        writeFile(dir, "t10k-images-idx3-ubyte", bigEndian({kIdxImagesMagic, 1, 28, 28}) + bytes(784));
        writeFile(dir, "t10k-labels-idx1-ubyte", bigEndian({kIdxLabelsMagic, 1}) + bytes(1));
        QString error = errorOf([&] { (void)readFashionMnist(dir.path().toStdString()); });
        QVERIFY2(error.contains("train-labels-idx1-ubyte: holds 3 labels but ")
                     && error.contains("holds 2 images"),
                 qPrintable(error));

        writeFile(dir, "train-labels-idx1-ubyte", bigEndian({kIdxLabelsMagic, 2}) + bytes(2, 9));
        error = errorOf([&] { (void)readFashionMnist(dir.path().toStdString()); });
        QVERIFY2(
            error.contains("train-labels-idx1-ubyte: label 10 at index 1 is not a Fashion-MNIST class (0…9)"),
            qPrintable(error));

        writeFile(dir, "train-images-idx3-ubyte", bigEndian({kIdxImagesMagic, 2, 14, 56}) + bytes(2 * 784));
        error = errorOf([&] { (void)readFashionMnist(dir.path().toStdString()); });
        QVERIFY2(error.contains("Fashion-MNIST images are 28×28, this file holds 14×56"), qPrintable(error));

        QFile::remove(dir.filePath("t10k-labels-idx1-ubyte"));
        writeFile(dir, "train-images-idx3-ubyte", bigEndian({kIdxImagesMagic, 2, 28, 28}) + bytes(2 * 784));
        writeFile(dir, "train-labels-idx1-ubyte", bigEndian({kIdxLabelsMagic, 2}) + bytes(2));
        error = errorOf([&] { (void)readFashionMnist(dir.path().toStdString()); });
        QVERIFY2(error.startsWith("Fashion-MNIST is incomplete: neither ")
                     && error.contains("t10k-labels-idx1-ubyte.gz"),
                 qPrintable(error));
    }

    void specs()
    {
        QCOMPARE(formatFashionMnistSpec(parseFashionMnistSpec("fmnist:pixels")),
                 std::string("fmnist:pixels"));
        QCOMPARE(formatFashionMnistSpec(parseFashionMnistSpec("fmnist:rf")), std::string("fmnist:rf?d=8192"));
        const FashionMnistSpec rf = parseFashionMnistSpec("fmnist:rf?d=4096");
        QCOMPARE(rf.features, 4096);
        QCOMPARE(fashionMnistModelName(rf), std::string("fmnist-logreg-rf4096"));
        QCOMPARE(fashionMnistCacheFileName(rf), std::string("fmnist-rf4096.h5"));
        QCOMPARE(fashionMnistCacheFileName(parseFashionMnistSpec("fmnist:pixels")),
                 std::string("fmnist-pixels.h5"));
        QVERIFY(errorOf([] {
                    (void)parseFashionMnistSpec("fmnist:cnn");
                }).contains("unknown Fashion-MNIST head 'cnn'"));
        QVERIFY(errorOf([] {
                    (void)parseFashionMnistSpec("fmnist:rf?d=8");
                }).contains("d must be an integer from 16 to 16384, not '8'"));
        QVERIFY(errorOf([] { (void)parseFashionMnistSpec("fmnist:rf?d=12x"); }).contains("not '12x'"));
        QVERIFY(
            errorOf([] { (void)parseFashionMnistSpec("fmnist:rf?k=3"); }).contains("unknown parameter 'k'"));
        QVERIFY(errorOf([] {
                    (void)parseFashionMnistSpec("fmnist:pixels?d=3");
                }).contains("takes no parameters"));
        // The loader routes the names (the error comes from the Fashion-MNIST parser).
        QVERIFY(
            errorOf([] { (void)loadDataset("fmnist:nope"); }).contains("unknown Fashion-MNIST head 'nope'"));
        QCOMPARE(fashionMnistClassNames().size(), std::size_t{10});
        QCOMPARE(fashionMnistClassNames().front(), std::string("T-shirt/top"));
        QCOMPARE(fashionMnistClassNames().back(), std::string("Ankle boot"));
    }

    void cacheDirFromEnvironment()
    {
        QTemporaryDir dir;
        CacheHome home(dir.path());
        QCOMPARE(QString::fromStdString(adasoftmaxCacheDir().string()), dir.filePath("adasoftmax"));
    }

    // The pixels head: accuracy, metadata, the cache (hit is identical and much faster), and
    // training twice into two cache directories gives the same bytes.
    void pixelsHead()
    {
        REQUIRE_FASHION_MNIST();
        QTemporaryDir first, second;
        Dataset trained, cached, retrained;
        QElapsedTimer timer;
        qint64 trainMs = 0, cacheMs = 0;
        {
            CacheHome home(first.path());
            timer.start();
            trained = loadDataset("fmnist:pixels");
            trainMs = timer.elapsed();
            const QString cacheFile = first.filePath("adasoftmax/fmnist-pixels.h5");
            QVERIFY(QFileInfo::exists(cacheFile));
            qInfo("fmnist:pixels trained in %lld ms; cache %lld bytes; %s", trainMs,
                  QFileInfo(cacheFile).size(), trained.description.c_str());

            QStringList stages;
            timer.start();
            cached = loadDataset("fmnist:pixels", {}, [&](int, int, std::string_view stage) {
                const QString s = QString::fromUtf8(stage.data(), static_cast<qsizetype>(stage.size()));
                if (!stages.contains(s))
                    stages << s;
                return true;
            });
            cacheMs = timer.elapsed();
            qInfo("fmnist:pixels from the cache in %lld ms (stages: %s)", cacheMs,
                  qPrintable(stages.join(", ")));
            QCOMPARE(stages, QStringList{"reading cache"});
        }
        {
            CacheHome home(second.path());
            retrained = loadDataset("fmnist:pixels");
        }

        const double accuracy = testAccuracy(trained);
        QVERIFY2(accuracy >= 0.84, qPrintable(QString::number(accuracy)));
        QCOMPARE(trained.head.arms(), Eigen::Index{10});
        QCOMPARE(trained.head.dim(), Eigen::Index{784});
        QCOMPARE(trained.head.bias.size(), Eigen::Index{10});
        QCOMPARE(trained.head.temperature, 1.0);
        QCOMPARE(trained.queries.rows(), Eigen::Index{10000});
        QCOMPARE(trained.labels.size(), std::size_t{10000});
        QCOMPARE(trained.vocab, fashionMnistClassNames());
        QCOMPARE(trained.model, std::string("fmnist-logreg-pixels"));
        QCOMPARE(trained.source, std::string("fashion-mnist/test"));
        QCOMPARE(trained.name, std::string("fmnist:pixels"));
        QVERIFY(trained.queries.minCoeff() >= 0.0f && trained.queries.maxCoeff() <= 1.0f);
        QVERIFY2(QString::fromStdString(trained.description)
                     .startsWith(
                         "Fashion-MNIST multinomial logistic regression on the 784 pixels; test accuracy 8"),
                 trained.description.c_str());

        QVERIFY(sameBytes(trained, cached));
        QCOMPARE(cached.name, std::string("fmnist:pixels"));
        QCOMPARE(testAccuracy(cached), accuracy);
        QVERIFY2(cacheMs * 3 < trainMs,
                 qPrintable(QStringLiteral("cache %1 ms, training %2 ms").arg(cacheMs).arg(trainMs)));
        QVERIFY(sameBytes(trained, retrained)); // bit for bit
    }

    // An unreadable cache is retrained and overwritten.
    void corruptCacheIsRetrained()
    {
        REQUIRE_FASHION_MNIST();
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("adasoftmax"));
        const QString cacheFile = dir.filePath("adasoftmax/fmnist-pixels.h5");
        writeFile(dir, "adasoftmax/fmnist-pixels.h5", "not an HDF5 file");
        FashionMnistOptions options;
        options.cacheDir = dir.filePath("adasoftmax").toStdString();
        const Dataset ds = loadFashionMnist(parseFashionMnistSpec("fmnist:pixels"), options);
        QVERIFY(testAccuracy(ds) >= 0.84);
        QVERIFY(QFileInfo(cacheFile).size() > 1000);
        const Dataset again = readHeadFile(cacheFile.toStdString());
        QVERIFY(sameBytes(ds, again));
    }

    void cancel()
    {
        REQUIRE_FASHION_MNIST();
        QTemporaryDir dir;
        FashionMnistOptions options;
        options.cacheDir = dir.filePath("adasoftmax").toStdString();
        int calls = 0;
        options.progress = [&](int done, int, std::string_view stage) {
            ++calls;
            return !(stage == "training" && done > 0);
        };
        const QString error
            = errorOf([&] { (void)loadFashionMnist(parseFashionMnistSpec("fmnist:pixels"), options); });
        QCOMPARE(error, QStringLiteral("fmnist:pixels: cancelled"));
        QVERIFY(calls > 1);
        QVERIFY(!QFileInfo::exists(dir.filePath("adasoftmax/fmnist-pixels.h5")));

        // Cancelling inside the (threaded) random-feature computation.
        options.progress
            = [](int done, int, std::string_view stage) { return !(stage == "features" && done >= 3); };
        const QString rfError
            = errorOf([&] { (void)loadFashionMnist(parseFashionMnistSpec("fmnist:rf?d=64"), options); });
        QCOMPARE(rfError, QStringLiteral("fmnist:rf?d=64: cancelled"));
    }

    // A small random-feature head twice, without the cache: the same bytes.
    void randomFeaturesReproducible()
    {
        REQUIRE_FASHION_MNIST();
        FashionMnistOptions options;
        options.useCache = false;
        const FashionMnistSpec spec = parseFashionMnistSpec("fmnist:rf?d=512");
        QElapsedTimer timer;
        timer.start();
        const Dataset a = loadFashionMnist(spec, options);
        qInfo("fmnist:rf?d=512 trained in %lld ms; %s", timer.elapsed(), a.description.c_str());
        const Dataset b = loadFashionMnist(spec, options);
        QVERIFY(sameBytes(a, b));
        QCOMPARE(a.head.dim(), Eigen::Index{512});
        QCOMPARE(a.queries.cols(), Eigen::Index{512});
        QCOMPARE(a.model, std::string("fmnist-logreg-rf512"));
        QVERIFY(a.queries.minCoeff() >= 0.0f); // ReLU features
        QVERIFY2(testAccuracy(a) >= 0.83, qPrintable(QString::number(testAccuracy(a))));
    }

    // The default random-feature head through loadDataset, with the cache (about 25 s of training
    // and a few seconds of writing on a 2-core machine).
    void randomFeaturesAccuracy()
    {
        REQUIRE_FASHION_MNIST();
        QTemporaryDir dir;
        CacheHome home(dir.path());
        QElapsedTimer timer;
        timer.start();
        const Dataset ds = loadDataset("fmnist:rf");
        const qint64 trainMs = timer.elapsed();
        const QString cacheFile = dir.filePath("adasoftmax/fmnist-rf8192.h5");
        qInfo("fmnist:rf?d=8192 trained and cached in %lld ms; cache %lld bytes; %s", trainMs,
              QFileInfo(cacheFile).size(), ds.description.c_str());
        QCOMPARE(ds.name, std::string("fmnist:rf?d=8192"));
        QCOMPARE(ds.model, std::string("fmnist-logreg-rf8192"));
        QCOMPARE(ds.head.dim(), Eigen::Index{8192});
        QCOMPARE(ds.queries.rows(), Eigen::Index{10000});
        const double accuracy = testAccuracy(ds);
        QVERIFY2(accuracy >= 0.86, qPrintable(QString::number(accuracy)));
        QVERIFY(QString::fromStdString(ds.description).contains("on 8192 random ReLU features"));

        timer.start();
        const Dataset cached = loadDataset("fmnist:rf");
        const qint64 cacheMs = timer.elapsed();
        qInfo("fmnist:rf?d=8192 from the cache in %lld ms", cacheMs);
        QVERIFY(sameBytes(ds, cached));
        QVERIFY(cacheMs * 2 < trainMs);
    }
};

QTEST_APPLESS_MAIN(TestFashionMnist)
#include "tst_fashionmnist.moc"
