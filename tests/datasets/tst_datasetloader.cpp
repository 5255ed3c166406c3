// loadDataset: every accepted form of a dataset name, and a clear error for everything else.
#include "datasets/DatasetError.h"
#include "datasets/DatasetLoader.h"
#include "datasets/SyntheticDatasets.h"

#include <QtTest>

#include <cstring>

using namespace ada;

namespace {

QString messageOf(const std::string& name, const ReadLimits& limits = {})
{
    try {
        (void)loadDataset(name, limits);
    } catch (const DatasetError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class TestDatasetLoader : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void synthetic_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("defaults") << "synthetic:noisy?d=40"
                                  << "synthetic:noisy?n=100&d=40&m=1&seed=0";
        QTest::newRow("all keys") << "synthetic:sanity?n=3&d=4&m=2&seed=8"
                                  << "synthetic:sanity?n=3&d=4&m=2&seed=8";
        QTest::newRow("high-variance") << "synthetic:high-variance?n=3&d=4"
                                       << "synthetic:high-variance?n=3&d=4&m=1&seed=0&peaks=2";
    }
    void synthetic()
    {
        QFETCH(QString, name);
        QFETCH(QString, canonical);
        const Dataset ds = loadDataset(name.toStdString());
        QCOMPARE(QString::fromStdString(ds.name), canonical);
        // The loader gives exactly what the generator gives.
        const Dataset direct = generateSynthetic(parseSyntheticSpec(canonical.toStdString()));
        QCOMPARE(ds.head.weight, direct.head.weight);
        QCOMPARE(ds.queries, direct.queries);
    }

    void headFile()
    {
        Dataset ds;
        ds.head.weight = RowMatrixF::Random(6, 5);
        ds.queries = RowMatrixF::Random(2, 5);
        ds.labels = {4, 0};
        ds.model = "loader-model";
        const std::string path = dir_.filePath("head.h5").toStdString();
        writeHeadFile(ds, path);

        const Dataset back = loadDataset(path);
        QCOMPARE(back.name, path);
        QCOMPARE(back.head.weight, ds.head.weight);
        QCOMPARE(back.queries, ds.queries);
        QCOMPARE(back.model, ds.model);

        // The limits reach the reader.
        ReadLimits tight;
        tight.maxBytes = 16;
        QVERIFY2(messageOf(path, tight).contains("more than the limit of 16 bytes"),
                 qPrintable(messageOf(path, tight)));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        const QString accepted
            = "accepted: a file (HDF5 head, safetensors or its *.index.json, NumPy .npy/.npz), optionally";
        QTest::newRow("empty") << ""
                               << "no dataset given (" + accepted;
        QTest::newRow("missing file") << "/no/such/head.h5"
                                      << "no such file: /no/such/head.h5";
        QTest::newRow("relative missing file") << "nothing-here.h5"
                                               << "no such file: nothing-here.h5";
        QTest::newRow("unknown scheme") << "synth:noisy?n=5"
                                        << "unknown dataset form 'synth:noisy?n=5' (" + accepted;
        QTest::newRow("bad synthetic spec") << "synthetic:noisy?n=1"
                                            << "synthetic:noisy?n=1: n must be at least 2";
        QTest::newRow("unknown family") << "synthetic:blue"
                                        << "unknown family 'blue'";
        QTest::newRow("directory") << "@DIR@"
                                   << "is not a regular file (" + accepted;
        QTest::newRow("not HDF5") << "@TEXT@"
                                  << "text.h5: not a recognised file: expected an HDF5 head file";
    }
    void errors()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        if (name == "@DIR@")
            name = dir_.path();
        if (name == "@TEXT@") {
            name = dir_.filePath("text.h5");
            QFile f(name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("plain text\n");
        }
        const QString error = messageOf(name.toStdString());
        QVERIFY2(!error.isEmpty(), "no DatasetError");
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestDatasetLoader)
#include "tst_datasetloader.moc"
