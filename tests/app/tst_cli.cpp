// The `adasoftmax` executable, run as a user runs it: its JSON is complete and self-consistent,
// runs are reproducible, HDF5 heads work, bench reports a ratio, and every bad input ends with a
// message naming the problem and a non-zero exit status.
#include "core/Head.h"
#include "datasets/HeadFile.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include <cmath>

namespace {

struct CliRun {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        run.crashed = true;
        return run;
    }
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << path << error.errorString();
    return doc.object();
}

// The noisy family with the theory preset: uniform sampling, the family's known noise bound.
const QString kNoisy = QStringLiteral("synthetic:noisy?n=50&d=2000&m=20&seed=1");
const QString kSmall = QStringLiteral("synthetic:noisy?n=20&d=300&m=6&seed=3");

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    // Runs `run DATASET args --json FILE`; fails the test unless it exits 0 with valid JSON.
    QJsonObject runToJson(const QStringList& args, const QString& name)
    {
        const QString path = dir_.filePath(name);
        const CliRun run
            = runCli(QStringList{QStringLiteral("run")} + args + QStringList{QStringLiteral("--json"), path});
        if (run.crashed || run.exitCode != 0) {
            qWarning().noquote() << "exit" << run.exitCode << run.err;
            return {};
        }
        return readJson(path);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFileInfo::exists(QStringLiteral(CLI_PATH)), CLI_PATH);
    }

    void helpAndVersion()
    {
        const CliRun help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("run DATASET")));
        const CliRun runHelp = runCli({QStringLiteral("run"), QStringLiteral("--help")});
        QCOMPARE(runHelp.exitCode, 0);
        QVERIFY(runHelp.out.contains(QStringLiteral("--sampler")));
        QVERIFY(runHelp.out.contains(QStringLiteral("--tune")));
        const CliRun version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("adasoftmax ")));
    }

    void runJsonIsCompleteAndConsistent()
    {
        const QJsonObject json
            = runToJson({kNoisy, QStringLiteral("--preset"), QStringLiteral("theory")}, "theory.json");
        QVERIFY(!json.isEmpty());
        for (const char* key : {"dataset",      "n",     "d",           "queries",         "tune_queries",
                                "eps",          "delta", "k",           "preset",          "sampler",
                                "weights",      "seed",  "total_pulls", "exact_pulls",     "speedup",
                                "success_rate", "fudge", "per_query",   "wall_adaptive_s", "wall_exact_s",
                                "phase_pulls"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        for (const char* key : {"best_arms", "log_norm"})
            QVERIFY2(json.value("fudge").toObject().contains(QLatin1String(key)), key);
        QCOMPARE(json.value("queries").toInt(), 20);
        QCOMPARE(json.value("tune_queries").toInt(), 0);
        QCOMPARE(json.value("n").toInt(), 50);
        QCOMPARE(json.value("d").toInt(), 2000);
        QCOMPARE(json.value("preset").toString(), QStringLiteral("theory"));
        QCOMPARE(json.value("seed").toInteger(), 42);

        const QJsonArray perQuery = json.value("per_query").toArray();
        QCOMPARE(perQuery.size(), 20);
        const double n = json.value("n").toDouble();
        qint64 pulls = 0;
        qint64 exactPulls = 0;
        double fractionSum = 0.0;
        int successes = 0;
        for (const QJsonValue& value : perQuery) {
            const QJsonObject q = value.toObject();
            for (const char* key : {"query", "pulls", "top_k", "p_hat", "p_true", "log_s_hat", "log_s",
                                    "success", "effective_dim"})
                QVERIFY2(q.contains(QLatin1String(key)), key);
            QCOMPARE(q.value("top_k").toArray().size(), 1);
            QCOMPARE(q.value("p_hat").toArray().size(), 1);
            QCOMPARE(q.value("p_true").toArray().size(), 1);
            const qint64 p = q.value("pulls").toInteger();
            const qint64 dim = q.value("effective_dim").toInteger();
            QVERIFY(dim > 0);
            pulls += p;
            exactPulls += static_cast<qint64>(n) * dim;
            fractionSum += double(p) / (n * double(dim));
            successes += q.value("success").toBool() ? 1 : 0;
        }
        QCOMPARE(json.value("total_pulls").toInteger(), pulls);
        QCOMPARE(json.value("exact_pulls").toInteger(), exactPulls);
        // The paper's speedup (§1.3): 1 / mean over queries of pulls / (n·D).
        const double speedup = 1.0 / (fractionSum / perQuery.size());
        QVERIFY2(std::abs(json.value("speedup").toDouble() - speedup) <= 1e-12 * speedup,
                 qPrintable(QStringLiteral("%1 vs %2").arg(json.value("speedup").toDouble()).arg(speedup)));
        QCOMPARE(json.value("success_rate").toDouble(), double(successes) / perQuery.size());

        const QJsonObject phases = json.value("phase_pulls").toObject();
        qint64 phaseSum = 0;
        for (const char* key : {"warmup", "elimination", "winner", "partition"}) {
            QVERIFY2(phases.contains(QLatin1String(key)), key);
            phaseSum += phases.value(QLatin1String(key)).toInteger();
        }
        QCOMPARE(phaseSum, pulls);
    }

    void sameSeedSameJson()
    {
        const QStringList args{kSmall, QStringLiteral("--preset"), QStringLiteral("theory"),
                               QStringLiteral("--seed"), QStringLiteral("7")};
        QJsonObject first = runToJson(args, "a.json");
        QJsonObject second = runToJson(args, "b.json");
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        for (QJsonObject* json : {&first, &second}) {
            json->remove(QStringLiteral("wall_adaptive_s"));
            json->remove(QStringLiteral("wall_exact_s"));
        }
        QCOMPARE(QJsonDocument(first).toJson(), QJsonDocument(second).toJson());
        QCOMPARE(first.value("seed").toInteger(), 7);
    }

    void paperPresetTunes()
    {
        const QJsonObject json = runToJson({QStringLiteral("synthetic:noisy?n=40&d=400&m=60&seed=2"),
                                            QStringLiteral("--tune"), QStringLiteral("20")},
                                           "paper.json");
        QVERIFY(!json.isEmpty());
        QCOMPARE(json.value("preset").toString(), QStringLiteral("paper"));
        QCOMPARE(json.value("queries").toInt(), 40);
        QCOMPARE(json.value("tune_queries").toInt(), 20);
        QCOMPARE(json.value("per_query").toArray().size(), 40);
    }

    void tableOnStdout()
    {
        const CliRun run
            = runCli({QStringLiteral("run"), kSmall, QStringLiteral("--k"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 0);
        for (const char* text : {"speedup", "success rate", "total pulls", "p_hat"})
            QVERIFY2(run.out.contains(QLatin1String(text)), text);
    }

    void hdf5FromH5py()
    {
        const QString python = QStringLiteral(FIXTURE_PYTHON);
        if (python.isEmpty())
            QSKIP("no Python 3 with h5py and numpy was found at configure time");
        const QString path = dir_.filePath(QStringLiteral("h5py-head.h5"));
        const QString script = QStringLiteral(
            "import sys, numpy as np, h5py\n"
            "rng = np.random.default_rng(5)\n"
            "with h5py.File(sys.argv[1], 'w') as f:\n"
            "    f.attrs['format'] = 'adasoftmax-head'\n"
            "    f.attrs['version'] = 1\n"
            "    f.create_dataset('head/weight', data=(rng.standard_normal((30, 200)) / "
            "20).astype(np.float32))\n"
            "    f.create_dataset('queries/x', data=rng.standard_normal((10, 200)).astype(np.float32))\n");
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(python, {QStringLiteral("-c"), script, path});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAll().constData());

        const QJsonObject json = runToJson({path}, "h5py.json");
        QVERIFY(!json.isEmpty());
        QCOMPARE(json.value("n").toInt(), 30);
        QCOMPARE(json.value("d").toInt(), 200);
        QCOMPARE(json.value("queries").toInt() + json.value("tune_queries").toInt(), 10);
    }

    void hdf5FromOurWriter()
    {
        // The same path without Python: a head written by datasets/ and read back by the CLI.
        ada::Dataset ds;
        ds.head.weight = ada::RowMatrixF::Random(25, 64);
        ds.queries = ada::RowMatrixF::Random(4, 64);
        const QString path = dir_.filePath(QStringLiteral("own-head.h5"));
        ada::writeHeadFile(ds, path.toStdString());
        const QJsonObject json = runToJson({path, QStringLiteral("--preset"), QStringLiteral("theory"),
                                            QStringLiteral("--k"), QStringLiteral("3")},
                                           "own.json");
        QVERIFY(!json.isEmpty());
        QCOMPARE(json.value("n").toInt(), 25);
        QCOMPARE(json.value("queries").toInt(), 4);
        QCOMPARE(json.value("per_query").toArray().first().toObject().value("top_k").toArray().size(), 3);
    }

    void benchReportsRatio()
    {
        const QString path = dir_.filePath(QStringLiteral("bench.json"));
        const CliRun run
            = runCli({QStringLiteral("bench"), QStringLiteral("synthetic:noisy?n=30&d=500&m=5&seed=2"),
                      QStringLiteral("--repetitions"), QStringLiteral("2"), QStringLiteral("--json"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("time speedup")));
        QVERIFY(run.out.contains(QStringLiteral("success rate")));
        const QRegularExpression ratio(QStringLiteral("time speedup\\s+[0-9.e+-]+x"));
        QVERIFY2(ratio.match(run.out).hasMatch(), qPrintable(run.out));
        const QJsonObject json = readJson(path);
        QCOMPARE(json.value("repetitions").toInt(), 2);
        QVERIFY(json.value("time_speedup").toDouble() > 0.0);
        QVERIFY(json.value("sample_speedup").toDouble() > 0.0);
        QVERIFY(json.contains(QStringLiteral("success_rate")));
    }

    // `bench --suite --quick`: the JSON form, one entry per head, and the cost model's
    // numbers consistent with each other.
    void benchSuiteWritesTheJson()
    {
        const QString path = dir_.filePath(QStringLiteral("suite.json"));
        const CliRun run
            = runCli({QStringLiteral("bench"), QStringLiteral("--suite"), QStringLiteral("--quick"),
                      QStringLiteral("--repetitions"), QStringLiteral("1"), QStringLiteral("--json"), path},
                     120000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("cost model")));
        const QJsonObject json = readJson(path);
        QVERIFY(json.value("machine").toObject().value("stream_read_Bps").toDouble() > 0.0);
        const QJsonArray heads = json.value("heads").toArray();
        QCOMPARE(heads.size(), 3);
        for (const QJsonValue& value : heads) {
            const QJsonObject h = value.toObject();
            for (const char* key : {"name", "n", "d", "exact_s", "adaptive_s", "time_speedup",
                                    "sample_speedup", "success_rate", "bytes_touched"})
                QVERIFY2(h.contains(QLatin1String(key)), key);
            QCOMPARE(h.value("time_speedup").toDouble(),
                     h.value("exact_s").toDouble() / h.value("adaptive_s").toDouble());
            QVERIFY(h.value("sample_speedup").toDouble() > 1.0);
            QVERIFY(h.value("bytes_touched").toDouble() > 0.0);
            QVERIFY(h.value("memory_ratio").toDouble() <= 2.1);
            // The quick heads are a few MB: their resident growth would be noise, so it is null.
            QVERIFY(h.contains(QLatin1String("resident_memory_ratio")));
            QVERIFY(h.value("resident_memory_ratio").isNull());
            // The cost model's floor: at least 4 bytes per pull (every head here samples without
            // replacement), and the bound it gives is exact bytes over it.
            const double floor = h.value("bytes_floor").toDouble();
            QVERIFY(floor >= 4.0 * h.value("pulls_per_query").toDouble() * (1 - 1e-12));
            QCOMPARE(h.value("time_speedup_bound").toDouble(), h.value("bytes_exact").toDouble() / floor);
            double phasePulls = 0.0, phaseBytes = 0.0;
            for (const QString& phase : {QStringLiteral("warm-up"), QStringLiteral("elimination"),
                                         QStringLiteral("winner"), QStringLiteral("partition")}) {
                const QJsonObject p = h.value("phases").toObject().value(phase).toObject();
                QVERIFY2(p.contains(QLatin1String("pulls")) && p.contains(QLatin1String("bytes")),
                         qPrintable(phase));
                phasePulls += p.value("pulls").toDouble();
                phaseBytes += p.value("bytes").toDouble();
            }
            QVERIFY(qAbs(phasePulls - h.value("pulls_per_query").toDouble()) <= 1e-6 * phasePulls);
            QVERIFY(qAbs(phaseBytes - h.value("bytes_touched").toDouble()) <= 1e-6 * phaseBytes);
            // The paper-preset heads run the suite's default estimator, the theory ones theirs.
            QCOMPARE(h.value("sampler").toString(),
                     h.value("preset").toString() == QLatin1String("paper") ? QStringLiteral("is-wor-dr")
                                                                            : QStringLiteral("uniform-wor"));
        }
        // Bad use is refused before any work.
        const CliRun uniform
            = runCli({QStringLiteral("bench"), QStringLiteral("--suite"), QStringLiteral("--quick"),
                      QStringLiteral("--sampler"), QStringLiteral("uniform-wr")});
        QCOMPARE(uniform.exitCode, 2);
        QVERIFY2(uniform.err.contains(QStringLiteral("takes an importance sampler")),
                 qPrintable(uniform.err));
        const CliRun both = runCli({QStringLiteral("bench"), QStringLiteral("--suite"),
                                    QStringLiteral("synthetic:noisy?n=30&d=500&m=5&seed=2")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(QStringLiteral("--suite takes no DATASET")), qPrintable(both.err));
        const CliRun quick = runCli({QStringLiteral("bench"), QStringLiteral("--quick"),
                                     QStringLiteral("synthetic:noisy?n=30&d=500&m=5&seed=2")});
        QCOMPARE(quick.exitCode, 2);
        QVERIFY2(quick.err.contains(QStringLiteral("--quick only applies to --suite")),
                 qPrintable(quick.err));
        const CliRun onlyAlone
            = runCli({QStringLiteral("bench"), QStringLiteral("--only"), QStringLiteral("x"),
                      QStringLiteral("synthetic:noisy?n=30&d=500&m=5&seed=2")});
        QCOMPARE(onlyAlone.exitCode, 2);
        QVERIFY2(onlyAlone.err.contains(QStringLiteral("--only only applies to --suite")),
                 qPrintable(onlyAlone.err));
        const CliRun unmatched
            = runCli({QStringLiteral("bench"), QStringLiteral("--suite"), QStringLiteral("--quick"),
                      QStringLiteral("--only"), QStringLiteral("Llama")});
        QCOMPARE(unmatched.exitCode, 2);
        QVERIFY2(unmatched.err.contains(QStringLiteral("--only 'Llama' matches no head of the quick suite"))
                     && unmatched.err.contains(QStringLiteral("noisy, d = 10^4")),
                 qPrintable(unmatched.err));
    }

    // `bench --suite --only TEXT` measures only the heads whose name contains TEXT, in any case.
    void benchSuiteOnlyRunsTheNamedHeads()
    {
        const QString path = dir_.filePath(QStringLiteral("suite-only.json"));
        const CliRun run
            = runCli({QStringLiteral("bench"), QStringLiteral("--suite"), QStringLiteral("--quick"),
                      QStringLiteral("--only"), QStringLiteral("NOISY"), QStringLiteral("--json"), path,
                      QStringLiteral("--repetitions"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("noisy, d = 10^4")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("LLM-like")), qPrintable(run.out));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray heads = root.value("heads").toArray();
        QCOMPARE(heads.size(), 1);
        QCOMPARE(heads.at(0).toObject().value("name").toString(), QStringLiteral("noisy, d = 10^4"));
        QCOMPARE(root.value("suite").toObject().value("only").toString(), QStringLiteral("NOISY"));
    }

    void varianceWritesTheCsvColumns()
    {
        const QString path = dir_.filePath(QStringLiteral("variance.csv"));
        const CliRun run
            = runCli({QStringLiteral("variance"), QStringLiteral("synthetic:noisy?n=20&d=300&m=2&seed=3"),
                      QStringLiteral("--row"), QStringLiteral("top"), QStringLiteral("--query"),
                      QStringLiteral("1"), QStringLiteral("--reps"), QStringLiteral("40"),
                      QStringLiteral("--grid"), QStringLiteral("10,100,300"), QStringLiteral("--csv"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(
            lines.first(),
            QStringLiteral("estimator,weights,t,mse,bias,predicted_var,var_estimate_mean,var_estimate_sd"));
        QCOMPARE(lines.size(),
                 1 + 12 * 3); // 3 uniform curves + 3 importance estimators × 3 weightings, 3 sizes
        QSet<QString> names;
        for (const QString& line : lines.mid(1)) {
            const QStringList cells = line.split(',');
            QCOMPARE(cells.size(), 8);
            names.insert(cells[0] + '/' + cells[1]);
        }
        QVERIFY(names.contains(QStringLiteral("uniform-wr/none")));
        QVERIFY(names.contains(QStringLiteral("uniform-wor-fpc/none")));
        QVERIFY(names.contains(QStringLiteral("is-wor-ht/both")));
        QVERIFY(names.contains(QStringLiteral("is-wor-dr/query")));
        QVERIFY(names.contains(QStringLiteral("is-wr/query")));
        // The noisy family's query 1 plants arm 1 on top (§8.1).
        QVERIFY2(run.out.contains(QStringLiteral("row ")) && run.out.contains(QStringLiteral(" 1\n")),
                 qPrintable(run.out));
        const CliRun bad
            = runCli({QStringLiteral("variance"), QStringLiteral("synthetic:noisy?n=20&d=300&m=2&seed=3"),
                      QStringLiteral("--row"), QStringLiteral("cat")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--row 'cat' is not an index")), qPrintable(bad.err));
    }

    void badInputs_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString s = kSmall;
        const QString r = QStringLiteral("run");
        QTest::newRow("no command") << QStringList{} << 2 << "missing COMMAND";
        QTest::newRow("missing dataset") << QStringList{r} << 2 << "missing DATASET";
        QTest::newRow("unknown command")
            << QStringList{"frobnicate", s} << 2 << "unknown command 'frobnicate'";
        QTest::newRow("unknown option") << QStringList{r, s, "--bogus"} << 2 << "Unknown option 'bogus'";
        QTest::newRow("eps 0") << QStringList{r, s, "--eps", "0"} << 2
                               << "epsilon must lie strictly between 0 and 1";
        QTest::newRow("eps 1.5") << QStringList{r, s, "--eps", "1.5"} << 2
                                 << "epsilon must lie strictly between 0 and 1";
        QTest::newRow("eps abc") << QStringList{r, s, "--eps", "abc"} << 2
                                 << "--eps expects a number, got 'abc'";
        QTest::newRow("delta abc") << QStringList{r, s, "--delta", "abc"} << 2
                                   << "--delta expects a number, got 'abc'";
        QTest::newRow("k 0") << QStringList{r, s, "--k", "0"} << 2 << "k must be at least 1";
        QTest::newRow("k = n") << QStringList{r, s, "--k", "20"} << 2
                               << "must be smaller than the number of arms n = 20";
        QTest::newRow("unknown preset")
            << QStringList{r, s, "--preset", "fast"} << 2 << "unknown preset 'fast'";
        QTest::newRow("unknown sampler")
            << QStringList{r, s, "--sampler", "magic"} << 2 << "unknown sampler 'magic'";
        QTest::newRow("exact-winner")
            << QStringList{r, s, "--exact-winner", "maybe"} << 2 << "expects yes or no";
        QTest::newRow("nonexistent file")
            << QStringList{r, dir_.filePath("missing.h5")} << 1 << "no such file";
        QTest::newRow("queries 0") << QStringList{r, s, "--queries", "0"} << 2
                                   << "--queries must be at least 1";
        QTest::newRow("queries > m") << QStringList{r, s, "--queries", "7"} << 2 << "exceeds the 6 queries";
        QTest::newRow("tune >= queries")
            << QStringList{r, s, "--tune", "6"} << 2 << "--tune 6 must be smaller";
        QTest::newRow("bad synthetic") << QStringList{r, "synthetic:nope"} << 1 << "unknown family 'nope'";
        QTest::newRow("repetitions 0")
            << QStringList{"bench", s, "--repetitions", "0"} << 2 << "--repetitions must be at least 1";
        QTest::newRow("unwritable json")
            << QStringList{r, s, "--json", dir_.filePath("no/such/dir/out.json")} << 1 << "cannot write";
    }

    void badInputs()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRun run = runCli(args);
        QVERIFY(!run.crashed);
        QVERIFY2(run.err.contains(QStringLiteral("adasoftmax: error: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.exitCode, exitCode);
    }

    void notAnHdf5File()
    {
        const QString path = dir_.filePath(QStringLiteral("garbage.h5"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not an HDF5 file\n");
        file.close();
        const CliRun run = runCli({QStringLiteral("run"), path});
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("adasoftmax: error: ")) && run.err.contains(path),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
