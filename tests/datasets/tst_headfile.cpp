// The HDF5 head format (shared/HEAD_FORMAT.md): files written by h5py (make_head_files.py) in every
// allowed variant read to exactly NumPy's values; each broken rule gives its own message; and our
// writer round-trips bit for bit.
#include "core/Rng.h"
#include "datasets/DatasetError.h"
#include "datasets/HeadFile.h"

#include <QtTest>

#include <hdf5.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <thread>

using namespace ada;

namespace {

bool sameBytes(const float* a, const float* b, Eigen::Index count)
{
    // memcmp with a null pointer is undefined even for 0 bytes (UBSan), and empty matrices have one.
    return count == 0 || std::memcmp(a, b, sizeof(float) * static_cast<std::size_t>(count)) == 0;
}

bool sameMatrix(const RowMatrixF& a, const RowMatrixF& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() && sameBytes(a.data(), b.data(), a.size());
}

QString messageOf(const std::string& path, const ReadLimits& limits = {})
{
    try {
        (void)readHeadFile(path, limits);
    } catch (const DatasetError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

RowMatrixF randomMatrix(Rng& rng, Eigen::Index rows, Eigen::Index cols)
{
    RowMatrixF m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = static_cast<float>(rng.normal());
    return m;
}

} // namespace

class TestHeadFile : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString fixtures_;
    QString skipReason_;

    // The path of a fixture, or skips the running test when h5py is not available.
    std::string fixture(const QString& name) const { return (fixtures_ + '/' + name).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString python = QStringLiteral(FIXTURE_PYTHON);
        if (python.isEmpty()) {
            skipReason_ = "no Python 3 with h5py and numpy was found at configure time";
            return;
        }
        fixtures_ = dir_.filePath("fixtures");
        QProcess script;
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(python, {QStringLiteral(FIXTURE_SCRIPT), fixtures_});
        QVERIFY2(script.waitForFinished(60000), "make_head_files.py did not finish");
        QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
                 script.readAll().constData());
    }

    void goodFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("hasBias");
        QTest::addColumn<int>("queries");
        QTest::addColumn<bool>("hasLabels");
        QTest::addColumn<QStringList>("vocab");
        QTest::addColumn<double>("temperature");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("description");
        QTest::newRow("float32, required only")
            << "good_f32.h5" << false << 0 << false << QStringList{} << 1.0 << ""
            << ""
            << "";
        QTest::newRow("float16") << "good_f16.h5" << true << 3 << false << QStringList{} << 1.0 << ""
                                 << ""
                                 << "";
        QTest::newRow("float64, everything")
            << "good_f64_full.h5" << true << 3 << true << QStringList{"zero", "café", "日本語", "tok 3", ""}
            << 0.5 << "tiny-model"
            << "unit-test queries"
            << "a head with every optional part — ünïcode";
        QTest::newRow("chunked gzip, fixed-length strings, extras")
            << "good_chunked.h5" << false << 3 << true << QStringList{"a", "bb", "ccc", "dddd", "eeeee"}
            << 2.0 << "fixed-model"
            << ""
            << "";
    }
    void goodFiles()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        QFETCH(QString, file);
        QFETCH(bool, hasBias);
        QFETCH(int, queries);
        QFETCH(bool, hasLabels);
        QFETCH(QStringList, vocab);
        QFETCH(double, temperature);
        QFETCH(QString, model);
        QFETCH(QString, source);
        QFETCH(QString, description);

        const std::string path = fixture(file);
        const Dataset ds = readHeadFile(path);
        QCOMPARE(ds.name, path);
        // The closed forms of make_head_files.py, exact in float16 as well.
        QCOMPARE(ds.head.arms(), 5);
        QCOMPARE(ds.head.dim(), 7);
        for (int i = 0; i < 5; ++i)
            for (int j = 0; j < 7; ++j)
                QCOMPARE(ds.head.weight(i, j), float(i * 0.5 - j * 0.25));
        QCOMPARE(ds.head.hasBias(), hasBias);
        for (int i = 0; i < ds.head.bias.size(); ++i)
            QCOMPARE(ds.head.bias[i], float(i * 0.25 - 1));
        QCOMPARE(ds.queries.rows(), queries);
        for (int q = 0; q < queries; ++q)
            for (int j = 0; j < 7; ++j)
                QCOMPARE(ds.queries(q, j), float(q - j * 0.125));
        QCOMPARE(ds.labels.size(), hasLabels ? std::size_t(3) : std::size_t(0));
        for (std::size_t q = 0; q < ds.labels.size(); ++q)
            QCOMPARE(ds.labels[q], std::int64_t((2 * q + 1) % 5));
        QStringList names;
        for (const auto& s : ds.vocab)
            names << QString::fromStdString(s);
        QCOMPARE(names, vocab);
        QCOMPARE(ds.head.temperature, temperature);
        QCOMPARE(QString::fromStdString(ds.model), model);
        QCOMPARE(QString::fromStdString(ds.source), source);
        QCOMPARE(QString::fromStdString(ds.description), description);
        ds.validate();
    }

    void numpyValuesExactly()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        const Dataset ds = readHeadFile(fixture("random.h5"));
        for (const auto& [bin, matrix] : {std::pair{QString("random_weight.bin"), &ds.head.weight},
                                          std::pair{QString("random_queries.bin"), &ds.queries}}) {
            QFile f(fixtures_ + '/' + bin);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QCOMPARE(bytes.size(), qsizetype(sizeof(float) * std::size_t(matrix->size())));
            QVERIFY2(
                sameBytes(reinterpret_cast<const float*>(bytes.constData()), matrix->data(), matrix->size()),
                qPrintable(bin));
        }
        QCOMPARE(ds.head.arms(), 13);
        QCOMPARE(ds.queries.rows(), 4);
    }

    void hugeFilesAreTinyOnDisk()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        // The memory guard must act on the declared shape, not on what is stored.
        QVERIFY(QFileInfo(QString::fromStdString(fixture("huge.h5"))).size() < 100000);
        QVERIFY(QFileInfo(QString::fromStdString(fixture("huge_dims.h5"))).size() < 100000);
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("format missing") << "no_format.h5"
                                        << "the root attribute 'format' is missing";
        QTest::newRow("format wrong")
            << "wrong_format.h5"
            << "the root attribute 'format' is 'something-else', expected 'adasoftmax-head'";
        QTest::newRow("format not a string")
            << "format_not_string.h5"
            << "the root attribute 'format' must be a single string, but its type is int64";
        QTest::newRow("version missing") << "no_version.h5"
                                         << "the root attribute 'version' is missing";
        QTest::newRow("version 2") << "version2.h5"
                                   << "written by format version 2; this build reads version 1";
        QTest::newRow("weight missing") << "no_weight.h5"
                                        << "/head/weight is missing";
        QTest::newRow("weight is a group") << "weight_group.h5"
                                           << "/head/weight is not a readable dataset";
        QTest::newRow("weight 1-D") << "weight_1d.h5"
                                    << "/head/weight must be 2-D, but it has shape [7]";
        QTest::newRow("n = 1") << "n1.h5"
                               << "/head/weight has shape [1, 4]; it needs at least 2 rows and 1 column";
        QTest::newRow("integer weight")
            << "int_weight.h5"
            << "/head/weight has dtype int32; expected float16, float32 or float64";
        QTest::newRow("string weight") << "string_weight.h5"
                                       << "/head/weight has dtype string";
        QTest::newRow("bias length") << "bias_length.h5"
                                     << "/head/bias has 4 entries but /head/weight has 5 rows";
        QTest::newRow("vocab length") << "vocab_length.h5"
                                      << "/vocab has 3 names but /head/weight has 5 rows";
        QTest::newRow("vocab numbers") << "vocab_numbers.h5"
                                       << "/vocab has dtype int64; expected strings";
        QTest::newRow("labels length")
            << "labels_length.h5"
            << "/queries/label has 2 entries but there are 3 queries in /queries/x";
        QTest::newRow("labels float") << "labels_float.h5"
                                      << "/queries/label has dtype float64; expected an integer type";
        QTest::newRow("queries d") << "queries_d.h5"
                                   << "/queries/x has 6 columns but /head/weight has 7";
        QTest::newRow("queries 1-D") << "queries_1d.h5"
                                     << "/queries/x must be 2-D, but it has shape [7]";
        QTest::newRow("temperature")
            << "bad_temperature.h5"
            << "the root attribute 'temperature' must be a positive finite number, got -1";
        QTest::newRow("NaN in weight") << "nan_weight.h5"
                                       << "/head/weight has a non-finite value (nan) at row 3, column 6";
        QTest::newRow("-Inf in queries") << "inf_queries.h5"
                                         << "/queries/x has a non-finite value (-inf) at row 1, column 2";
        QTest::newRow("Inf in float16 bias") << "inf_bias_f16.h5"
                                             << "/head/bias has a non-finite value (inf) at entry 2";
        QTest::newRow("beyond float32")
            << "too_big_for_float32.h5"
            << "/head/weight has the value 1e+300 at row 1, column 2, outside the float32 range";
        QTest::newRow("huge shape")
            << "huge.h5"
            << "/head/weight [1000000, 1000000] would need 3725.29 GiB of memory, more than the "
               "limit of 8.00 GiB";
        QTest::newRow("huge dimension") << "huge_dims.h5"
                                        << "dimensions above 2147483647 are not supported";
        QTest::newRow("truncated") << "truncated.h5"
                                   << "truncated";
        QTest::newRow("not HDF5") << "not_hdf5.h5"
                                  << "not an HDF5 file";
        QTest::newRow("empty file") << "empty.h5"
                                    << "not an HDF5 file";
        QTest::newRow("missing file") << "does_not_exist.h5"
                                      << "no such file";
    }
    void badFiles()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        QFETCH(QString, file);
        QFETCH(QString, message);
        const std::string path = fixture(file);
        const QString error = messageOf(path);
        QVERIFY2(!error.isEmpty(), "no DatasetError");
        QVERIFY2(error.startsWith(QString::fromStdString(path) + ": "), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));

        // Every handle was closed on the error path: HDF5 refuses to truncate a file it still has
        // open, so overwriting the same path proves nothing leaked.
        Dataset replacement;
        replacement.head.weight = RowMatrixF::Ones(2, 3);
        writeHeadFile(replacement, path);
        QCOMPARE(readHeadFile(path).head.weight, replacement.head.weight);
    }

    void memoryLimit()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        ReadLimits tight;
        tight.maxBytes = 100; // the good file needs (35 + 21)·4 + bias + labels + vocab bytes
        const QString error = messageOf(fixture("good_f64_full.h5"), tight);
        QVERIFY2(error.contains("/head/weight [5, 7] and /queries/x [3, 7] would need"), qPrintable(error));
        QVERIFY2(error.contains("more than the limit of 100 bytes"), qPrintable(error));
        ReadLimits enough;
        enough.maxBytes = 4096;
        QCOMPARE(readHeadFile(fixture("good_f64_full.h5"), enough).head.arms(), 5);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("d");
        QTest::addColumn<bool>("bias");
        QTest::addColumn<int>("queries");
        QTest::addColumn<bool>("labels");
        QTest::addColumn<bool>("vocab");
        // More than one write chunk (2^18 values) and one read block (2^20), neither a multiple of
        // the other; "wide" has rows longer than a read block.
        QTest::newRow("head only") << 300 << 4001 << false << 0 << false << false;
        QTest::newRow("bias and queries") << 300 << 4001 << true << 9 << false << false;
        QTest::newRow("everything") << 300 << 4001 << true << 4 << true << true;
        QTest::newRow("wide") << 2 << (1 << 20) + 3 << true << 1 << false << false;
    }
    void roundTrip()
    {
        QFETCH(int, n);
        QFETCH(int, d);
        QFETCH(bool, bias);
        QFETCH(int, queries);
        QFETCH(bool, labels);
        QFETCH(bool, vocab);
        Rng rng(99);
        Dataset ds;
        ds.head.weight = randomMatrix(rng, n, d); // with float32's corner values:
        ds.head.weight(0, 0) = -0.0f;
        ds.head.weight(0, 1) = std::numeric_limits<float>::denorm_min();
        ds.head.weight(1, 0) = std::numeric_limits<float>::max();
        ds.head.weight(1, 1) = std::numeric_limits<float>::lowest();
        ds.head.temperature = 0.7;
        if (bias)
            ds.head.bias = randomMatrix(rng, n, 1).col(0);
        if (queries > 0)
            ds.queries = randomMatrix(rng, queries, ds.head.dim());
        if (labels)
            for (int q = 0; q < queries; ++q)
                ds.labels.push_back(q == 0 ? std::numeric_limits<std::int64_t>::min() : q * 1000003);
        if (vocab)
            for (int i = 0; i < n; ++i)
                ds.vocab.push_back(i == 0 ? "" : i == 1 ? "naïve ☃ 日本" : "token " + std::to_string(i));
        if (labels) // masked queries, ragged (the file pads them with −1)
            for (int q = 0; q < queries; ++q)
                ds.excludedArms.push_back(q == 1 ? std::vector<int>{}
                                                 : std::vector<int>{q, n - 1, 2 * q + 1});
        ds.model = "round-trip model";
        ds.source = "round-trip queries";
        ds.description = "écrit puis relu";

        const std::string path = dir_.filePath("roundtrip.h5").toStdString();
        writeHeadFile(ds, path);
        const Dataset back = readHeadFile(path);
        QVERIFY(sameMatrix(back.head.weight, ds.head.weight));
        QCOMPARE(back.head.bias.size(), ds.head.bias.size());
        QVERIFY(sameBytes(back.head.bias.data(), ds.head.bias.data(), ds.head.bias.size()));
        QCOMPARE(back.queries.rows(), ds.queries.rows());
        QVERIFY(sameMatrix(back.queries, ds.queries) || queries == 0);
        QVERIFY(back.labels == ds.labels);
        QVERIFY(back.vocab == ds.vocab);
        QVERIFY(back.excludedArms == ds.excludedArms);
        QCOMPARE(back.head.temperature, ds.head.temperature);
        QCOMPARE(back.model, ds.model);
        QCOMPARE(back.source, ds.source);
        QCOMPARE(back.description, ds.description);
        QVERIFY(std::signbit(back.head.weight(0, 0)));
    }

    void writtenFilesReadInH5py()
    {
        if (fixtures_.isEmpty())
            QSKIP(qPrintable(skipReason_));
        Dataset ds;
        ds.head.weight = RowMatrixF::Constant(4, 3, 0.25f);
        ds.queries = RowMatrixF::Constant(2, 3, -1.5f);
        ds.labels = {3, 1};
        ds.vocab = {"a", "b", "ç", "d"};
        ds.model = "h5py-check";
        const std::string path = dir_.filePath("for_h5py.h5").toStdString();
        writeHeadFile(ds, path);
        // The same layout as HEAD_FORMAT.md for other tools: float32, gzip + shuffle, int64 labels,
        // variable-length UTF-8 vocab, string attributes.
        const QString check = QStringLiteral(
            "import sys, h5py, numpy as np\n"
            "f = h5py.File(sys.argv[1], 'r')\n"
            "w = f['head/weight']\n"
            "assert f.attrs['format'] == 'adasoftmax-head' and f.attrs['version'] == 1, dict(f.attrs)\n"
            "assert f.attrs['model'] == 'h5py-check' and f.attrs['temperature'] == 1.0\n"
            "assert w.dtype == np.float32 and w.compression == 'gzip' and w.shuffle and w.chunks\n"
            "assert (w[()] == 0.25).all() and (f['queries/x'][()] == -1.5).all()\n"
            "assert f['queries/label'].dtype == np.int64 and list(f['queries/label'][()]) == [3, 1]\n"
            "assert [s.decode() for s in f['vocab'][()]] == ['a', 'b', 'ç', 'd']\n"
            "print('ok')\n");
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(QStringLiteral(FIXTURE_PYTHON), {"-c", check, QString::fromStdString(path)});
        QVERIFY(python.waitForFinished(30000));
        const QByteArray output = python.readAll();
        QVERIFY2(python.exitCode() == 0 && output.trimmed() == "ok", output.constData());
    }

    void writeRefusesInvalidDatasets()
    {
        Dataset ds;
        ds.head.weight = RowMatrixF::Zero(3, 2);
        ds.head.weight(2, 1) = std::numeric_limits<float>::quiet_NaN();
        const std::string path = dir_.filePath("invalid.h5").toStdString();
        try {
            writeHeadFile(ds, path);
            QFAIL("no DatasetError");
        } catch (const DatasetError& e) {
            QVERIFY2(QString(e.what()).contains("non-finite value at row 2, column 1"), e.what());
        }
        QVERIFY(!QFileInfo::exists(QString::fromStdString(path)));
    }

    void writeReportsUnwritablePaths()
    {
        Dataset ds;
        ds.head.weight = RowMatrixF::Ones(2, 2);
        const std::string path = dir_.filePath("no/such/dir/out.h5").toStdString();
        try {
            writeHeadFile(ds, path);
            QFAIL("no DatasetError");
        } catch (const DatasetError& e) {
            QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(path) + ": cannot create the file"),
                     e.what());
        }
    }

    // A failed write or read leaves no records on the calling thread's HDF5 error stack. The
    // thread-safe libhdf5 frees a finished thread's stack without dropping the references its
    // records hold, after which the library cannot close at exit ("infinite loop closing library",
    // a leak under LeakSanitizer); the studio reads and writes on its worker thread.
    void failuresLeaveNoHdf5ErrorRecords()
    {
        Dataset ds;
        ds.head.weight = RowMatrixF::Ones(2, 2);
        const std::string unwritable = dir_.filePath("no/such/dir/out.h5").toStdString();
        const std::string damaged = dir_.filePath("damaged.h5").toStdString();
        writeHeadFile(ds, damaged);
        QVERIFY(QFile::resize(QString::fromStdString(damaged), 600)); // past the signature, cut short
        ssize_t afterWrite = -1, afterRead = -1;
        QString readError;
        std::thread worker([&] {
            try {
                writeHeadFile(ds, unwritable);
            } catch (const DatasetError&) {
            }
            afterWrite = H5Eget_num(H5E_DEFAULT);
            readError = messageOf(damaged);
            afterRead = H5Eget_num(H5E_DEFAULT);
        });
        worker.join();
        QVERIFY2(!readError.isEmpty(), "the cut-short file was read");
        QCOMPARE(afterWrite, ssize_t(0));
        QCOMPARE(afterRead, ssize_t(0));
    }

    void directoryIsRefused()
    {
        const QString error = messageOf(dir_.path().toStdString());
        QVERIFY2(error.contains("is a directory"), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestHeadFile)
#include "tst_headfile.moc"
