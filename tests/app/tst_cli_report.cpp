// `adasoftmax report`, run as a user runs it: the Markdown table on stdout, the CSV, and a JSON whose
// every row is recomputed here from its per-query records (independently of core: own sums, own
// Clopper–Pearson); the same seed gives the same report; HDF5 heads work; bad options exit 2.
#include "core/Head.h"
#include "datasets/HeadFile.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// P(X ≤ x) for X ~ Binomial(n, p), by the plain sum (n is small here).
double binomialCdf(int x, int n, double p)
{
    double sum = 0.0;
    for (int k = 0; k <= x; ++k)
        sum += std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0)
                        + k * std::log(p) + (n - k) * std::log1p(-p));
    return sum;
}

// The 95 % Clopper–Pearson interval by bisection on the binomial tails.
std::pair<double, double> clopperPearson(int x, int n)
{
    auto bisect = [](auto above) {
        double lo = 0.0, hi = 1.0;
        for (int i = 0; i < 60; ++i)
            (above(0.5 * (lo + hi)) ? hi : lo) = 0.5 * (lo + hi);
        return 0.5 * (lo + hi);
    };
    const double lo = x == 0 ? 0.0 : bisect([&](double p) { return 1.0 - binomialCdf(x - 1, n, p) > 0.025; });
    const double hi = x == n ? 1.0 : bisect([&](double p) { return binomialCdf(x, n, p) < 0.025; });
    return {lo, hi};
}

// Drops every wall-clock figure, which is the one thing a rerun may change.
QJsonValue withoutTimes(const QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject o;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            if (!it.key().contains(QStringLiteral("seconds")) && it.key() != QStringLiteral("time_speedup"))
                o.insert(it.key(), withoutTimes(it.value()));
        return o;
    }
    if (value.isArray()) {
        QJsonArray a;
        for (const QJsonValue& v : value.toArray())
            a.append(withoutTimes(v));
        return a;
    }
    return value;
}

const QString kSmall = QStringLiteral("synthetic:noisy?n=30&d=400&m=40&seed=2");

} // namespace

class TestCliReport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QJsonObject report(const QStringList& args, const QString& name, CliRun* runOut = nullptr)
    {
        const QString path = dir_.filePath(name);
        const CliRun run = runCli(QStringList{QStringLiteral("report")} + args
                                  + QStringList{QStringLiteral("--json"), path});
        if (runOut)
            *runOut = run;
        if (run.exitCode != 0) {
            qWarning().noquote() << "exit" << run.exitCode << run.err;
            return {};
        }
        return readJson(path);
    }

private slots:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void numbersFollowFromThePerQueryRecords()
    {
        const QString csv = dir_.filePath(QStringLiteral("small.csv"));
        CliRun run;
        const QJsonObject json
            = report({kSmall, QStringLiteral("--deltas"), QStringLiteral("0.1,0.05"),
                      QStringLiteral("--tune"), QStringLiteral("12"), QStringLiteral("--csv"), csv},
                     QStringLiteral("small.json"), &run);
        QVERIFY(!json.isEmpty());
        QCOMPARE(json.keys(), (QStringList{"head", "per_query", "rows"}));
        const QJsonObject head = json.value("head").toObject();
        QCOMPARE(head.value("n").toInt(), 30);
        QCOMPARE(head.value("tune_queries").toInt(), 12);
        QCOMPARE(head.value("test_queries").toInt(), 28);
        QVERIFY(run.err.contains(QStringLiteral("tune δ=0.05")));
        QVERIFY(run.out.contains(QStringLiteral("| method | δ |")));

        const QJsonArray rows = json.value("rows").toArray();
        const QJsonArray perQuery = json.value("per_query").toArray();
        QStringList methods;
        for (const QJsonValue& v : rows)
            methods << v.toObject().value("method").toString();
        QCOMPARE(methods.count(QStringLiteral("adaptive")), 2);
        QCOMPARE(methods.count(QStringLiteral("exact")), 1);
        QVERIFY(methods.count(QStringLiteral("svd")) >= 1);
        QCOMPARE(methods.count(QStringLiteral("hsm")), 1);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csvFile.readAll()).count(u'\n'), rows.size() + 1);

        for (int r = 0; r < rows.size(); ++r) {
            const QJsonObject row = rows[r].toObject();
            for (const char* key : {"method", "delta", "params", "sample_speedup", "sample_speedup_d",
                                    "time_speedup", "success_rate", "success_ci", "test_queries"})
                QVERIFY2(row.contains(QLatin1String(key)), key);
            const bool adaptive = row.value("method").toString() == QStringLiteral("adaptive");
            QCOMPARE(row.value("delta").isNull(), !adaptive);
            double fraction = 0.0, fractionD = 0.0, seconds = 0.0, exactSeconds = 0.0;
            int count = 0, successes = 0;
            for (const QJsonValue& v : perQuery) {
                const QJsonObject q = v.toObject();
                if (q.value("row").toInt() != r)
                    continue;
                QCOMPARE(q.value("method").toString(), row.value("method").toString());
                ++count;
                fraction += q.value("cost").toDouble() / q.value("exact_cost").toDouble();
                fractionD += q.value("cost").toDouble() / q.value("full_cost").toDouble();
                seconds += q.value("seconds").toDouble();
                exactSeconds += q.value("exact_seconds").toDouble();
                successes += q.value("success").toBool() ? 1 : 0;
                QCOMPARE(q.value("full_cost").toInteger(), 30 * 400);
            }
            QCOMPARE(count, 28);
            QCOMPARE(row.value("test_queries").toInt(), 28);
            auto close
                = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); };
            QVERIFY(close(row.value("sample_speedup").toDouble(), count / fraction));
            QVERIFY(close(row.value("sample_speedup_d").toDouble(), count / fractionD));
            QVERIFY(close(row.value("time_speedup").toDouble(), exactSeconds / seconds));
            QVERIFY(close(row.value("success_rate").toDouble(), double(successes) / count));
            const auto [lo, hi] = clopperPearson(successes, count);
            const QJsonArray ci = row.value("success_ci").toArray();
            QVERIFY(std::abs(ci[0].toDouble() - lo) < 1e-6);
            QVERIFY(std::abs(ci[1].toDouble() - hi) < 1e-6);
        }
        // Adaptive rows come first, one per δ, with their tuned factors.
        QCOMPARE(rows[0].toObject().value("delta").toDouble(), 0.1);
        QCOMPARE(rows[1].toObject().value("delta").toDouble(), 0.05);
        QVERIFY(rows[0].toObject().value("params").toObject().contains(QStringLiteral("fudge_best")));
        QCOMPARE(rows[2].toObject().value("sample_speedup").toDouble(), 1.0);
    }

    void sameSeedSameReport()
    {
        const QStringList args{kSmall,
                               QStringLiteral("--deltas"),
                               QStringLiteral("0.1"),
                               QStringLiteral("--tune"),
                               QStringLiteral("10"),
                               QStringLiteral("--seed"),
                               QStringLiteral("5")};
        const QJsonObject a = report(args, QStringLiteral("a.json"));
        const QJsonObject b = report(args, QStringLiteral("b.json"));
        QVERIFY(!a.isEmpty());
        QCOMPARE(withoutTimes(a), withoutTimes(b));
        QStringList other = args;
        other.last() = QStringLiteral("6");
        const QJsonObject c = report(other, QStringLiteral("c.json"));
        QVERIFY(withoutTimes(a) != withoutTimes(c));
    }

    void embeddedHeadPrintsTheTable()
    {
        const CliRun run
            = runCli({QStringLiteral("report"), QStringLiteral("embedded:fmnist-pixels"),
                      QStringLiteral("--queries"), QStringLiteral("120"), QStringLiteral("--no-svd")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.startsWith(QStringLiteral("## Speedup report: embedded:fmnist-pixels")));
        QCOMPARE(run.out.count(QStringLiteral("| adaptive |")), 3);
        QVERIFY(run.out.contains(QStringLiteral("| exact |")));
        QVERIFY(run.out.contains(QStringLiteral("| hsm |")));
        QVERIFY(!run.out.contains(QStringLiteral("| svd |")));
        QVERIFY(run.out.contains(QStringLiteral("| δ | warm-up | elimination | winner | partition |")));
    }

    void hdf5Head()
    {
        ada::Dataset ds;
        ds.head.weight = ada::RowMatrixF::Random(25, 64);
        ds.queries = ada::RowMatrixF::Random(16, 64);
        const QString path = dir_.filePath(QStringLiteral("head.h5"));
        ada::writeHeadFile(ds, path.toStdString());
        const QJsonObject json
            = report({path, QStringLiteral("--deltas"), QStringLiteral("0.1"), QStringLiteral("--k"),
                      QStringLiteral("2"), QStringLiteral("--no-hsm")},
                     QStringLiteral("h5.json"));
        QVERIFY(!json.isEmpty());
        QCOMPARE(json.value("head").toObject().value("tune_queries").toInt(), 8);
        const QJsonObject first = json.value("per_query").toArray().first().toObject();
        QCOMPARE(first.value("top_k").toArray().size(), 2);
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("delta 0") << QStringList{kSmall, "--deltas", "0.1,0"} << "--deltas";
        QTest::newRow("delta text") << QStringList{kSmall, "--deltas", "a"} << "--deltas";
        QTest::newRow("tune too many") << QStringList{kSmall, "--tune", "40"} << "--tune";
        QTest::newRow("tune 0") << QStringList{kSmall, "--tune", "0"} << "--tune";
        QTest::newRow("sweep form") << QStringList{kSmall, "--svd-sweep", "4"} << "--svd-sweep";
        QTest::newRow("sweep range") << QStringList{kSmall, "--svd-sweep", "400:3"} << "--svd-sweep";
        QTest::newRow("no dataset") << QStringList{} << "DATASET";
    }

    void badOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = runCli(QStringList{QStringLiteral("report")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
