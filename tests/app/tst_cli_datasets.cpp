// The dataset commands of `adasoftmax` (datasets, inspect, convert, fetch) and dataset names with
// options (PATH?queries=…), run as a user runs them, through QProcess.
#include "core/Head.h"
#include "datasets/DatasetLoader.h"
#include "datasets/HeadFile.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstring>

namespace {

struct CliRun {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& arguments, const QString& cacheDir, int timeoutMs = 120000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CACHE_HOME"), cacheDir); // never the user's cache
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.crashed = true;
        return run;
    }
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// A float32 C-order .npy, written as NumPy writes version 1.0 (header padded to 64 bytes).
void writeNpy(const QString& path, const ada::RowMatrixF& m)
{
    QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2), }")
                            .arg(m.rows())
                            .arg(m.cols())
                            .toLatin1();
    while ((10 + header.size() + 1) % 64 != 0)
        header.append(' ');
    header.append('\n');
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\x93NUMPY\x01\x00", 8);
    const quint16 len = static_cast<quint16>(header.size());
    const char lenBytes[2] = {static_cast<char>(len & 0xff), static_cast<char>(len >> 8)};
    f.write(lenBytes, 2);
    f.write(header);
    f.write(reinterpret_cast<const char*>(m.data()), static_cast<qint64>(m.size() * sizeof(float)));
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestCliDatasets : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString cache_;

    CliRun cli(const QStringList& args) { return runCli(args, cache_); }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        cache_ = dir_.filePath(QStringLiteral("cache"));
        qputenv("XDG_CACHE_HOME", cache_.toUtf8()); // this process's loads too
        QVERIFY2(QFileInfo::exists(QStringLiteral(CLI_PATH)), CLI_PATH);
    }

    void datasetsListsEveryBuiltin()
    {
        const QString json = dir_.filePath(QStringLiteral("datasets.json"));
        const CliRun run = cli({QStringLiteral("datasets"), QStringLiteral("--json"), json});
        QCOMPARE(run.exitCode, 0);
        for (const char* name : {"embedded:fmnist-pixels", "fmnist:pixels", "fmnist:rf", "glove:100d",
                                 "synthetic:noisy", "synthetic:llm-like"})
            QVERIFY2(run.out.contains(QLatin1String(name)), name);
        const QJsonArray list = readJson(json)[QStringLiteral("datasets")].toArray();
        QCOMPARE(list.size(), qsizetype(ada::builtinDatasets().size()));
        for (const auto& v : list)
            if (v.toObject()[QStringLiteral("name")].toString() == QLatin1String("embedded:fmnist-pixels"))
                QVERIFY(v.toObject()[QStringLiteral("ready")].toBool());
    }

    void inspectDescribesARealHead()
    {
        const QString json = dir_.filePath(QStringLiteral("inspect.json"));
        const CliRun run = cli({QStringLiteral("inspect"), QStringLiteral("embedded:fmnist-pixels"),
                                QStringLiteral("--json"), json});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("10 × 784")));
        QVERIFY(run.out.contains(QStringLiteral("usable for a run")));
        const QJsonObject o = readJson(json);
        QCOMPARE(o[QStringLiteral("n")].toInt(), 10);
        QCOMPARE(o[QStringLiteral("d")].toInt(), 784);
        QCOMPARE(o[QStringLiteral("m")].toInt(), 300);
        QVERIFY(o[QStringLiteral("usable")].toBool());
        // The shipped head's accuracy on its own test queries (resources/make_fmnist_head.py: 0.80).
        const double accuracy = o[QStringLiteral("label_accuracy")].toDouble();
        QVERIFY2(accuracy > 0.7 && accuracy < 0.9, qPrintable(QString::number(accuracy)));
        const double top1
            = o[QStringLiteral("top1_probability")].toObject()[QStringLiteral("median")].toDouble();
        QVERIFY(top1 > 0.1 && top1 <= 1.0);
    }

    void inspectRefusesUnusableFiles()
    {
        const QString garbage = dir_.filePath(QStringLiteral("garbage.bin"));
        QFile f(garbage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("definitely not a model head");
        f.close();
        const CliRun bad = cli({QStringLiteral("inspect"), garbage});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(garbage + QStringLiteral(": not a recognised file")), qPrintable(bad.err));

        // A head without queries is described, and reported as not runnable.
        ada::RowMatrixF w(3, 4);
        w.setZero();
        w(1, 2) = 1.0f;
        const QString head = dir_.filePath(QStringLiteral("head.npy"));
        writeNpy(head, w);
        const CliRun noQueries = cli({QStringLiteral("inspect"), head});
        QCOMPARE(noQueries.exitCode, 1);
        QVERIFY(noQueries.out.contains(QStringLiteral("a NumPy .npy file")));
        QVERIFY2(noQueries.err.contains(QStringLiteral("it has no queries")), qPrintable(noQueries.err));
    }

    // A head and its queries in separate NumPy files, joined by the PATH?queries=… form, then run.
    void headWithQueriesFromAnotherFile()
    {
        ada::RowMatrixF w(6, 50), x(12, 50);
        for (int i = 0; i < w.rows(); ++i)
            for (int j = 0; j < w.cols(); ++j)
                w(i, j) = static_cast<float>(((i * 31 + j * 17) % 23) - 11) / 8.0f;
        for (int q = 0; q < x.rows(); ++q)
            for (int j = 0; j < x.cols(); ++j)
                x(q, j) = static_cast<float>(((q * 13 + j * 7) % 19) - 9) / 16.0f;
        const QString head = dir_.filePath(QStringLiteral("w.npy"));
        const QString queries = dir_.filePath(QStringLiteral("x.npy"));
        writeNpy(head, w);
        writeNpy(queries, x);
        const QString name
            = head + QStringLiteral("?queries=") + queries + QStringLiteral("&temperature=0.5");
        const QString json = dir_.filePath(QStringLiteral("run.json"));
        const CliRun run = cli({QStringLiteral("run"), name, QStringLiteral("--preset"),
                                QStringLiteral("theory"), QStringLiteral("--json"), json});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject o = readJson(json);
        QCOMPARE(o[QStringLiteral("n")].toInt(), 6);
        QCOMPARE(o[QStringLiteral("d")].toInt(), 50);
        QCOMPARE(o[QStringLiteral("temperature")].toDouble(), 0.5);

        ada::RowMatrixF wrong(4, 49);
        wrong.setOnes();
        const QString wrongQueries = dir_.filePath(QStringLiteral("wrong.npy"));
        writeNpy(wrongQueries, wrong);
        const CliRun mismatch
            = cli({QStringLiteral("run"), head + QStringLiteral("?queries=") + wrongQueries});
        QCOMPARE(mismatch.exitCode, 1);
        QVERIFY2(mismatch.err.contains(QStringLiteral("the queries have dimension 49 but the head in ")),
                 qPrintable(mismatch.err));
        const CliRun unknown = cli({QStringLiteral("run"), head + QStringLiteral("?query=") + queries});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("unknown option 'query'")), qPrintable(unknown.err));
    }

    // convert writes the HEAD_FORMAT file; reading it back gives the same bits as loading the source.
    void convertRoundTrips()
    {
        const QString out = dir_.filePath(QStringLiteral("converted.h5"));
        const QString source = QStringLiteral("synthetic:llm-like?n=300&d=64&m=5&seed=3");
        const CliRun run = cli({QStringLiteral("convert"), source, out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const ada::Dataset back = ada::readHeadFile(out.toStdString());
        const ada::Dataset original = ada::loadDataset(source.toStdString());
        QCOMPARE(back.head.weight.rows(), original.head.weight.rows());
        QVERIFY(std::memcmp(back.head.weight.data(), original.head.weight.data(),
                            sizeof(float) * static_cast<std::size_t>(original.head.weight.size()))
                == 0);
        QVERIFY(std::memcmp(back.queries.data(), original.queries.data(),
                            sizeof(float) * static_cast<std::size_t>(original.queries.size()))
                == 0);
        // The converted file runs like any head file.
        const CliRun again = cli({QStringLiteral("inspect"), out});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    void fetchNeedsAFetchableName()
    {
        const CliRun run = cli({QStringLiteral("fetch"), QStringLiteral("synthetic:noisy")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("needs no preparation")), qPrintable(run.err));
        const CliRun unknown = cli({QStringLiteral("fetch"), QStringLiteral("glove:300d")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("glove:300d")), qPrintable(unknown.err));
    }

    void runsTheEmbeddedHead()
    {
        const CliRun run = cli({QStringLiteral("run"), QStringLiteral("embedded:fmnist-pixels"),
                                QStringLiteral("--queries"), QStringLiteral("120"), QStringLiteral("--tune"),
                                QStringLiteral("40")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("success")));
    }
};

QTEST_GUILESS_MAIN(TestCliDatasets)
#include "tst_cli_datasets.moc"
