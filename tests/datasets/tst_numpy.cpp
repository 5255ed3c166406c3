// The NumPy reader: files written by numpy itself (make_numpy_files.py) in every dtype, byte order,
// memory order and header version read to exactly numpy's values, .npz members are picked by the
// naming rules, and every malformed file of tests/data/bad/numpy/ (committed, so that part needs no
// Python) gives exactly its expected message.
#include "datasets/DatasetError.h"
#include "datasets/Numpy.h"

#include <QtTest>

#include <cstring>

using namespace ada;

namespace {

constexpr int N = 5, D = 7, M = 3;

// The closed forms of make_numpy_files.py and make_bad_numpy.py, exact in float16.
float weightAt(int i, int j)
{
    return float(i * 0.5 - j * 0.25);
}
float biasAt(int i)
{
    return float(i * 0.25 - 1);
}
float queryAt(int q, int j)
{
    return float(q - j * 0.125);
}
std::int64_t labelAt(int q)
{
    return (2 * q + 1) % N;
}

bool isClosedFormWeight(const RowMatrixF& w)
{
    if (w.rows() != N || w.cols() != D)
        return false;
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < D; ++j)
            if (w(i, j) != weightAt(i, j))
                return false;
    return true;
}

bool isClosedFormQueries(const RowMatrixF& x)
{
    if (x.rows() != M || x.cols() != D)
        return false;
    for (int q = 0; q < M; ++q)
        for (int j = 0; j < D; ++j)
            if (x(q, j) != queryAt(q, j))
                return false;
    return true;
}

// The bytes of a little-endian dump (*.f32, *.i64) next to a fixture.
QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

template <typename T>
bool sameBytes(const QByteArray& expected, const T* values, std::size_t count)
{
    return std::size_t(expected.size()) == count * sizeof(T)
        && std::memcmp(expected.constData(), values, expected.size()) == 0;
}

// An .npy file from a header dict and raw data, padded as numpy pads (to 64 bytes, ending in '\n').
QByteArray npyBytes(const QByteArray& dict, const QByteArray& data, int major = 1)
{
    const int preamble = major == 1 ? 10 : 12;
    QByteArray header = dict;
    while ((preamble + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QByteArray out("\x93NUMPY", 6);
    out += char(major);
    out += char(0);
    for (int i = 0; i < preamble - 8; ++i)
        out += char((header.size() >> (8 * i)) & 0xff);
    return out + header + data;
}

template <typename T>
QByteArray rawBytes(const std::vector<T>& values, bool bigEndian = false)
{
    QByteArray out(reinterpret_cast<const char*>(values.data()), qsizetype(values.size() * sizeof(T)));
    if (bigEndian) // the test hosts are little-endian
        for (qsizetype k = 0; k < out.size(); k += sizeof(T))
            std::reverse(out.begin() + k, out.begin() + k + sizeof(T));
    return out;
}

QString errorOf(const std::function<void()>& read)
{
    try {
        read();
    } catch (const DatasetError& e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("(no DatasetError)");
}

} // namespace

class TestNumpy : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString fixtures_;
    QString skipReason_;

    std::string fixture(const QString& name) const { return (fixtures_ + '/' + name).toStdString(); }
    static std::string bad(const QString& name)
    {
        return (QStringLiteral(BAD_NUMPY_DIR) + '/' + name).toStdString();
    }
    std::string write(const QString& name, const QByteArray& bytes) const
    {
        QFile f(dir_.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(f.fileName()));
        return f.fileName().toStdString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString python = QStringLiteral(NUMPY_FIXTURE_PYTHON);
        if (python.isEmpty()) {
            skipReason_ = "no Python 3 with numpy was found at configure time (Debian: python3-numpy)";
            return;
        }
        fixtures_ = dir_.filePath("fixtures");
        QProcess script;
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(python, {QStringLiteral(NUMPY_FIXTURE_SCRIPT), fixtures_});
        QVERIFY2(script.waitForFinished(60000), "make_numpy_files.py did not finish");
        QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
                 script.readAll().constData());
    }

    // ---- The committed corpus of malformed files: no Python needed. ----

    void badFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("message");
        const QByteArray table = contents(QStringLiteral(BAD_NUMPY_DIR "/expected.tsv"));
        QVERIFY2(!table.isEmpty(), "cannot read tests/data/bad/numpy/expected.tsv");
        for (const QString& line : QString::fromUtf8(table).split('\n', Qt::SkipEmptyParts)) {
            if (line.startsWith('#'))
                continue;
            const QStringList fields = line.split('\t');
            QCOMPARE(fields.size(), 3);
            QTest::newRow(qPrintable(fields[0] + ' ' + fields[1])) << fields[0] << fields[1] << fields[2];
        }
    }
    void badFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, call);
        QFETCH(QString, message);
        const std::string path = bad(file);
        const QString error = errorOf([&] {
            TensorFileOptions options;
            if (call.startsWith("head tensor="))
                options.tensor = call.mid(12).toStdString();
            else if (call.startsWith("head bias="))
                options.bias = call.mid(10).toStdString();
            else if (call == "queries")
                (void)readNumpyQueries(path);
            else if (call == "vector")
                (void)readNumpyVector(path, "");
            else if (call == "integers")
                (void)readNumpyIntegers(path, "");
            else if (call != "head")
                QFAIL(qPrintable("unknown call " + call));
            if (call.startsWith("head"))
                (void)readNumpyHead(path, options);
        });
        QCOMPARE(error, QString::fromStdString(path) + ": " + message);
    }

    void corpusIsListed()
    {
        // Every malformed file is checked (a new file without an expected message fails here).
        const QString table = QString::fromUtf8(contents(QStringLiteral(BAD_NUMPY_DIR "/expected.tsv")));
        const QStringList files
            = QDir(QStringLiteral(BAD_NUMPY_DIR)).entryList({"*.npy", "*.npz"}, QDir::Files);
        QVERIFY(files.size() >= 40);
        for (const QString& file : files)
            QVERIFY2(table.contains('\n' + file + '\t'), qPrintable(file));
    }

    void missingFileAndDirectory()
    {
        const std::string missing = dir_.filePath("nothing.npz").toStdString();
        QCOMPARE(errorOf([&] { (void)readNumpyHead(missing); }),
                 QString::fromStdString(missing) + ": no such file");
        const std::string folder = dir_.path().toStdString();
        QCOMPARE(errorOf([&] { (void)listNumpy(folder); }),
                 QString::fromStdString(folder) + ": is a directory, not a NumPy file");
        QVERIFY(!looksLikeNpy(missing) && !looksLikeNpz(missing));
    }

    void sniffing()
    {
        QVERIFY(looksLikeNpy(bad("nan.npy")));
        QVERIFY(looksLikeNpy(bad("version4.npy")));
        QVERIFY(!looksLikeNpy(bad("not_numpy.npy")));
        QVERIFY(!looksLikeNpy(bad("crc.npz")));
        QVERIFY(looksLikeNpz(bad("crc.npz")));
        QVERIFY(looksLikeNpz(bad("empty_archive.npz")));
        QVERIFY(!looksLikeNpz(bad("nan.npy")));
        QVERIFY(!looksLikeNpz(bad("empty.npy")));
    }

    void listingWithoutPython()
    {
        const auto members = listNumpy(bad("head_and_bias.npz"));
        QCOMPARE(members.size(), std::size_t(2));
        QCOMPARE(members[0].name, std::string("W"));
        QCOMPARE(members[0].dtype, std::string("<f4"));
        QVERIFY((members[0].shape == std::vector<std::int64_t>{N, D}));
        QCOMPARE(members[0].file, bad("head_and_bias.npz"));
        QCOMPARE(members[1].name, std::string("b"));
        QVERIFY((members[1].shape == std::vector<std::int64_t>{N}));
        QVERIFY(listNumpy(bad("empty_archive.npz")).empty());
        // Listing reads headers only: a header over the memory limit or a 3-D array is listed.
        const auto huge = listNumpy(bad("huge.npy"));
        QCOMPARE(huge.size(), std::size_t(1));
        QCOMPARE(huge[0].name, std::string("huge"));
        QVERIFY((huge[0].shape == std::vector<std::int64_t>{1000000, 1000000}));
        QCOMPARE(listNumpy(bad("structured.npy"))[0].dtype, std::string("[('a', '<f4'), ('b', '<i4')]"));
    }

    void membersOfACorpusFile()
    {
        // A damaged archive still gives its intact members; either spelling of a member works.
        QVERIFY(isClosedFormWeight(readNumpyMatrix(bad("bias_length.npz"), "W")));
        QVERIFY(isClosedFormWeight(readNumpyMatrix(bad("bias_length.npz"), "W.npy")));
        QCOMPARE(readNumpyVector(bad("bias_length.npz"), "b").size(), Eigen::Index(4));
        const std::string path = bad("head_and_bias.npz");
        QCOMPARE(errorOf([&] { (void)readNumpyMatrix(path, "Q.npy"); }),
                 QString::fromStdString(path) + ": has no member 'Q.npy'; its members are: W.npy, b.npy");
        QCOMPARE(errorOf([&] { (void)readNumpyMatrix(path, ""); }),
                 QString::fromStdString(path) + ": no member named to read; its members are: W.npy, b.npy");
        const Dataset ds = readNumpyHead(path);
        QVERIFY(isClosedFormWeight(ds.head.weight));
        QCOMPARE(ds.head.bias, Eigen::VectorXf::Constant(N, 0.5f));
    }

    // ---- .npy files written here, byte by byte: no Python needed. ----

    void handWrittenNpy()
    {
        std::vector<float> w;
        std::vector<double> fortran;
        for (int i = 0; i < N; ++i)
            for (int j = 0; j < D; ++j)
                w.push_back(weightAt(i, j));
        for (int j = 0; j < D; ++j)
            for (int i = 0; i < N; ++i)
                fortran.push_back(weightAt(i, j));
        // Any key order and spacing numpy's dict literal allows, a Python 2 long, a version 2.0 header.
        const std::string plain = write("plain.npy",
                                        npyBytes("{'descr': '<f4', 'fortran_order': False, "
                                                 "'shape': (5, 7), }",
                                                 rawBytes(w)));
        const std::string shuffled = write("shuffled.npy",
                                           npyBytes("{'shape':(5L,7L),'fortran_order':True,"
                                                    "\"descr\":'>f8'}",
                                                    rawBytes(fortran, true), 2));
        for (const auto& path : {plain, shuffled}) {
            QVERIFY(isClosedFormWeight(readNumpyMatrix(path, "ignored for .npy")));
            const Dataset ds = readNumpyHead(path);
            QVERIFY(isClosedFormWeight(ds.head.weight));
            QCOMPARE(ds.name, path);
            QVERIFY(!ds.head.hasBias() && ds.queries.rows() == 0 && ds.labels.empty());
            ds.validate();
        }
        QCOMPARE(readNumpyHead(shuffled).description, std::string("W (>f8, 5 × 7) from shuffled.npy"));
        QCOMPARE(listNumpy(shuffled)[0].name, std::string("shuffled"));
        QCOMPARE(listNumpy(shuffled)[0].dtype, std::string(">f8"));

        // A one-element shape without its comma is an int in Python, not a tuple.
        const std::string noComma = write("no_comma.npy",
                                          npyBytes("{'descr': '<f4', 'fortran_order': False, "
                                                   "'shape': (5), }",
                                                   rawBytes(w)));
        const QString error = errorOf([&] { (void)readNumpyVector(noComma, ""); });
        QVERIFY2(error.startsWith(QString::fromStdString(noComma)
                                  + ": the .npy header is not the dict numpy writes (a one-element shape "
                                    "needs a trailing comma, as in (3,) at character "),
                 qPrintable(error));
    }

    // A 2-D array with no columns holds no values, whatever bytes follow its header: it reads as an
    // empty matrix. (fuzz_numpy found the reader taking [5, 0] for five entries and writing them
    // into the empty matrix; the dataset loader then refuses such queries for their dimension.)
    void zeroColumnsReadNothing()
    {
        const QByteArray trailing(40, '\x3c');
        const std::string c
            = write("zero_cols.npy",
                    npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (5, 0), }", trailing));
        const std::string f
            = write("zero_cols_fortran.npy",
                    npyBytes("{'descr': '>f2', 'fortran_order': True, 'shape': (5, 0), }", trailing));
        for (const auto& path : {c, f}) {
            const RowMatrixF q = readNumpyQueries(path);
            QCOMPARE(q.rows(), Eigen::Index(5));
            QCOMPARE(q.cols(), Eigen::Index(0));
            QCOMPARE(readNumpyMatrix(path, "").rows(), Eigen::Index(5));
        }
        const std::string empty
            = write("zero_entries.npy",
                    npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }", trailing));
        QCOMPARE(readNumpyVector(empty, "").size(), Eigen::Index(0));
    }

    void memoryLimit()
    {
        ReadLimits tight;
        tight.maxBytes = 100;                        // the head needs 5 · 7 · 4 = 140 bytes
        const std::string path = bad("bias_2d.npy"); // a good head, read as a head
        QCOMPARE(
            errorOf([&] {
                (void)readNumpyHead(path, {"", "", tight});
            }),
            QString::fromStdString(path)
                + ": the array (5 × 7) would need 140 bytes of memory, more than the limit of 100 bytes");
        QCOMPARE(
            errorOf([&] { (void)readNumpyMatrix(path, "", tight); }),
            QString::fromStdString(path)
                + ": the array (5 × 7) would need 140 bytes of memory, more than the limit of 100 bytes");
        tight.maxBytes = 140;
        QVERIFY(isClosedFormWeight(readNumpyHead(path, {"", "", tight}).head.weight));

        // An .npz head counts everything it will hold: W and bias, 4 bytes a value.
        const std::string npz = bad("head_and_bias.npz");
        tight.maxBytes = 150;
        QCOMPARE(errorOf([&] {
                     (void)readNumpyHead(npz, {"", "", tight});
                 }),
                 QString::fromStdString(npz)
                     + ": W (5 × 7) would need 160 bytes of memory, more than the limit of 150 bytes");
        tight.maxBytes = 160;
        QCOMPARE(readNumpyHead(npz, {"", "", tight}).head.bias.size(), Eigen::Index(N));
    }

    // ---- Files written by numpy (make_numpy_files.py). ----

    void goodNpy_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* type : {"f2", "f4", "f8", "f2_be", "f4_be", "f8_be"}) {
            QTest::newRow(type) << QString("w_%1.npy").arg(type);
            QTest::newRow(qPrintable(QString("Fortran ") + type)) << QString("w_fortran_%1.npy").arg(type);
        }
        QTest::newRow("version 2.0") << "w_v2.npy";
        QTest::newRow("version 3.0") << "w_v3.npy";
    }
    void goodNpy()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        QFETCH(QString, file);
        const std::string path = fixture(file);
        QVERIFY(looksLikeNpy(path) && !looksLikeNpz(path));
        QVERIFY(isClosedFormWeight(readNumpyMatrix(path, "")));
        const Dataset ds = readNumpyHead(path);
        QVERIFY(isClosedFormWeight(ds.head.weight));
        QCOMPARE(ds.name, path);
        const auto listed = listNumpy(path);
        QCOMPARE(listed.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(listed[0].name) + ".npy", file);
        QCOMPARE(ds.description, "W (" + listed[0].dtype + ", 5 × 7) from " + file.toStdString());
        QVERIFY((listed[0].shape == std::vector<std::int64_t>{N, D}));
    }

    void vectorsAndQueries()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        const Eigen::VectorXf b = readNumpyVector(fixture("bias_f2_be.npy"), "");
        QCOMPARE(b.size(), Eigen::Index(N));
        for (int i = 0; i < N; ++i)
            QCOMPARE(b[i], biasAt(i));
        QVERIFY(isClosedFormQueries(readNumpyQueries(fixture("x_f8.npy"))));
        QVERIFY(isClosedFormQueries(readNumpyQueries(fixture("savez.npz"))));
        QVERIFY(isClosedFormQueries(readNumpyQueries(fixture("compressed.npz"))));      // X
        QVERIFY(isClosedFormQueries(readNumpyQueries(fixture("a_queries_label.npz")))); // queries
        QVERIFY(isClosedFormQueries(readNumpyQueries(fixture("queries_only.npz"))));    // the only 2-D array
    }

    void integers_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* kind : {"i", "u"})
            for (const char* size : {"1", "2", "4", "8"})
                for (const char* order : {"", "_be"})
                    if (QString(size) != "1" || QString(order).isEmpty())
                        QTest::newRow(qPrintable(QString(kind) + size + order))
                            << QString("int_%1%2%3").arg(kind, size, order);
    }
    void integers()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        QFETCH(QString, name);
        const auto values = readNumpyIntegers(fixture(name + ".npy"), "");
        QVERIFY(values.size() >= 4);
        QVERIFY(sameBytes(contents(fixtures_ + '/' + name + ".i64"), values.data(), values.size()));
    }

    void everyFloat16()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        const QByteArray expected = contents(fixtures_ + "/all_f16.f32");
        for (const char* file : {"all_f16.npy", "all_f16_be.npy"}) {
            const RowMatrixF m = readNumpyMatrix(fixture(file), "");
            QCOMPARE(m.rows(), Eigen::Index(2));
            QCOMPARE(m.size(), Eigen::Index(65536 - 2 * 1024)); // all but the infinities and NaNs
            QVERIFY2(sameBytes(expected, m.data(), std::size_t(m.size())), file);
        }
    }

    void float64RoundsLikeNumpy()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        const RowMatrixF m = readNumpyMatrix(fixture("wide_f8.npy"), "");
        QCOMPARE(m.rows(), Eigen::Index(40));
        QVERIFY(sameBytes(contents(fixtures_ + "/wide_f8.f32"), m.data(), std::size_t(m.size())));
    }

    void goodNpz_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("hasBias");
        QTest::addColumn<bool>("hasLabels");
        QTest::addColumn<QString>("description");
        QTest::newRow("np.savez: weight, x, bias, labels")
            << "savez.npz" << true << true
            << "weight (<f4, 5 × 7), queries x (<f4, 3 × 7), bias bias, labels labels from savez.npz";
        QTest::newRow("np.savez_compressed: W, X, b, y")
            << "compressed.npz" << true << true
            << "W (<f2, 5 × 7), queries X (<f8, 3 × 7), bias b, labels y from compressed.npz";
        QTest::newRow("A Fortran big-endian, queries, label")
            << "a_queries_label.npz" << false << true
            << "A (>f8, 5 × 7), queries queries (>f2, 3 × 7), labels label from a_queries_label.npz";
        QTest::newRow("lm_head.weight")
            << "lm_head.npz" << false << false
            << "lm_head.weight (<f4, 5 × 7), queries x (<f4, 3 × 7) from lm_head.npz";
        QTest::newRow("the only other 2-D array")
            << "other_name.npz" << true << false
            << "embedding (<f4, 5 × 7), queries x (<f4, 3 × 7), bias b from other_name.npz";
    }
    void goodNpz()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        QFETCH(QString, file);
        QFETCH(bool, hasBias);
        QFETCH(bool, hasLabels);
        QFETCH(QString, description);
        const std::string path = fixture(file);
        QVERIFY(looksLikeNpz(path) && !looksLikeNpy(path));
        const Dataset ds = readNumpyHead(path);
        QCOMPARE(ds.name, path);
        QCOMPARE(QString::fromStdString(ds.description), description);
        QVERIFY(isClosedFormWeight(ds.head.weight));
        QVERIFY(isClosedFormQueries(ds.queries));
        QCOMPARE(ds.head.hasBias(), hasBias);
        for (int i = 0; i < ds.head.bias.size(); ++i)
            QCOMPARE(ds.head.bias[i], biasAt(i));
        QCOMPARE(ds.labels.size(), hasLabels ? std::size_t(M) : std::size_t(0));
        for (std::size_t q = 0; q < ds.labels.size(); ++q)
            QCOMPARE(ds.labels[q], labelAt(int(q)));
        ds.validate();
    }

    void npzOptionsAndListing()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        const std::string path = fixture("options.npz");
        const Dataset byRule = readNumpyHead(path); // W (2 × 2) and b (2)
        QCOMPARE(byRule.head.arms(), Eigen::Index(2));
        QCOMPARE(byRule.head.bias.size(), Eigen::Index(2));
        const Dataset named = readNumpyHead(path, {"V", "c.npy", {}});
        QVERIFY(isClosedFormWeight(named.head.weight));
        for (int i = 0; i < N; ++i)
            QCOMPARE(named.head.bias[i], biasAt(i));
        QCOMPARE(named.description, std::string("V (<f4, 5 × 7), bias c from options.npz"));

        const auto listed = listNumpy(fixture("compressed.npz"));
        QStringList names, dtypes;
        for (const auto& t : listed) {
            names << QString::fromStdString(t.name);
            dtypes << QString::fromStdString(t.dtype);
            QCOMPARE(t.file, fixture("compressed.npz"));
        }
        QCOMPARE(names, (QStringList{"W", "X", "b", "y"}));
        QCOMPARE(dtypes, (QStringList{"<f2", "<f8", ">f8", "|u1"}));
        QVERIFY((listed[3].shape == std::vector<std::int64_t>{M}));
        QVERIFY(listNumpy(fixture("empty.npz")).empty());
    }

    void bigCompressedFortranFloat16()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        // 2.4 MB of float16 in Fortran order, deflated: several read blocks across the zip stream.
        const Dataset ds = readNumpyHead(fixture("big.npz"));
        QCOMPARE(ds.head.arms(), Eigen::Index(300));
        QCOMPARE(ds.head.dim(), Eigen::Index(4001));
        QVERIFY(sameBytes(contents(fixtures_ + "/big.f32"), ds.head.weight.data(),
                          std::size_t(ds.head.weight.size())));
        QCOMPARE(ds.queries, RowMatrixF(ds.head.weight.topRows(3)));
        ReadLimits tight;
        tight.maxBytes = 300 * 4001 * 4;
        QCOMPARE(
            errorOf([&] {
                (void)readNumpyHead(fixture("big.npz"), {"", "", tight});
            }),
            QString::fromStdString(fixture("big.npz"))
                + ": W (300 × 4001) and queries x (3 × 4001) would need 4.62 MiB of memory, more than the "
                  "limit of 4.58 MiB");
    }
};

QTEST_APPLESS_MAIN(TestNumpy)
#include "tst_numpy.moc"
