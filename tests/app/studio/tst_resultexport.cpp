// Results as CSV and JSON: one row per arm with its pulls, estimate, variance and true logit; the
// JSON carries the scenario (which opens again) and the result.
#include "app/studio/ResultExport.h"
#include "datasets/SyntheticDatasets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace ada;

class TestResultExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void csvHasOneRowPerArm();
    void jsonHasScenarioResultAndArms();
    void namesAreQuoted();
    void writeFailsWithTheFileName();

private:
    RunDataPtr run_;
    Scenario scenario_;
};

void TestResultExport::initTestCase()
{
    scenario_.dataset = QStringLiteral("synthetic:noisy?n=30&d=2000&m=2&seed=3");
    scenario_.query = 1;
    scenario_.config = Config::forPreset(Preset::Paper);
    scenario_.config.k = 2;
    const Dataset ds = generateSynthetic(parseSyntheticSpec(scenario_.dataset.toStdString()));
    run_ = recordRun(ds, scenario_.query, scenario_.config);
    QVERIFY(run_);
}

void TestResultExport::csvHasOneRowPerArm()
{
    const QList<QByteArray> lines = resultsCsv(*run_).trimmed().split('\n');
    QCOMPARE(lines.size(), 31);
    QCOMPARE(lines.front(), QByteArray("arm,name,pulls,estimate,variance,true_logit"));
    const Snapshot& last = run_->trace.snapshots.back();
    for (int i = 0; i < 30; ++i) {
        const QList<QByteArray> f = lines[i + 1].split(',');
        QCOMPARE(f.size(), 6);
        QCOMPARE(f[0].toInt(), i);
        QCOMPARE(f[2].toLongLong(), qint64(last.depths[std::size_t(i)]));
        QCOMPARE(f[5].toDouble(), run_->trueLogits[i]);
    }
}

void TestResultExport::jsonHasScenarioResultAndArms()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(resultsJson(*run_, scenario_), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o["arms"].toArray().size(), 30);
    const QJsonObject result = o["result"].toObject();
    QCOMPARE(result["top_k"].toArray().size(), 2);
    QCOMPARE(result["total_pulls"].toInteger(), qint64(run_->trace.result.totalPulls));
    QCOMPARE(result["log_s"].toDouble(), run_->trueLogPartition);
    QCOMPARE(result["speedup"].toDouble(),
             double(run_->trace.result.exactPulls()) / double(run_->trace.result.totalPulls));
    const Scenario back = Scenario::fromJson(o["scenario"].toObject());
    QCOMPARE(back.dataset, scenario_.dataset);
    QCOMPARE(back.query, 1);
    QCOMPARE(back.config.k, 2);
}

void TestResultExport::namesAreQuoted()
{
    auto copy = std::make_shared<RunData>(*run_);
    copy->vocab.assign(30, std::string("plain"));
    copy->vocab[0] = "say \"hi\", world";
    const QByteArray csv = resultsCsv(*copy);
    QVERIFY(csv.contains("0,\"say \"\"hi\"\", world\","));
}

void TestResultExport::writeFailsWithTheFileName()
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("r.csv"));
    writeFileAtomically(good, "x\n");
    QVERIFY(QFile::exists(good));
    const QString bad = dir.filePath(QStringLiteral("missing/folder/r.csv"));
    try {
        writeFileAtomically(bad, "x\n");
        QFAIL("no exception");
    } catch (const std::runtime_error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(bad), e.what());
    }
}

QTEST_GUILESS_MAIN(TestResultExport)
#include "tst_resultexport.moc"
